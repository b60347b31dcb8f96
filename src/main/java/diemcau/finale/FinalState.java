package diemcau.finale;

import diemcau.command.CommandException;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Everything the final's live core holds, persisted whole as the {@code final} row of
 * {@code core_state}: stage 2, the presentation order (null until drawn or set), the jury, the
 * council's tie-breaks, and the reveal (null until the results are finalised). The timing of the
 * presentations is the agenda's (the final's day).
 *
 * @param tieBreaks decisions of the council on ties, each the tied units in their decided order
 */
public record FinalState(Stage2 stage2, PresentationOrder order, Jury jury, List<List<String>> tieBreaks, Reveal reveal) {

  public FinalState {
    tieBreaks = List.copyOf(tieBreaks);
  }

  public static FinalState empty() {
    return new FinalState(Stage2.empty(), null, Jury.empty(), List.of(), null);
  }

  public boolean finalised() {
    return reveal != null;
  }

  /** Refuses a change once the results are finalised. */
  void requireNotFinalised() {
    if (finalised()) {
      throw CommandException.conflict("finalised", "the results are finalised: nothing about them can change now");
    }
  }

  public FinalState with(Stage2 next) {
    return new FinalState(next, order, jury, tieBreaks, reveal);
  }

  public FinalState withOrder(PresentationOrder next) {
    return new FinalState(stage2, next, jury, tieBreaks, reveal);
  }

  public FinalState with(Jury next) {
    return new FinalState(stage2, order, next, tieBreaks, reveal);
  }

  public FinalState withTieBreaks(List<List<String>> next) {
    return new FinalState(stage2, order, jury, next, reveal);
  }

  public FinalState withReveal(Reveal next) {
    return new FinalState(stage2, order, jury, tieBreaks, next);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("stage2", stage2.toJson())
        .put("order", order == null ? null : order.toJson())
        .put("judging", jury.toJson())
        .put("tieBreaks", JsonLists.ofLists(tieBreaks))
        .put("reveal", reveal == null ? null : reveal.toJson());
  }

  public static FinalState fromJson(JsonObject json) {
    JsonObject reveal = json.getJsonObject("reveal");
    // stored before the final's timing moved to the agenda: the order was under "running"
    JsonObject order = json.containsKey("running") ? json.getJsonObject("running").getJsonObject("order") : json.getJsonObject("order");
    return new FinalState(Stage2.fromJson(json.getJsonObject("stage2")), order == null ? null : PresentationOrder.fromJson(order),
        Jury.fromJson(json.getJsonObject("judging")), JsonLists.stringLists(json.getJsonArray("tieBreaks")),
        reveal == null ? null : Reveal.fromJson(reveal));
  }
}
