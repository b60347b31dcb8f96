package diemcau.command;

import io.vertx.core.json.JsonObject;

/**
 * A command on its way from a door (REST, a socket, a feature's upload) to the command worker:
 * who sends it, its name and arguments, what it carries besides (a parsed upload's rows, handed
 * over in the process as they are), and its deadline. Made by {@link CommandPipe#request} and sent
 * on {@link Addresses#COMMANDS} with {@link CommandPipe.Codec}: in the process the worker receives
 * this very object, so the deadline's claim is shared by the door and the worker.
 *
 * @param args the arguments as given
 * @param attachment what the command carries besides its arguments, or null
 */
public record CommandRequest(Caller caller, String name, JsonObject args, Attachment attachment, CommandPipe.Deadline deadline) {

  /**
   * Data a command carries besides its arguments (the rows of an upload): an object in the
   * process, and {@link #toJson()} in the wire form, read back by the decoder registered under
   * the command's name ({@link CommandPipe#register}).
   */
  public interface Attachment {
    JsonObject toJson();
  }

  /** This command, carrying {@code attachment}. */
  public CommandRequest with(Attachment attachment) {
    return new CommandRequest(caller, name, args, attachment, deadline);
  }
}
