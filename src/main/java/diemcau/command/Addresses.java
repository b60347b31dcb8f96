package diemcau.command;

/** Event-bus addresses, in one place. */
public final class Addresses {

  /** Request: {caller, name, args, id, deadline}; reply: {ok, rev} or {ok:false, status, error}. */
  public static final String COMMANDS = "diemcau.commands";

  /** Request: {}; reply {ok:true} once every command sent before it has finished (see {@link CommandReplies#settle}). */
  public static final String SETTLE = "diemcau.commands.settle";

  /** Publish: an encoded {@code state} frame, with headers {@code topic} and {@code rev}. */
  public static final String STATE = "diemcau.state";

  /** Publish (local): a bridge screen's socket {@code {unit, event: opened|closed|seen}}. */
  public static final String PRESENCE = "diemcau.presence";

  private Addresses() {}
}
