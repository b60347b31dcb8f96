package diemcau.live;

import diemcau.command.Addresses;
import diemcau.command.Caller;
import diemcau.command.CommandException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * How the doors (REST and WebSocket) hand a command to the command verticle and read its
 * answer: always a reply object {@code {ok, rev}} or {@code {ok:false, status, error}}, by the
 * command's deadline ({@link CommandDeadline}).
 *
 * <p>Besides the refusals of each command, three answers say what became of a command the server
 * could not complete, each with a stable code:
 * <ul>
 *   <li>{@code not_executed} (503): the deadline passed before the command began (the worker
 *       was busy, or waiting for the database); it never runs, so sending it again is safe;
 *   <li>{@code database_unavailable} (503): the database could not take it; nothing was changed;
 *   <li>{@code outcome_unknown} (504): it began, but the database did not confirm it in time;
 *       it may have been applied: read the state before sending it again.
 * </ul>
 */
public final class CommandReplies {

  private CommandReplies() {}

  /** Sends a command with the usual deadline, {@link CommandDeadline#COMMAND_MS}. */
  public static Future<JsonObject> send(Vertx vertx, Caller caller, String name, JsonObject args) {
    return send(vertx, caller, name, args, CommandDeadline.COMMAND_MS);
  }

  /** Sends a command that must be answered within {@code deadlineMs}. */
  public static Future<JsonObject> send(Vertx vertx, Caller caller, String name, JsonObject args, long deadlineMs) {
    JsonObject request = CommandDeadline.stamp(vertx, new JsonObject()
        .put("caller", caller.toJson())
        .put("name", name)
        .put("args", args == null ? new JsonObject() : args), deadlineMs);
    return vertx.eventBus().<JsonObject>request(Addresses.COMMANDS, request, new DeliveryOptions().setSendTimeout(deadlineMs))
        .map(Message::body)
        .recover(failure -> Future.succeededFuture(CommandDeadline.withdraw(vertx, request)
            ? refused(503, CommandException.NOT_EXECUTED, "not executed: the command could not begin within " + deadlineMs
                + " ms (the server was busy or waiting for the database); nothing changed, it is safe to send it again")
            : refused(CommandException.outcomeUnknown("the command began but the database did not confirm it within "
                + deadlineMs + " ms"))));
  }

  /**
   * Completes once every command taken before it has finished, its outcome known (a commit in
   * doubt is settled first): after it, the hub's states include them. Within the usual deadline;
   * a reply {@code {ok:false}} otherwise.
   */
  public static Future<JsonObject> settle(Vertx vertx) {
    return vertx.eventBus().<JsonObject>request(Addresses.SETTLE, new JsonObject(),
            new DeliveryOptions().setSendTimeout(CommandDeadline.COMMAND_MS))
        .map(Message::body)
        .recover(failure -> Future.succeededFuture(refused(503, "busy",
            "the commands before this read have not finished within " + CommandDeadline.COMMAND_MS + " ms; read again shortly")));
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

  /** The reply of a refused command. */
  public static JsonObject refused(CommandException refusal) {
    return new JsonObject().put("ok", false).put("status", refusal.status()).put("error", refusal.toJson());
  }
}
