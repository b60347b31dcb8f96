package diemcau.command;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.store.AuditLog;
import diemcau.store.CommitInDoubtException;
import diemcau.store.CoreStates;
import diemcau.store.Databases;
import diemcau.store.Store;
import io.vertx.core.Future;
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
    dispatcher.register("word.bug", Set.of(Role.MC), (caller, args, now) -> {
      throw new IllegalStateException("a bug in a handler");
    });
  }

  @AfterEach
  void close() throws Exception {
    store.close();
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private Future<Long> run(String name, JsonObject args) {
    return dispatcher.dispatch(MC, name, args);
  }

  @Test
  @DisplayName("commits the state and its audit row, then installs and publishes, one revision per command")
  void commitsThenPublishes() throws Exception {
    assertThat(run("word.set", new JsonObject().put("word", "xin")).result()).isEqualTo(1L);
    assertThat(run("word.set", new JsonObject().put("word", "chào")).result()).isEqualTo(2L);

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

    Future<Long> broken = run("word.broken", new JsonObject());

    assertThat(broken.failed()).isTrue();
    assertThat(broken.cause()).isInstanceOfSatisfying(CommandException.class, e -> {
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
    assertThat(run("word.set", new JsonObject().put("word", "chào")).result()).as("the next command goes on").isEqualTo(2L);
  }

  @Test
  @DisplayName("a commit in doubt answers outcome_unknown and is settled before the next command: applied if it landed")
  void inDoubtThatLanded() throws Exception {
    run("word.set", new JsonObject().put("word", "xin"));

    Future<Long> doubtful = run("word.doubt.landed", new JsonObject().put("word", "chào"));

    assertThat(doubtful.cause()).isInstanceOfSatisfying(CommandException.class, e -> {
      assertThat(e.status()).isEqualTo(504);
      assertThat(e.code()).isEqualTo(CommandException.OUTCOME_UNKNOWN);
    });
    assertThat(core.word).as("nothing installed while in doubt").isEqualTo("xin");
    assertThat(published).containsExactly("xin@1");

    assertThat(run("word.set", new JsonObject().put("word", "các bạn")).result()).isEqualTo(3L);
    assertThat(published).as("settled first: found committed, so applied and published").containsExactly("xin@1", "chào@2", "các bạn@3");
  }

  @Test
  @DisplayName("a commit in doubt that did not land is dropped before the next command, which takes the next revision")
  void inDoubtThatDidNotLand() throws Exception {
    run("word.set", new JsonObject().put("word", "xin"));
    assertThat(run("word.doubt.lost", new JsonObject().put("word", "chào")).failed()).isTrue();

    assertThat(run("word.set", new JsonObject().put("word", "các bạn")).result()).isEqualTo(3L);
    assertThat(published).containsExactly("xin@1", "các bạn@3");
    assertThat(store.tx(connection -> AuditLog.recent(connection, 10)).await(10, TimeUnit.SECONDS)).hasSize(2);
  }

  @Test
  @DisplayName("refusals and bugs come back as failed futures, never thrown at the caller")
  void failuresAreFutures() {
    Future<Long> forbidden = dispatcher.dispatch(new Caller(Role.JUDGE, "j1"), "word.set", new JsonObject().put("word", "x"));
    assertThat(forbidden.cause()).isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThat(run("word.nope", new JsonObject()).cause())
        .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(run("word.set", new JsonObject().put("word", "x").put("extra", 1)).cause()).isInstanceOf(CommandException.class);
    assertThat(run("word.bug", new JsonObject()).cause()).isInstanceOf(IllegalStateException.class);
    assertThat(published).isEmpty();
    assertThat(dispatcher.rev("screen")).isZero();
  }
}
