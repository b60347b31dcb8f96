package diemcau.command;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an accepted command will do: what to write (in the same transaction as its audit row),
 * and how to install the new state in memory once that transaction has committed. Nothing is
 * installed before that, so a failed write changes nothing. A change may carry changes of other
 * cores ({@link #and}): all are written in the one transaction, installed together, and each
 * core's topic is published.
 *
 * @param topic what the change is revisioned and audited under: its core's topic, or the name of
 *     records no screen subscribes to ({@link #unpublished})
 * @param core the core whose topic is published after the commit; null publishes nothing
 * @param auditArgs the arguments as the audit log records them; null records them as given
 *     (a bulk import records a summary instead of every row)
 * @param reply what the accepted command answers besides its revision (an import's counts); null for nothing
 * @param others changes of other cores that go with this one
 */
public record Change(String topic, LiveCore core, Write write, Runnable install, JsonObject auditArgs, JsonObject reply,
    List<Change> others) {

  /** Writes a change inside the command's transaction; {@code rev} is the topic's new revision. */
  @FunctionalInterface
  public interface Write {
    void run(Connection connection, long rev, long now) throws SQLException;
  }

  public Change {
    others = List.copyOf(others);
  }

  public Change(LiveCore core, Write write, Runnable install, JsonObject auditArgs) {
    this(core.topic(), core, write, install, auditArgs, null, List.of());
  }

  /**
   * A change of records that no screen subscribes to (a feature's tables behind a topic it
   * publishes on its own schedule): audited and revisioned under {@code topic}, published by none.
   */
  public static Change unpublished(String topic, Write write, Runnable install) {
    return new Change(topic, null, write, install, null, null, List.of());
  }

  /** A change whose whole persisted form is the core's new anchors, kept in {@code core_state}. */
  public static Change ofState(LiveCore core, JsonObject stored, Runnable install) {
    return new Change(core,
        (connection, rev, now) -> diemcau.store.CoreStates.save(connection, core.topic(), rev, stored, now),
        install, null);
  }

  /** Nothing to write or install: {@code core}'s topic is published again, its data derive from another core's state. */
  public static Change republish(LiveCore core) {
    return new Change(core, (connection, rev, now) -> { }, () -> { }, null);
  }

  public Change withAuditArgs(JsonObject summary) {
    return new Change(topic, core, write, install, summary, reply, others);
  }

  /** This change, answering {@code data} besides its revision once committed. */
  public Change withReply(JsonObject data) {
    return new Change(topic, core, write, install, auditArgs, data, others);
  }

  /** This change and {@code other} (of another core), committed, installed and published together. */
  public Change and(Change other) {
    List<Change> all = new ArrayList<>(others);
    all.add(other);
    return new Change(topic, core, write, install, auditArgs, reply, all);
  }

  /** This change and the ones that go with it, this one first, each on its own. */
  public List<Change> parts() {
    List<Change> parts = new ArrayList<>();
    parts.add(new Change(topic, core, write, install, auditArgs, reply, List.of()));
    for (Change other : others) {
      parts.addAll(other.parts());
    }
    return parts;
  }
}
