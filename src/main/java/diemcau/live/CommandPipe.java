package diemcau.live;

import diemcau.command.Addresses;
import diemcau.command.ApiError;
import diemcau.command.Caller;
import diemcau.command.CommandDeadline;
import diemcau.command.CommandException;
import diemcau.command.CommandRequest;
import diemcau.command.CommandResult;
import diemcau.command.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * How every door hands a command to the command worker and reads what became of it: one parser
 * for the command as both doors receive it ({@code POST /api/commands}'s body and the socket's
 * {@code command} frame: {@code {"name": "...", "args": {...}}}), one send on the event bus, and
 * an answer, a {@link CommandResult}, always by the command's deadline ({@link CommandDeadline}).
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
public final class CommandPipe {

  private CommandPipe() {}

  /** A command as a door received it, from {@code caller}, with the usual deadline ({@link CommandDeadline#COMMAND_MS}). */
  public static Future<CommandResult> submit(Vertx vertx, Caller caller, JsonObject command) {
    if (caller.role() == Role.VIEWER) {
      return refused(401, "unauthorized", null, "this connection is a viewer: open it with a token or a bridge key to send commands");
    }
    if (!(command.getValue("name") instanceof String name)) {
      return refused(400, "bad_argument", "name", "name is required: a command is {\"name\": \"...\", \"args\": {...}}");
    }
    Object args = command.getValue("args");
    if (args != null && !(args instanceof JsonObject)) {
      return refused(400, "bad_argument", "args", "args must be an object");
    }
    return send(vertx, CommandRequest.of(caller, name, (JsonObject) args, CommandDeadline.COMMAND_MS));
  }

  /** Sends {@code request}; its answer comes by its deadline. */
  public static Future<CommandResult> send(Vertx vertx, CommandRequest request) {
    long ms = request.deadline().ms();
    return vertx.eventBus().<CommandResult>request(Addresses.COMMANDS, request, new DeliveryOptions().setSendTimeout(ms))
        .map(Message::body)
        .recover(failure -> Future.succeededFuture(request.deadline().withdraw()
            ? CommandResult.refused(503, CommandException.NOT_EXECUTED, "not executed: the command could not begin within " + ms
                + " ms (the server was busy or waiting for the database); nothing changed, it is safe to send it again")
            : CommandResult.refused(CommandException.outcomeUnknown("the command began but the database did not confirm it within "
                + ms + " ms").error())));
  }

  /**
   * Completes once every command taken before it has finished, its outcome known (a commit in
   * doubt is settled first): after it, the hub's states include them. Within the usual deadline;
   * refused otherwise.
   */
  public static Future<CommandResult> settle(Vertx vertx) {
    return vertx.eventBus().<CommandResult>request(Addresses.SETTLE, null, new DeliveryOptions().setSendTimeout(CommandDeadline.COMMAND_MS))
        .map(Message::body)
        .recover(failure -> Future.succeededFuture(CommandResult.refused(503, "busy",
            "the commands before this read have not finished within " + CommandDeadline.COMMAND_MS + " ms; read again shortly")));
  }

  private static Future<CommandResult> refused(int status, String code, String field, String message) {
    return Future.succeededFuture(CommandResult.refused(new ApiError(status, code, field, message)));
  }
}
