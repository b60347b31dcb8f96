package diemcau.store;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code core_state} table: the persisted anchors of each live core, with its topic revision. */
public final class CoreStates {

  /** A core's stored state and the revision of its topic. */
  public record Stored(long rev, JsonObject state) {}

  private CoreStates() {}

  public static Optional<Stored> load(Connection connection, String name) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT rev, state FROM core_state WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(new Stored(row.getLong(1), new JsonObject(row.getString(2))));
      }
    }
  }

  /**
   * Writes a core's state: an UPDATE of its row, an INSERT only the first time: SQL that every
   * store runs (SQLite has no {@code ON DUPLICATE KEY UPDATE}), one statement on every command after
   * the first. Safe without a lock: only the command verticle writes this table, one command at a time.
   */
  public static void save(Connection connection, String name, long rev, JsonObject state, long now)
      throws SQLException {
    String encoded = state.encode();
    if (write(connection, "UPDATE core_state SET rev = ?, state = ?, updated_at = ? WHERE name = ?", rev, encoded, now, name) == 0) {
      write(connection, "INSERT INTO core_state (rev, state, updated_at, name) VALUES (?, ?, ?, ?)", rev, encoded, now, name);
    }
  }

  /** Runs {@code sql} with its four parameters in this order; the number of rows it touched. */
  private static int write(Connection connection, String sql, long rev, String state, long now, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, rev);
      statement.setString(2, state);
      statement.setLong(3, now);
      statement.setString(4, name);
      return statement.executeUpdate();
    }
  }
}
