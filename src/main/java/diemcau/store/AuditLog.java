package diemcau.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The append-only {@code audit_log}: who ran which command with which arguments, and what it produced. */
public final class AuditLog {

  /** One accepted command. */
  public record Entry(long at, String actor, String role, String command, JsonObject args, String topic, Long rev) {}

  private AuditLog() {}

  public static void append(Connection connection, Entry entry) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO audit_log (at_ms, actor, role, command, args, topic, rev) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, entry.at());
      insert.setString(2, entry.actor());
      insert.setString(3, entry.role());
      insert.setString(4, entry.command());
      insert.setString(5, entry.args().encode());
      insert.setString(6, entry.topic());
      if (entry.rev() == null) {
        insert.setNull(7, java.sql.Types.BIGINT);
      } else {
        insert.setLong(7, entry.rev());
      }
      insert.executeUpdate();
    }
  }

  /** Whether {@code entry} was committed (by the command, the time, the topic and the revision it produced). */
  public static boolean contains(Connection connection, Entry entry) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT COUNT(*) FROM audit_log WHERE command = ? AND at_ms = ? AND topic = ? AND rev = ?")) {
      select.setString(1, entry.command());
      select.setLong(2, entry.at());
      select.setString(3, entry.topic());
      select.setLong(4, entry.rev());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1) > 0;
      }
    }
  }

  /** The newest {@code limit} entries, newest first, as JSON (for the admin console and tests). */
  public static JsonArray recent(Connection connection, int limit) throws SQLException {
    JsonArray entries = new JsonArray();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT at_ms, actor, role, command, args, topic, rev FROM audit_log ORDER BY at_ms DESC, id DESC")) {
      select.setMaxRows(limit);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          entries.add(new JsonObject()
              .put("at", row.getLong(1))
              .put("actor", row.getString(2))
              .put("role", row.getString(3))
              .put("command", row.getString(4))
              .put("args", new JsonObject(row.getString(5)))
              .put("topic", row.getString(6))
              .put("rev", row.getObject(7) == null ? null : row.getLong(7)));
        }
      }
    }
    return entries;
  }
}
