package diemcau.finale;

import io.vertx.core.json.JsonObject;

/**
 * A member of the final's jury. Only the SHA-256 of the judge's token is kept
 * ({@link JudgeTokens#hash}); the token itself is shown once, when the judge is created.
 */
public record Judge(String id, String name, String tokenHash, long createdAt) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("tokenHash", tokenHash).put("createdAt", createdAt);
  }

  /** What the consoles may see: no hash. */
  public JsonObject toPublicJson() {
    return new JsonObject().put("id", id).put("name", name);
  }

  public static Judge fromJson(JsonObject json) {
    return new Judge(json.getString("id"), json.getString("name"), json.getString("tokenHash"), json.getLong("createdAt"));
  }
}
