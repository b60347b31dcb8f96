package diemcau.command;

/** A family of commands registered with the one door; a live core's, or one that spans cores. */
@FunctionalInterface
public interface Commands {

  /** Registers the commands with {@code dispatcher}. */
  void register(CommandDispatcher dispatcher);
}
