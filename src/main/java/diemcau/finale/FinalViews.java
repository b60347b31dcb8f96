package diemcau.finale;

import diemcau.event.Criterion;
import diemcau.event.Event;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the consoles read beyond the public topic, each for its own reader: the MC sees who has
 * submitted for whom (never a value), a judge sees the rubric and only their own sheets, the
 * admin sees everything the organisers keep (contacts, council and judges' scores, the
 * provisional results) but never a token or its hash.
 */
final class FinalViews {

  private FinalViews() {}

  /** For the MC: which judges have submitted for which finalist; {@code presenting} is the unit presenting now, or null. */
  static JsonObject progress(FinalState state, Event event, String presenting) {
    JsonArray judges = new JsonArray();
    state.jury().judges().forEach(judge -> judges.add(judge.toPublicJson()));
    JsonObject submitted = new JsonObject();
    for (String unit : presentationOrder(state)) {
      JsonArray by = new JsonArray();
      state.jury().judges().stream().filter(judge -> state.jury().sheet(judge.id(), unit).isPresent())
          .forEach(judge -> by.add(judge.id()));
      submitted.put(unit, by);
    }
    return new JsonObject()
        .put("judges", judges)
        .put("finalists", finalists(state, event))
        .put("current", presenting)
        .put("submitted", submitted)
        .put("finalised", state.finalised());
  }

  /** For one judge: the rubric, the finalists, and their own sheets. */
  static JsonObject judge(FinalState state, Event event, Judge judge, String presenting) {
    JsonObject mine = new JsonObject();
    state.jury().sheetsOf(judge.id()).forEach((unit, sheet) -> mine.put(unit, sheet(sheet)));
    return new JsonObject()
        .put("judge", judge.toPublicJson())
        .put("rubric", rubric(event))
        .put("finalists", finalists(state, event))
        .put("current", presenting)
        .put("mine", mine)
        .put("finalised", state.finalised());
  }

  /** For the organisers: everything but tokens. */
  static JsonObject admin(FinalState state, Event event) {
    Stage2 stage2 = state.stage2();
    List<UnitRanking.Place<FinalResults.CouncilResult>> council = CouncilRanking.of(stage2, List.copyOf(stage2.entries().keySet()));
    JsonArray entries = new JsonArray();
    for (UnitRanking.Place<FinalResults.CouncilResult> place : council) {
      Entry entry = stage2.entries().get(place.unit());
      ScoreSheet sheet = stage2.council().get(place.unit());
      entries.add(entry.toJson()
          .put("name", FinalResults.name(event, entry.unit()))
          .put("council", sheet == null ? null : sheet.toJson())
          .put("councilTotal", number(sheet == null ? null : sheet.total()))
          .put("councilRank", sheet == null ? null : place.rank())
          .put("tied", sheet != null && place.tied())
          .put("finalist", stage2.finalists().contains(entry.unit())));
    }
    JsonArray judges = new JsonArray();
    state.jury().judges().forEach(judge -> judges.add(judge.toPublicJson().put("createdAt", judge.createdAt())
        .put("scored", state.jury().sheetsOf(judge.id()).size())));
    JsonArray sheets = new JsonArray();
    state.jury().sheets().forEach((judge, byUnit) -> byUnit.forEach((unit, sheet) ->
        sheets.add(sheet(sheet).put("judge", judge).put("unit", unit))));
    JsonArray tieBreaks = new JsonArray();
    state.tieBreaks().forEach(units -> tieBreaks.add(new JsonArray(new ArrayList<>(units))));
    PresentationOrder order = state.order();
    return new JsonObject()
        .put("quotas", new JsonObject().put("stage2", event.quotas().stage2Units())
            .put("communes", event.quotas().communesToStage2()).put("departments", event.quotas().departmentsToStage2())
            .put("finalists", event.quotas().finalists()))
        .put("rubric", rubric(event))
        .put("entries", entries)
        .put("tieAtCut", new JsonArray(new ArrayList<>(CouncilRanking.tieAtCut(
            council.stream().filter(place -> place.item().total() != null).toList(), event.quotas().finalists()))))
        .put("finalists", finalists(state, event))
        .put("order", order == null ? null : order.toJson())
        .put("judges", judges)
        .put("sheets", sheets)
        .put("outcome", outcome(FinalResults.of(state, event), state, event))
        .put("tieBreaks", tieBreaks)
        .put("reveal", state.reveal() == null ? null : new JsonObject().put("step", state.reveal().step())
            .put("steps", state.reveal().steps()).put("script", state.reveal().toJson().getJsonArray("script")));
  }

  private static JsonObject outcome(FinalResults outcome, FinalState state, Event event) {
    JsonArray finalists = new JsonArray();
    for (UnitRanking.Place<FinalResults.FinalistResult> place : outcome.finalists()) {
      FinalResults.FinalistResult result = place.item();
      JsonArray totals = new JsonArray();
      for (int i = 0; i < result.judges().size(); i++) {
        totals.add(new JsonObject().put("judge", result.judges().get(i))
            .put("total", number(result.aggregate().totals().get(i)))
            .put("dropped", result.aggregate().dropped().contains(i)));
      }
      finalists.add(new JsonObject().put("unit", place.unit()).put("name", FinalResults.name(event, place.unit()))
          .put("rank", place.rank()).put("tied", place.tied()).put("totals", totals)
          .put("mean", number(result.aggregate().mean())).put("prize", prize(outcome, place.unit())));
    }
    JsonArray others = new JsonArray();
    for (UnitRanking.Place<FinalResults.CouncilResult> place : outcome.others()) {
      others.add(new JsonObject().put("unit", place.unit()).put("name", FinalResults.name(event, place.unit()))
          .put("rank", place.rank()).put("tied", place.tied()).put("councilTotal", number(place.item().total()))
          .put("prize", prize(outcome, place.unit())));
    }
    return new JsonObject().put("finalists", finalists).put("others", others)
        .put("problems", new JsonArray(outcome.issues().stream().map(FinalResults.Issue::toJson).toList())).put("ready", outcome.ready())
        .put("finalised", state.finalised());
  }

  private static JsonObject rubric(Event event) {
    JsonArray criteria = new JsonArray();
    for (Criterion criterion : event.rubric().criteria()) {
      criteria.add(new JsonObject().put("id", criterion.id()).put("name", criterion.name())
          .put("min", criterion.min()).put("max", criterion.max()));
    }
    return new JsonObject().put("criteria", criteria).put("maxTotal", event.rubric().maxTotal());
  }

  private static JsonObject prize(FinalResults outcome, String unit) {
    return outcome.awards().stream().filter(award -> award.unit().equals(unit)).findFirst().map(Award::toJson).orElse(null);
  }

  private static JsonObject sheet(JudgeSheet sheet) {
    return new JsonObject().put("scores", sheet.scores().toJson()).put("total", number(sheet.scores().total()))
        .put("lockedAt", sheet.lockedAt()).put("version", sheet.version()).put("by", sheet.by());
  }

  /** The finalists in presentation order once there is one, else as confirmed. */
  static List<String> presentationOrder(FinalState state) {
    PresentationOrder order = state.order();
    return order != null ? order.units() : state.stage2().finalists();
  }

  private static JsonArray finalists(FinalState state, Event event) {
    JsonArray finalists = new JsonArray();
    for (String unit : presentationOrder(state)) {
      Entry entry = state.stage2().entries().get(unit);
      finalists.add(new JsonObject().put("unit", unit).put("name", FinalResults.name(event, unit))
          .put("title", entry == null ? null : entry.title()));
    }
    return finalists;
  }

  private static Double number(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }
}
