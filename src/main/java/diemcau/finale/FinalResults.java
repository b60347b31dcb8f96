package diemcau.finale;

import diemcau.event.Event;
import diemcau.event.Prize;
import diemcau.event.Unit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The results as they stand: every finalist's aggregate and rank, the other stage-2 units by
 * the council's totals, the awards that follow from the event's prize pools, the sheets still
 * missing (an admin may finalise without them, with a reason), and every other reason the
 * results cannot be finalised yet (no finalists or judges, a tie across a prize boundary).
 */
public record FinalResults(List<UnitRanking.Place<FinalistResult>> finalists, List<UnitRanking.Place<CouncilResult>> others,
    List<Award> awards, List<Issue> missing, List<Issue> problems) {

  /**
   * Why the results are not complete, with a stable code, the judge and units it is about (as
   * names) and the prizes a tie straddles, and the same in English for scripts.
   */
  public record Issue(String code, String judge, List<String> units, List<String> prizes, String message) {

    public JsonObject toJson() {
      return new JsonObject().put("code", code).put("judge", judge).put("units", new JsonArray(new ArrayList<>(units)))
          .put("prizes", new JsonArray(new ArrayList<>(prizes))).put("message", message);
    }
  }

  /** A finalist's judge totals; {@code judges} names the judge of each total, in the same order. */
  public record FinalistResult(String unit, List<String> judges, Aggregate aggregate) {}

  /** A stage-2 unit's council total, null when the council has not scored it. */
  public record CouncilResult(String unit, BigDecimal total) {}

  public static FinalResults of(FinalState state, Event event) {
    List<Issue> missing = new ArrayList<>();
    List<Issue> problems = new ArrayList<>();
    if (!state.stage2().confirmed()) {
      problems.add(new Issue("no_finalists", null, List.of(), List.of(),
          "the finalists are not confirmed yet (final.finalists.confirm)"));
      return new FinalResults(List.of(), List.of(), List.of(), missing, problems);
    }
    Jury jury = state.jury();
    if (jury.judges().isEmpty()) {
      problems.add(new Issue("no_judges", null, List.of(), List.of(), "there are no judges yet (judge.create)"));
    }
    List<FinalistResult> results = new ArrayList<>();
    for (String unit : state.stage2().finalists()) {
      List<String> judges = new ArrayList<>();
      List<BigDecimal> totals = new ArrayList<>();
      for (Judge judge : jury.judges()) {
        Optional<JudgeSheet> sheet = jury.sheet(judge.id(), unit);
        if (sheet.isPresent()) {
          judges.add(judge.id());
          totals.add(sheet.get().scores().total());
        } else {
          missing.add(new Issue("sheet_missing", judge.name(), List.of(name(event, unit)), List.of(),
              judge.name() + " has not scored " + name(event, unit)));
        }
      }
      results.add(new FinalistResult(unit, judges, Aggregate.of(totals, event.finalRules().dropHighestAndLowest())));
    }
    List<UnitRanking.Place<FinalistResult>> finalists = UnitRanking.rank(results,
        Comparator.comparing(FinalistResult::aggregate, Aggregate.BEST_FIRST), FinalistResult::unit, state.tieBreaks());
    List<CouncilResult> council = new ArrayList<>();
    for (String unit : state.stage2().entries().keySet()) {
      if (!state.stage2().finalists().contains(unit)) {
        ScoreSheet sheet = state.stage2().council().get(unit);
        council.add(new CouncilResult(unit, sheet == null ? null : sheet.total()));
      }
    }
    List<UnitRanking.Place<CouncilResult>> others = UnitRanking.rank(council, CouncilRanking.BEST_FIRST, CouncilResult::unit,
        state.tieBreaks());
    List<Award> awards = new ArrayList<>();
    award(finalists, Prize.FINALISTS, event, awards, problems);
    award(others, Prize.STAGE2_NOT_FINALIST, event, awards, problems);
    return new FinalResults(finalists, others, awards, missing, problems);
  }

  /** True when nothing stops finalising. */
  public boolean ready() {
    return missing.isEmpty() && problems.isEmpty();
  }

  /** Every issue, the missing sheets first. */
  public List<Issue> issues() {
    List<Issue> all = new ArrayList<>(missing);
    all.addAll(problems);
    return all;
  }

  /** The awards of one pool by place; a finalist's award carries its rank, a stage-2 unit's none. */
  private static <T> void award(List<UnitRanking.Place<T>> places, String pool, Event event, List<Award> awards,
      List<Issue> problems) {
    boolean ranked = pool.equals(Prize.FINALISTS);
    for (int i = 0; i < places.size(); ) {
      int rank = places.get(i).rank();
      int end = i;
      while (end < places.size() && places.get(end).rank() == rank) {
        end++;
      }
      Optional<Prize> first = event.prizeForPlace(pool, rank);
      Optional<Prize> last = event.prizeForPlace(pool, rank + end - i - 1);
      List<UnitRanking.Place<T>> group = places.subList(i, end);
      if (!first.equals(last)) {
        List<String> names = group.stream().map(p -> name(event, p.unit())).toList();
        List<String> prizes = List.of(first.map(Prize::name).orElse(""), last.map(Prize::name).orElse(""));
        problems.add(new Issue("tie_at_prize", null, names, prizes, "tie between " + String.join(", ", names)
            + " across " + first.map(Prize::name).orElse("no prize") + " and " + last.map(Prize::name).orElse("no prize")
            + ": the council decides their order (final.tie.break)"));
      } else if (first.isPresent()) {
        Prize prize = first.get();
        group.forEach(place -> awards.add(new Award(place.unit(), prize.id(), prize.name(), prize.amountVnd(),
            ranked ? rank : null)));
      }
      i = end;
    }
  }

  static String name(Event event, String unit) {
    return event.unit(unit).map(Unit::displayName).orElse(unit);
  }
}
