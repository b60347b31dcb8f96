package diemcau.finale;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Everything the final's live core holds, persisted whole as the {@code final} row of
 * {@code core_state}: stage 2, the running order, the jury, the council's tie-breaks, and the
 * reveal (null until the results are finalised).
 *
 * @param tieBreaks decisions of the council on ties, each the tied units in their decided order
 */
public record FinalState(Stage2 stage2, Running running, Judging judging, List<List<String>> tieBreaks, Reveal reveal) {

  public FinalState {
    tieBreaks = List.copyOf(tieBreaks);
  }

  public static FinalState empty() {
    return new FinalState(Stage2.empty(), Running.empty(), Judging.empty(), List.of(), null);
  }

  public boolean finalised() {
    return reveal != null;
  }

  public FinalState with(Stage2 next) {
    return new FinalState(next, running, judging, tieBreaks, reveal);
  }

  public FinalState with(Running next) {
    return new FinalState(stage2, next, judging, tieBreaks, reveal);
  }

  public FinalState with(Judging next) {
    return new FinalState(stage2, running, next, tieBreaks, reveal);
  }

  public FinalState withTieBreaks(List<List<String>> next) {
    return new FinalState(stage2, running, judging, next, reveal);
  }

  public FinalState withReveal(Reveal next) {
    return new FinalState(stage2, running, judging, tieBreaks, next);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("stage2", stage2.toJson())
        .put("running", running.toJson())
        .put("judging", judging.toJson())
        .put("tieBreaks", Json.ofLists(tieBreaks))
        .put("reveal", reveal == null ? null : reveal.toJson());
  }

  public static FinalState fromJson(JsonObject json) {
    JsonObject reveal = json.getJsonObject("reveal");
    return new FinalState(Stage2.fromJson(json.getJsonObject("stage2")), Running.fromJson(json.getJsonObject("running")),
        Judging.fromJson(json.getJsonObject("judging")), Json.stringLists(json.getJsonArray("tieBreaks")),
        reveal == null ? null : Reveal.fromJson(reveal));
  }
}
