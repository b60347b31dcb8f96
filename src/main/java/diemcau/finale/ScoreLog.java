package diemcau.finale;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only {@code final_score_log}: each judge's submission ({@code seq} 0) and every
 * correction of it, with the sheet before, the reason and who entered it. Only a reset after a
 * rehearsal empties it (the audit log keeps what was there).
 */
public final class ScoreLog {

  /** One version of one judge's sheet for one finalist. */
  public record Row(String judge, String unit, int seq, long at, String actor, ScoreSheet scores, ScoreSheet before,
      String reason) {}

  private ScoreLog() {}

  public static void append(Connection connection, Row row) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO final_score_log (judge_id, unit, seq, at_ms, actor, scores, total, before_scores, before_total, reason) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, row.judge());
      insert.setString(2, row.unit());
      insert.setInt(3, row.seq());
      insert.setLong(4, row.at());
      insert.setString(5, row.actor());
      insert.setString(6, row.scores().toJson().encode());
      insert.setBigDecimal(7, row.scores().total());
      insert.setString(8, row.before() == null ? null : row.before().toJson().encode());
      insert.setBigDecimal(9, row.before() == null ? null : row.before().total());
      insert.setString(10, row.reason());
      insert.executeUpdate();
    }
  }

  /** Empties the ledger: the rehearsal's sheets are not the final's. */
  static void clear(Connection connection) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM final_score_log")) {
      delete.executeUpdate();
    }
  }

  /** Every row, by judge, unit and version. */
  public static List<Row> all(Connection connection) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT judge_id, unit, seq, at_ms, actor, scores, before_scores, reason FROM final_score_log "
            + "ORDER BY judge_id, unit, seq");
        ResultSet result = select.executeQuery()) {
      while (result.next()) {
        String before = result.getString(7);
        rows.add(new Row(result.getString(1), result.getString(2), result.getInt(3), result.getLong(4),
            result.getString(5), ScoreSheet.fromJson(new JsonObject(result.getString(6))),
            before == null ? null : ScoreSheet.fromJson(new JsonObject(before)), result.getString(8)));
      }
    }
    return rows;
  }
}
