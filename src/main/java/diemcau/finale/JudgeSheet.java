package diemcau.finale;

import io.vertx.core.json.JsonObject;

/**
 * A judge's submitted, locked scores for one finalist. {@code version} counts corrections
 * (0: as first submitted); {@code by} is who entered it (the judge, or the admin from paper).
 */
public record JudgeSheet(ScoreSheet scores, long lockedAt, String by, int version) {

  public JsonObject toJson() {
    return new JsonObject().put("scores", scores.toJson()).put("lockedAt", lockedAt).put("by", by).put("version", version);
  }

  public static JudgeSheet fromJson(JsonObject json) {
    return new JudgeSheet(ScoreSheet.fromJson(json.getJsonObject("scores")), json.getLong("lockedAt"), json.getString("by"),
        json.getInteger("version"));
  }
}
