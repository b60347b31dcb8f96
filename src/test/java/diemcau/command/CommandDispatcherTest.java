package diemcau.command;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.store.AuditLog;
import diemcau.store.CommitInDoubtException;
import diemcau.store.CoreStates;
import diemcau.store.Databases;
import diemcau.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The command dispatcher: commit, then install and publish; a failure changes nothing")
class CommandDispatcherTest {

  private static final Caller MC = new Caller(Role.MC, "mc");

  /** A core holding one word, changed by "word.set". */
  private static final class WordCore implements LiveCore {
    String word = "";

    @Override
    public String topic() {
      return "screen";
    }

    @Override
    public JsonObject topicData(long now) {
      return new JsonObject().put("word", word);
    }

    @Override
    public void register(CommandDispatcher dispatcher) {}

    @Override
    public void restore(JsonObject stored) {}
  }

  private Vertx vertx;
  private Store store;
  private final WordCore core = new WordCore();
  private final List<String> published = new ArrayList<>();
  private final List<Integer> counted = new ArrayList<>();
  private CommandDispatcher dispatcher;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    store = Databases.sqlite(vertx);
    Clock clock = Clock.fixed(Instant.parse("2026-12-27T08:00:00Z"), ZoneOffset.UTC);
    dispatcher = new CommandDispatcher(store, clock, (published, rev) -> this.published.add(core.word + "@" + rev));
    dispatcher.register("word.set", Set.of(Role.MC), (caller, args, now) -> {
      String word = args.requireString("word");
      return Change.ofState(core, new JsonObject().put("word", word), () -> core.word = word);
    });
    dispatcher.register("word.broken", Set.of(Role.MC), (caller, args, now) -> new Change(core,
        (connection, rev, at) -> {
          CoreStates.save(connection, core.topic(), rev, new JsonObject().put("word", "half"), at);
          throw new SQLException("disk full");
        },
        () -> core.word = "half", null));
    // a commit the database did not confirm: the rows were (landed) or were not (lost) committed all the same
    for (boolean landed : new boolean[] {true, false}) {
      String name = landed ? "word.doubt.landed" : "word.doubt.lost";
      dispatcher.register(name, Set.of(Role.MC), (caller, args, now) -> {
        String word = args.requireString("word");
        JsonObject stored = new JsonObject().put("word", word);
        return new Change(core, (connection, rev, at) -> {
          if (landed) {
            store.inTransaction(other -> {
              CoreStates.save(other, core.topic(), rev, stored, at);
              AuditLog.append(other, new AuditLog.Entry(at, "mc", "mc", name, args.json(), core.topic(), rev));
              return null;
            });
          }
          throw new CommitInDoubtException(new SQLException("Read timed out"), null);
        }, () -> core.word = word, null);
      });
    }
    dispatcher.register("word.count", Set.of(Role.MC), (caller, args, now) -> {
      int letters = args.requireString("word").length();
      return Change.unpublished("words", (connection, rev, at) -> { }, () -> counted.add(letters))
          .withReply(new JsonObject().put("letters", letters));
    });
    dispatcher.register("word.bug", Set.of(Role.MC), (caller, args, now) -> {
      throw new IllegalStateException("a bug in a handler");
    });
  }

  @AfterEach
  void close() throws Exception {
    store.close();
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private CommandResult run(String name, JsonObject args) {
    return run(MC, name, args);
  }

  private CommandResult run(Caller caller, String name, JsonObject args) {
    return dispatcher.dispatch(CommandPipe.request(caller, name, args, CommandPipe.COMMAND_MS));
  }

  @Test
  @DisplayName("commits the state and its audit row, then installs and publishes, one revision per command")
  void commitsThenPublishes() throws Exception {
    assertThat(run("word.set", new JsonObject().put("word", "xin")).rev()).isEqualTo(1L);
    assertThat(run("word.set", new JsonObject().put("word", "chào")).rev()).isEqualTo(2L);

    assertThat(published).containsExactly("xin@1", "chào@2");
    CoreStates.Stored stored = store.tx(connection -> CoreStates.load(connection, "screen").orElseThrow())
        .await(10, TimeUnit.SECONDS);
    assertThat(stored.rev()).isEqualTo(2);
    assertThat(stored.state().getString("word")).isEqualTo("chào");
    assertThat(store.tx(connection -> AuditLog.recent(connection, 10)).await(10, TimeUnit.SECONDS)).hasSize(2);
  }

  @Test
  @DisplayName("a failed write leaves memory, revision, store and audit log as they were, and publishes nothing")
  void failedWriteChangesNothing() throws Exception {
    run("word.set", new JsonObject().put("word", "xin"));

    CommandResult broken = run("word.broken", new JsonObject());

    assertThat(broken.ok()).isFalse();
    assertThat(broken.error()).satisfies(e -> {
      assertThat(e.status()).isEqualTo(503);
      assertThat(e.code()).isEqualTo(CommandException.DATABASE_UNAVAILABLE);
    });
    assertThat(core.word).isEqualTo("xin");
    assertThat(dispatcher.rev("screen")).isEqualTo(1);
    assertThat(published).containsExactly("xin@1");
    CoreStates.Stored stored = store.tx(connection -> CoreStates.load(connection, "screen").orElseThrow())
        .await(10, TimeUnit.SECONDS);
    assertThat(stored.state().getString("word")).as("the half-written row was rolled back").isEqualTo("xin");
    assertThat(store.tx(connection -> AuditLog.recent(connection, 10)).await(10, TimeUnit.SECONDS)).hasSize(1);
    assertThat(run("word.set", new JsonObject().put("word", "chào")).rev()).as("the next command goes on").isEqualTo(2L);
  }

  @Test
  @DisplayName("a commit in doubt answers outcome_unknown and is settled before the next command: applied if it landed")
  void inDoubtThatLanded() throws Exception {
    run("word.set", new JsonObject().put("word", "xin"));

    CommandResult doubtful = run("word.doubt.landed", new JsonObject().put("word", "chào"));

    assertThat(doubtful.error()).satisfies(e -> {
      assertThat(e.status()).isEqualTo(504);
      assertThat(e.code()).isEqualTo(CommandException.OUTCOME_UNKNOWN);
    });
    assertThat(core.word).as("nothing installed while in doubt").isEqualTo("xin");
    assertThat(published).containsExactly("xin@1");

    assertThat(run("word.set", new JsonObject().put("word", "các bạn")).rev()).isEqualTo(3L);
    assertThat(published).as("settled first: found committed, so applied and published").containsExactly("xin@1", "chào@2", "các bạn@3");
  }

  @Test
  @DisplayName("a commit in doubt that did not land is dropped before the next command, which takes the next revision")
  void inDoubtThatDidNotLand() throws Exception {
    run("word.set", new JsonObject().put("word", "xin"));
    assertThat(run("word.doubt.lost", new JsonObject().put("word", "chào")).ok()).isFalse();

    assertThat(run("word.set", new JsonObject().put("word", "các bạn")).rev()).isEqualTo(3L);
    assertThat(published).containsExactly("xin@1", "các bạn@3");
    assertThat(store.tx(connection -> AuditLog.recent(connection, 10)).await(10, TimeUnit.SECONDS)).hasSize(2);
  }

  @Test
  @DisplayName("refusals and bugs come back as refused results, never thrown at the caller")
  void failuresAreResults() {
    CommandResult forbidden = run(new Caller(Role.JUDGE, "j1"), "word.set", new JsonObject().put("word", "x"));
    assertThat(forbidden.error().status()).isEqualTo(403);
    assertThat(run("word.nope", new JsonObject()).error().status()).isEqualTo(404);
    assertThat(run("word.set", new JsonObject().put("word", "x").put("extra", 1)).error())
        .extracting(ApiError::status, ApiError::code, ApiError::field).containsExactly(400, "bad_argument", "extra");
    assertThat(run("word.bug", new JsonObject()).error()).extracting(ApiError::status, ApiError::code).containsExactly(500, "internal");
    assertThat(published).isEmpty();
    assertThat(dispatcher.rev("screen")).isZero();
  }

  @Test
  @DisplayName("an unpublished change is revisioned and audited under its own name, publishes nothing, and answers its data")
  void unpublishedChangeAnswersData() throws Exception {
    CommandResult first = run("word.count", new JsonObject().put("word", "xin"));
    CommandResult second = run("word.count", new JsonObject().put("word", "chào"));

    assertThat(first.body().encode()).isEqualTo("{\"ok\":true,\"rev\":1,\"letters\":3}");
    assertThat(second.rev()).isEqualTo(2);
    assertThat(counted).containsExactly(3, 4);
    assertThat(published).isEmpty();
    assertThat(dispatcher.rev("words")).isEqualTo(2);
    JsonObject audited = store.tx(connection -> AuditLog.recent(connection, 10)).await(10, TimeUnit.SECONDS).getJsonObject(0);
    assertThat(audited.getString("topic")).isEqualTo("words");
    assertThat(audited.getLong("rev")).isEqualTo(2);
  }
}
