package diemcau.participation;

import diemcau.csv.CsvSheet;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The admin's CSV downloads, made from the very leaderboard data the screens show, so the
 * figures match: the standings of one group, and the units above the cut line, written through
 * {@link CsvSheet}.
 */
final class StandingsCsv {

  private static final List<String> HEADER = List.of("Hạng", "Mã đơn vị", "Đơn vị", "Số biên chế", "Đã đăng ký",
      "Đã hoàn thành", "Tỷ lệ hoàn thành (%)", "Điểm trung bình", "Thời điểm đạt kết quả", "Vào Chặng 2");

  private final DateTimeFormatter times;

  StandingsCsv(ZoneId zone) {
    this.times = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss").withZone(zone);
  }

  /** Every unit of group {@code id} in rank order; null when there is no such group. */
  String standings(JsonObject leaderboard, String id) {
    JsonObject group = group(leaderboard, id);
    if (group == null) {
      return null;
    }
    CsvSheet sheet = CsvSheet.withHeader(HEADER);
    group.getJsonArray("rows").forEach(row -> sheet.row(values((JsonObject) row)));
    return sheet.text();
  }

  /** The units of both groups above the cut line, and those tied across it. */
  String qualifiers(JsonObject leaderboard) {
    CsvSheet sheet = CsvSheet.withHeader(concat("Nhóm", HEADER));
    for (Object item : leaderboard.getJsonArray("groups")) {
      JsonObject group = (JsonObject) item;
      for (Object row : group.getJsonArray("rows")) {
        if (!Boolean.FALSE.equals(((JsonObject) row).getValue("qualified"))) {
          sheet.row(concat(group.getString("label"), values((JsonObject) row)));
        }
      }
    }
    return sheet.text();
  }

  static JsonObject group(JsonObject leaderboard, String id) {
    for (Object group : leaderboard.getJsonArray("groups")) {
      if (((JsonObject) group).getString("id").equals(id)) {
        return (JsonObject) group;
      }
    }
    return null;
  }

  /** One row's cells, as {@link #HEADER} names them. */
  private List<Object> values(JsonObject row) {
    return Arrays.asList(
        row.getInteger("rank"),
        row.getString("unit"),
        row.getString("name"),
        row.getValue("headcount") == null ? "chưa có số biên chế" : row.getInteger("headcount"),
        row.getInteger("enrolled"),
        row.getInteger("completed"),
        row.getValue("rate") == null ? null : BigDecimal.valueOf(row.getDouble("rate")).movePointRight(2).stripTrailingZeros(),
        row.getValue("avgScore") == null ? null : BigDecimal.valueOf(row.getDouble("avgScore")).stripTrailingZeros(),
        row.getValue("reachedAt") == null ? null : times.format(Instant.ofEpochMilli(row.getLong("reachedAt"))),
        qualified(row.getValue("qualified")));
  }

  private static String qualified(Object value) {
    return Boolean.TRUE.equals(value) ? "Có" : "tie".equals(value) ? "Đồng hạng tại vạch" : "";
  }

  private static List<Object> concat(Object first, List<?> rest) {
    List<Object> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
