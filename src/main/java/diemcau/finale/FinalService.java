package diemcau.finale;

import diemcau.agenda.AgendaService;
import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.Credentials;
import diemcau.command.LiveCore;
import diemcau.command.Role;
import diemcau.event.Event;
import diemcau.participation.Qualifiers;
import diemcau.store.CoreStates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 2 and the final as one live core, publishing the {@code final} topic: entries and
 * council scores, finalists, the presentation order, the jury's sheets, the results and the
 * stepped reveal. The commands live in small classes by concern ({@link EntryCommands},
 * {@link OrderCommands}, {@link JudgeCommands}, {@link ResultCommands}); what consoles may read
 * beyond the public topic is answered by {@link FinalQueries}.
 *
 * <p>The presentations are timed by the agenda (the final's day): this core names the agenda's
 * presentation slots after its order, and reads from it which slots have started and ended.
 *
 * <p>Runs on the command verticle's context, like every core; only {@link JudgeTokens} is read
 * from other threads.
 */
public final class FinalService implements LiveCore {

  public static final String TOPIC = "final";
  /**
   * The least time between two reveal steps: the hall's suspense and the winner's entrance take
   * this long (the pages read it from the topic's reveal.gapMs), and a step sooner is refused.
   */
  public static final long REVEAL_GAP_MS = 2_900;

  static final Set<Role> ADMIN = Set.of(Role.ADMIN);
  static final Set<Role> MC = Set.of(Role.MC, Role.ADMIN);
  static final Set<Role> JUDGE = Set.of(Role.JUDGE, Role.ADMIN);

  private final Event event;
  private final AgendaService agenda;
  private final Qualifiers stage1;
  private final JudgeTokens tokens = new JudgeTokens();
  private FinalState state = FinalState.empty();

  /** Registers the judges' tokens with {@code credentials}, so the command door knows them. */
  public FinalService(Event event, Credentials credentials, AgendaService agenda, Qualifiers stage1) {
    this.event = event;
    this.agenda = agenda;
    this.stage1 = stage1;
    credentials.addLookup(tokens);
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  public JsonObject topicData(long now) {
    return FinalTopic.of(state, event);
  }

  @Override
  public void restore(JsonObject stored) {
    install(FinalState.fromJson(stored));
  }

  @Override
  public void register(CommandDispatcher dispatcher) {
    new EntryCommands(this).register(dispatcher);
    new OrderCommands(this).register(dispatcher);
    new JudgeCommands(this).register(dispatcher);
    new ResultCommands(this).register(dispatcher);
  }

  @Override
  public Future<Void> start(Vertx vertx, Runnable republish) {
    return new FinalQueries(this).listen(vertx);
  }

  /**
   * Back to before a rehearsal: the order, every judge's sheet and the score ledger, the
   * council's tie decisions and the reveal gone; with {@code stage2} the entries, the council's
   * scores and the finalists too. The judges stay, and with them their links.
   */
  public Change reset(boolean stage2) {
    Jury judges = new Jury(state.jury().judges(), state.jury().created(), Map.of());
    FinalState next = new FinalState(stage2 ? Stage2.empty() : state.stage2(), null, judges, List.of(), null);
    return change(next, (connection, rev, now) -> ScoreLog.clear(connection), null);
  }

  FinalState state() {
    return state;
  }

  Event event() {
    return event;
  }

  AgendaService agenda() {
    return agenda;
  }

  /** Who is above the stage-1 cut line: only they send a stage-2 entry. */
  Qualifiers stage1() {
    return stage1;
  }

  /** A change to {@code next}, persisted whole. */
  Change change(FinalState next) {
    return change(next, null, null);
  }

  /**
   * A change to {@code next} that also runs {@code also} in its transaction and, when
   * {@code auditArgs} is not null, is audited with those instead of the command's arguments.
   * When it renames the final's presentation slots, the agenda is published with it.
   */
  Change change(FinalState next, Change.Write also, JsonObject auditArgs) {
    JsonObject stored = next.toJson();
    Change.Write write = (connection, rev, now) -> {
      CoreStates.save(connection, TOPIC, rev, stored, now);
      if (also != null) {
        also.run(connection, rev, now);
      }
    };
    Change change = new Change(this, write, () -> install(next), auditArgs);
    return presenters(next).equals(presenters(state)) ? change : change.and(Change.republish(agenda));
  }

  private void install(FinalState next) {
    state = next;
    tokens.install(next.jury().judges());
    agenda.presenters(presenters(next));
  }

  /** Who presents in each slot: the order's units with their names and entries' titles. */
  private List<AgendaService.Presenter> presenters(FinalState of) {
    if (of.order() == null) {
      return List.of();
    }
    return of.order().units().stream().map(unit -> {
      Entry entry = of.stage2().entries().get(unit);
      return new AgendaService.Presenter(unit, FinalResults.name(event, unit), entry == null ? "" : entry.title());
    }).toList();
  }
}
