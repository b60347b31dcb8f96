package diemcau.finale;

import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.Credentials;
import diemcau.command.LiveCore;
import diemcau.command.Role;
import diemcau.event.Event;
import diemcau.store.CoreStates;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Stage 2 and the final as one live core, publishing the {@code final} topic: entries and
 * council scores, finalists, the presentation order and its running order, the jury's sheets,
 * the results and the stepped reveal. The commands live in small classes by concern
 * ({@link EntryCommands}, {@link OrderCommands}, {@link FinalAgendaCommands},
 * {@link JudgeCommands}, {@link ResultCommands}); what consoles may read beyond the public topic
 * is answered on {@link FinaleQueries#ADDRESS}.
 *
 * <p>Runs on the command verticle's context, like every core; only {@link JudgeTokens} is read
 * from other threads.
 */
public final class FinaleService implements LiveCore {

  public static final String TOPIC = "final";
  /** Reveal steps closer together than this are clicks during the hall's animation, and ignored. */
  public static final long REVEAL_GAP_MS = 1_200;

  static final Set<Role> ADMIN = Set.of(Role.ADMIN);
  static final Set<Role> MC = Set.of(Role.MC, Role.ADMIN);
  static final Set<Role> JUDGE = Set.of(Role.JUDGE, Role.ADMIN);

  private final Event event;
  private final JudgeTokens tokens = new JudgeTokens();
  private FinalState state = FinalState.empty();

  /** Registers the judges' tokens with {@code credentials}, so the command door knows them. */
  public FinaleService(Event event, Credentials credentials) {
    this.event = event;
    credentials.addLookup(tokens);
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  public JsonObject topicData(long now) {
    return FinalTopic.of(state, event, now);
  }

  @Override
  public void restore(JsonObject stored) {
    install(FinalState.fromJson(stored));
  }

  @Override
  public void register(CommandDispatcher dispatcher) {
    new EntryCommands(this).register(dispatcher);
    new OrderCommands(this).register(dispatcher);
    new FinalAgendaCommands(this).register(dispatcher);
    new JudgeCommands(this).register(dispatcher);
    new ResultCommands(this).register(dispatcher);
  }

  @Override
  public void start(Vertx vertx, Runnable republish) {
    new FinaleQueries(this).listen(vertx);
  }

  FinalState state() {
    return state;
  }

  Event event() {
    return event;
  }

  /** A change to {@code next}, persisted whole. */
  Change change(FinalState next) {
    return change(next, null, null);
  }

  /**
   * A change to {@code next} that also runs {@code also} in its transaction and, when
   * {@code auditArgs} is not null, is audited with those instead of the command's arguments.
   */
  Change change(FinalState next, Change.Write also, JsonObject auditArgs) {
    JsonObject stored = next.toJson();
    Change.Write write = (connection, rev, now) -> {
      CoreStates.save(connection, TOPIC, rev, stored, now);
      if (also != null) {
        also.run(connection, rev, now);
      }
    };
    return new Change(this, write, () -> install(next), auditArgs);
  }

  private void install(FinalState next) {
    state = next;
    tokens.install(next.judging().judges());
  }
}
