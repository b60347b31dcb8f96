package diemcau.command;

/** Every event-bus address of the server, in one place. */
public final class Addresses {

  /** Request: a {@link CommandRequest}; reply: its {@link CommandResult}. */
  public static final String COMMANDS = "diemcau.commands";

  /**
   * Request: none; reply: an empty accepted {@link CommandResult} once every command sent before
   * it has finished and its outcome is known, or the refusal that kept it from knowing.
   */
  public static final String SETTLE = "diemcau.commands.settle";

  /** Publish: an encoded {@code state} frame, with headers {@code topic} and {@code rev}. */
  public static final String STATE = "diemcau.state";

  /** Publish (local): a bridge screen's socket {@code {unit, event: opened|closed|seen}}. */
  public static final String PRESENCE = "diemcau.presence";

  /**
   * Request (local): the final's console views, {@code {view: progress|judge|admin|export, judge?, file?}};
   * reply: a {@link CommandResult} with the view as its data, or refused. Answered on the command
   * worker, so a view shows the state exactly as the commands left it.
   */
  public static final String FINAL_VIEWS = "diemcau.final.views";

  /** Request (local): none; reply: a {@link CommandResult} with the newest leaderboard's data. */
  public static final String LEADERBOARD = "diemcau.participation.leaderboard";

  /** Local map: under {@code node}, what a cluster node adds to {@code /health} (its role, the cluster's size, ...). */
  public static final String HEALTH = "diemcau.health";

  private Addresses() {}
}
