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

  public static void save(Connection connection, String name, long rev, JsonObject state, long now)
      throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(
        "INSERT INTO core_state (name, rev, state, updated_at) VALUES (?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE rev = VALUES(rev), state = VALUES(state), updated_at = VALUES(updated_at)")) {
      upsert.setString(1, name);
      upsert.setLong(2, rev);
      upsert.setString(3, state.encode());
      upsert.setLong(4, now);
      upsert.executeUpdate();
    }
  }
}
