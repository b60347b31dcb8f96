package diemcau.command;

import io.vertx.core.json.JsonObject;

/**
 * A command on its way from a door (REST, a socket, a feature's upload) to the command worker:
 * who sends it, its name and arguments, what it carries besides (a parsed upload's rows, handed
 * over in the process as they are), and its deadline. Sent on {@link Addresses#COMMANDS} with
 * {@link CommandCodec}: in the process the worker receives this very object, so the deadline's
 * claim is shared by the door and the worker.
 *
 * @param args the arguments as given; never null
 * @param attachment what the command takes besides its arguments, or null
 */
public record CommandRequest(Caller caller, String name, JsonObject args, Attachment attachment, CommandDeadline deadline) {

  /**
   * Data a command carries besides its arguments (the rows of an upload): an object in the
   * process, and {@link #toJson()} in the wire form, read back by the decoder registered under
   * the command's name ({@link CommandCodec#requests}).
   */
  public interface Attachment {
    JsonObject toJson();
  }

  public CommandRequest {
    args = args == null ? new JsonObject() : args;
  }

  /** A command of arguments only, due within {@code deadlineMs}. */
  public static CommandRequest of(Caller caller, String name, JsonObject args, long deadlineMs) {
    return new CommandRequest(caller, name, args, null, new CommandDeadline(deadlineMs));
  }

  /** This command, carrying {@code attachment}. */
  public CommandRequest with(Attachment attachment) {
    return new CommandRequest(caller, name, args, attachment, deadline);
  }
}
