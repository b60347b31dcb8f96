package diemcau.command;

import io.vertx.core.json.JsonObject;

/**
 * What became of a command (or a read answered by the command worker): accepted, with the
 * revision its topic reached and the data it answers with, or refused with an {@link ApiError}.
 * The one place that maps it to an answer: {@link #httpStatus()} and {@link #body()} for REST,
 * {@link #ack(Object)} for a socket.
 *
 * @param rev the topic's new revision (0 for a read)
 * @param data what the caller is answered besides (an import's counts, a console's view); never null
 * @param error null when accepted
 */
public record CommandResult(long rev, JsonObject data, ApiError error) {

  public CommandResult {
    data = data == null ? new JsonObject() : data;
  }

  public static CommandResult accepted(long rev, JsonObject data) {
    return new CommandResult(rev, data, null);
  }

  /** A read's answer: its data, no revision. */
  public static CommandResult answer(JsonObject data) {
    return new CommandResult(0, data, null);
  }

  public static CommandResult refused(ApiError error) {
    return new CommandResult(0, null, error);
  }

  public static CommandResult refused(int status, String code, String message) {
    return refused(new ApiError(status, code, message));
  }

  public boolean ok() {
    return error == null;
  }

  /** The HTTP status of the answer. */
  public int httpStatus() {
    return ok() ? 200 : error.status();
  }

  /** The HTTP answer's body: {@code {"ok": true, "rev": N, ...data}} or {@code {"ok": false, "error": {...}}}. */
  public JsonObject body() {
    return ok() ? new JsonObject().put("ok", true).put("rev", rev).mergeIn(data) : error.body();
  }

  /** The socket's answer to the command frame {@code id}: {@code {"type": "ack", "id": id, ...body}}. */
  public JsonObject ack(Object id) {
    return new JsonObject().put("type", "ack").put("id", id).mergeIn(body());
  }
}
