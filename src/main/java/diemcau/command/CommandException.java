package diemcau.command;

/**
 * A command refused with a reason a person can act on. {@code status} is the HTTP status the
 * REST door answers with; {@code field} names the argument at fault, when there is one.
 */
public final class CommandException extends RuntimeException {

  /** 503: the command never began and never will; nothing changed; safe to send again. */
  public static final String NOT_EXECUTED = "not_executed";
  /** 503: the database could not take the command; nothing changed; safe to send again. */
  public static final String DATABASE_UNAVAILABLE = "database_unavailable";
  /** 504: the command began but the database did not confirm it: it may have been applied. */
  public static final String OUTCOME_UNKNOWN = "outcome_unknown";

  private final ApiError error;

  public CommandException(int status, String code, String field, String message) {
    super(message, null, false, false);
    this.error = new ApiError(status, code, field, message);
  }

  public static CommandException badArgument(String field, String message) {
    return new CommandException(400, "bad_argument", field, message);
  }

  public static CommandException conflict(String code, String message) {
    return new CommandException(409, code, null, message);
  }

  /** The database could not take the change; nothing was changed. */
  public static CommandException databaseUnavailable(String why) {
    return new CommandException(503, DATABASE_UNAVAILABLE, null,
        "the database is not available (" + why + "): nothing was changed; send the command again when it is back");
  }

  /** The change may or may not have been applied: {@code why} says what was not confirmed. */
  public static CommandException outcomeUnknown(String why) {
    return new CommandException(504, OUTCOME_UNKNOWN, null, why + ": it may have been applied; read the state before sending it again");
  }

  public int status() {
    return error.status();
  }

  public String code() {
    return error.code();
  }

  public String field() {
    return error.field();
  }

  /** The refusal as it is answered. */
  public ApiError error() {
    return error;
  }
}
