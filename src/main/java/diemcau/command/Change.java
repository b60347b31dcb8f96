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
 * @param auditArgs the arguments as the audit log records them; null records them as given
 *     (a bulk import records a summary instead of every row)
 * @param others changes of other cores that go with this one
 */
public record Change(LiveCore core, Write write, Runnable install, JsonObject auditArgs, List<Change> others) {

  /** Writes a change inside the command's transaction; {@code rev} is the topic's new revision. */
  @FunctionalInterface
  public interface Write {
    void run(Connection connection, long rev, long now) throws SQLException;
  }

  public Change {
    others = List.copyOf(others);
  }

  public Change(LiveCore core, Write write, Runnable install, JsonObject auditArgs) {
    this(core, write, install, auditArgs, List.of());
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
    return new Change(core, write, install, summary, others);
  }

  /** This change and {@code other} (of another core), committed, installed and published together. */
  public Change and(Change other) {
    List<Change> all = new ArrayList<>(others);
    all.add(other);
    return new Change(core, write, install, auditArgs, all);
  }

  /** This change and the ones that go with it, this one first, each on its own. */
  public List<Change> parts() {
    List<Change> parts = new ArrayList<>();
    parts.add(new Change(core, write, install, auditArgs));
    for (Change other : others) {
      parts.addAll(other.parts());
    }
    return parts;
  }
}
