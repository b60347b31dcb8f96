package diemcau.command;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What an accepted command will do: what to write (in the same transaction as its audit row),
 * and how to install the new state in memory once that transaction has committed. Nothing is
 * installed before that, so a failed write changes nothing.
 *
 * @param auditArgs the arguments as the audit log records them; null records them as given
 *     (a bulk import records a summary instead of every row)
 */
public record Change(LiveCore core, Write write, Runnable install, JsonObject auditArgs) {

  /** Writes a change inside the command's transaction; {@code rev} is the topic's new revision. */
  @FunctionalInterface
  public interface Write {
    void run(Connection connection, long rev, long now) throws SQLException;
  }

  /** A change whose whole persisted form is the core's new anchors, kept in {@code core_state}. */
  public static Change ofState(LiveCore core, JsonObject stored, Runnable install) {
    return new Change(core,
        (connection, rev, now) -> diemcau.store.CoreStates.save(connection, core.topic(), rev, stored, now),
        install, null);
  }

  public Change withAuditArgs(JsonObject summary) {
    return new Change(core, write, install, summary);
  }
}
