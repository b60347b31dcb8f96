package diemcau.command;

import io.vertx.core.json.JsonObject;

/**
 * The one shape of every refusal the server answers, through any door: an HTTP status, a stable
 * {@code code} a page can translate, the {@code field} at fault when there is one, and a message a
 * person can act on. On the wire: {@code {"ok": false, "error": {"code", "message", "field"?}}}
 * (the status is the HTTP status, or, on a socket, implied by the code).
 */
public record ApiError(int status, String code, String field, String message) {

  public ApiError(int status, String code, String message) {
    this(status, code, null, message);
  }

  /** The {@code error} object of the wire contract. */
  public JsonObject toJson() {
    JsonObject error = new JsonObject().put("code", code).put("message", message);
    if (field != null) {
      error.put("field", field);
    }
    return error;
  }

  /** A whole answer's body: {@code {"ok": false, "error": {...}}}. */
  public JsonObject body() {
    return new JsonObject().put("ok", false).put("error", toJson());
  }

  /** Read back from {@link #toJson()} and the status beside it. */
  static ApiError fromJson(int status, JsonObject error) {
    return new ApiError(status, error.getString("code"), error.getString("field"), error.getString("message"));
  }
}
