package diemcau.participation;

import diemcau.event.Event;
import diemcau.event.Ranking;
import diemcau.event.Unit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole leaderboard at one moment: both groups ranked, the city-wide totals and the
 * completion history. Equal boards show the same thing, so a new frame is due only when the
 * board changes. Its JSON is the {@code leaderboard} topic: unit figures only, never a person.
 */
public record Board(List<Stage1Ranking.Group> groups, Totals totals, List<CompletionHistory.Point> history) {

  /**
   * City-wide sums. {@code headcount} adds the units that have one, and {@code counted} the
   * completions in those units: their ratio is the city's completion rate (null when no unit has
   * a headcount).
   */
  public record Totals(int enrolled, int completed, int headcount, int counted, int units, int unitsWithHeadcount) {
    public Double rate() {
      return headcount == 0 ? null : (double) counted / headcount;
    }
  }

  /** The board of {@code persons} under the event's rule; {@code headcounts} are the effective ones. */
  public static Board of(Event event, Map<String, Integer> headcounts, Collection<Person> persons) {
    Map<String, Tally> tallies = Tally.of(persons);
    List<Stage1Ranking.Group> groups = List.of(
        Stage1Ranking.rank(Ranking.COMMUNES, event.communes(), headcounts, tallies, event.ranking(), event.quotas().communesToStage2()),
        Stage1Ranking.rank(Ranking.DEPARTMENTS, event.departments(), headcounts, tallies, event.ranking(),
            event.quotas().departmentsToStage2()));
    int enrolled = 0;
    int completed = 0;
    int headcount = 0;
    int counted = 0;
    int withHeadcount = 0;
    for (Unit unit : event.units()) {
      Tally tally = tallies.getOrDefault(unit.code(), Tally.EMPTY);
      enrolled += tally.enrolled();
      completed += tally.completed();
      Integer unitHeadcount = headcounts.get(unit.code());
      if (unitHeadcount != null) {
        headcount += unitHeadcount;
        counted += tally.completed();
        withHeadcount++;
      }
    }
    Set<String> codes = event.units().stream().map(Unit::code).collect(Collectors.toSet());
    return new Board(groups, new Totals(enrolled, completed, headcount, counted, event.units().size(), withHeadcount),
        CompletionHistory.of(persons, codes));
  }

  /** Each unit's rank on this board (ranked units only), for the next board's movement. */
  public Map<String, Integer> ranks() {
    Map<String, Integer> ranks = new HashMap<>();
    for (Stage1Ranking.Group group : groups) {
      for (Stage1Ranking.Row row : group.rows()) {
        if (row.rank() != null) {
          ranks.put(row.unit().code(), row.rank());
        }
      }
    }
    return ranks;
  }

  /**
   * The topic data. {@code movement} of a row is how many places it rose since {@code previous}
   * (negative: fell), null when it had or has no rank.
   */
  public JsonObject toJson(String rule, Map<String, Integer> previous) {
    JsonArray groupsJson = new JsonArray();
    for (Stage1Ranking.Group group : groups) {
      JsonArray rows = new JsonArray();
      for (Stage1Ranking.Row row : group.rows()) {
        rows.add(rowJson(row, previous.get(row.unit().code())));
      }
      groupsJson.add(new JsonObject()
          .put("id", group.id())
          .put("label", group.label())
          .put("qualify", group.qualify())
          .put("rule", rule)
          .put("cutTie", group.cutTie())
          .put("rows", rows));
    }
    JsonArray points = new JsonArray();
    history.forEach(point -> points.add(new JsonArray().add(point.at()).add(point.completed())));
    return new JsonObject()
        .put("ready", true)
        .put("groups", groupsJson)
        .put("totals", new JsonObject()
            .put("enrolled", totals.enrolled())
            .put("completed", totals.completed())
            .put("headcount", totals.headcount())
            .put("completedOfHeadcount", totals.counted())
            .put("rate", round(totals.rate(), 4))
            .put("units", totals.units())
            .put("unitsWithHeadcount", totals.unitsWithHeadcount()))
        .put("history", points);
  }

  private static JsonObject rowJson(Stage1Ranking.Row row, Integer previousRank) {
    Tally tally = row.tally();
    Object qualified = switch (row.qualified()) {
      case YES -> true;
      case TIE -> "tie";
      case NO -> false;
    };
    return new JsonObject()
        .put("unit", row.unit().code())
        .put("name", row.unit().displayName())
        .put("kind", row.unit().kind().name())
        .put("rank", row.rank())
        .put("enrolled", tally.enrolled())
        .put("completed", tally.completed())
        .put("headcount", row.headcount())
        .put("rate", round(row.rate(), 4))
        .put("avgScore", round(tally.avgScore(), 2))
        .put("reachedAt", tally.reachedAt())
        .put("lastChanged", tally.lastChanged())
        .put("qualified", qualified)
        .put("movement", previousRank == null || row.rank() == null ? null : previousRank - row.rank());
  }

  static Double round(Double value, int digits) {
    return value == null ? null : BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).doubleValue();
  }
}
