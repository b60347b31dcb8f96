package diemcau.live;

import diemcau.command.Caller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * How the doors (REST and WebSocket) hand a command to the command verticle and read its
 * answer: always a reply object {@code {ok, rev}} or {@code {ok:false, status, error}}.
 */
public final class CommandReplies {

  private static final DeliveryOptions DELIVERY = new DeliveryOptions().setSendTimeout(15_000);

  private CommandReplies() {}

  public static Future<JsonObject> send(Vertx vertx, Caller caller, String name, JsonObject args) {
    JsonObject request = new JsonObject()
        .put("caller", caller.toJson())
        .put("name", name)
        .put("args", args == null ? new JsonObject() : args);
    return vertx.eventBus().<JsonObject>request(Addresses.COMMANDS, request, DELIVERY)
        .map(reply -> reply.body())
        .recover(failure -> Future.succeededFuture(
            refused(503, "unavailable", "the command could not be completed: " + failure.getMessage())));
  }

  public static JsonObject accepted(long rev) {
    return new JsonObject().put("ok", true).put("rev", rev);
  }

  public static JsonObject refused(int status, String code, String message) {
    return new JsonObject().put("ok", false).put("status", status)
        .put("error", new JsonObject().put("code", code).put("message", message));
  }

  /** A refusal of one field of the request. */
  public static JsonObject refused(int status, String code, String field, String message) {
    JsonObject reply = refused(status, code, message);
    reply.getJsonObject("error").put("field", field);
    return reply;
  }
}
