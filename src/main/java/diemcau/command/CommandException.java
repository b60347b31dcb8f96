package diemcau.command;

import io.vertx.core.json.JsonObject;

/**
 * A command refused with a reason a person can act on. {@code status} is the HTTP status the
 * REST door answers with; {@code field} names the argument at fault, when there is one.
 */
public final class CommandException extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;

  public CommandException(int status, String code, String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public static CommandException badArgument(String field, String message) {
    return new CommandException(400, "bad_argument", field, message);
  }

  public static CommandException conflict(String code, String message) {
    return new CommandException(409, code, null, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  /** The {@code error} object of the wire contract. */
  public JsonObject toJson() {
    JsonObject error = new JsonObject().put("code", code).put("message", getMessage());
    if (field != null) {
      error.put("field", field);
    }
    return error;
  }
}
