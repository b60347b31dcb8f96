package diemcau.participation;

import diemcau.event.Ranking;
import diemcau.event.Unit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A unit's own report: its row and group from the leaderboard the screens show, its completions
 * day by day, and the people it still has to bring to completion. Contains names: it is
 * answered only to the unit's own key or the admin, never published.
 */
final class UnitReport {

  private final ZoneId zone;

  UnitReport(ZoneId zone) {
    this.zone = zone;
  }

  JsonObject of(Unit unit, JsonObject leaderboard, List<Person> pending, List<Long> completions) {
    String groupId = unit.kind().communeLevel() ? Ranking.COMMUNES : Ranking.DEPARTMENTS;
    JsonObject group = StandingsCsv.group(leaderboard, groupId);
    JsonObject row = group.getJsonArray("rows").stream().map(JsonObject.class::cast)
        .filter(candidate -> candidate.getString("unit").equals(unit.code())).findFirst().orElseThrow();
    JsonArray people = new JsonArray();
    for (Person person : pending) {
      people.add(new JsonObject()
          .put("person", person.person())
          .put("name", person.name())
          .put("enrolledAt", person.enrolledAt())
          .put("lastActivityAt", person.lastActivityAt())
          .put("score", person.score() == null ? null : person.score() / 100.0));
    }
    return new JsonObject()
        .put("ready", leaderboard.getBoolean("ready"))
        .put("unit", new JsonObject().put("code", unit.code()).put("name", unit.displayName()).put("kind", unit.kind().name()))
        .put("group", new JsonObject()
            .put("id", groupId)
            .put("label", group.getString("label"))
            .put("qualify", group.getInteger("qualify"))
            .put("rule", group.getString("rule"))
            .put("cutTie", group.getBoolean("cutTie"))
            .put("size", group.getJsonArray("rows").size()))
        .put("row", row)
        .put("trend", trend(completions))
        .put("pending", people);
  }

  /** Completions so far at the end of each day that had one, in the event's zone. */
  private JsonArray trend(List<Long> completions) {
    Map<LocalDate, Integer> byDay = new TreeMap<>();
    int total = 0;
    for (long at : completions) {
      total++;
      byDay.put(Instant.ofEpochMilli(at).atZone(zone).toLocalDate(), total);
    }
    JsonArray days = new JsonArray();
    byDay.forEach((day, completed) -> days.add(new JsonObject().put("day", day.toString()).put("completed", completed)));
    return days;
  }
}
