package diemcau.command;

/**
 * Validates a command's arguments against the current state and describes its effect,
 * without applying it. Throws {@link CommandException} to refuse.
 */
@FunctionalInterface
public interface CommandHandler {
  Change handle(Caller caller, Args args, long now);
}
