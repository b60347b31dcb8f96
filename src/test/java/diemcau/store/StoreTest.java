package diemcau.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.JdbcConnection;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The store, on embedded SQLite and on MariaDB")
class StoreTest {

  private Vertx vertx;
  private Store store;
  private String url;

  private void open(String database) throws Exception {
    vertx = Vertx.vertx();
    if (database.equals("sqlite")) {
      store = Databases.sqlite(vertx);
    } else {
      url = Databases.freshMariaDb();
      store = Store.mysql(vertx, url, "root", null);
    }
  }

  @AfterEach
  void close() throws Exception {
    if (store != null) {
      store.close();
    }
    if (url != null) {
      Databases.drop(url);
    }
    if (vertx != null) {
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "mariadb"})
  @DisplayName("migrates, saves and reloads a core's state with Vietnamese text intact, and upserts")
  void coreStateRoundTrip(String database) throws Exception {
    open(database);
    JsonObject state = new JsonObject().put("title", "Phát biểu hưởng ứng cam kết").put("n", 1);
    store.tx(connection -> {
      CoreStates.save(connection, "agenda", 1, state, 1000);
      return null;
    }).await(10, TimeUnit.SECONDS);
    store.tx(connection -> {
      CoreStates.save(connection, "agenda", 2, state.copy().put("n", 2), 2000);
      return null;
    }).await(10, TimeUnit.SECONDS);
    // the very same row again: an update that changes nothing must not be taken for a missing row
    store.tx(connection -> {
      CoreStates.save(connection, "agenda", 2, state.copy().put("n", 2), 2000);
      return null;
    }).await(10, TimeUnit.SECONDS);
    CoreStates.Stored stored = store.tx(connection -> CoreStates.load(connection, "agenda").orElseThrow())
        .await(10, TimeUnit.SECONDS);
    assertThat(stored.rev()).isEqualTo(2);
    assertThat(stored.state().getString("title")).isEqualTo("Phát biểu hưởng ứng cam kết");
    assertThat(stored.state().getInteger("n")).isEqualTo(2);
    assertThat(store.tx(connection -> CoreStates.load(connection, "final")).await(10, TimeUnit.SECONDS)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "mariadb"})
  @DisplayName("a transaction that fails leaves neither the state nor the audit row behind")
  void failedTransactionRollsBack(String database) throws Exception {
    open(database);
    assertThatThrownBy(() -> store.tx(connection -> {
      CoreStates.save(connection, "screen", 1, new JsonObject().put("scene", "logo"), 1000);
      AuditLog.append(connection, new AuditLog.Entry(1000, "mc", "mc", "screen.scene", new JsonObject(), "screen", 1L));
      throw new SQLException("disk full");
    }).await(10, TimeUnit.SECONDS)).hasMessageContaining("disk full");
    assertThat(store.tx(connection -> CoreStates.load(connection, "screen")).await(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(store.tx(connection -> AuditLog.recent(connection, 10)).await(10, TimeUnit.SECONDS)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "mariadb"})
  @DisplayName("the audit log lists entries newest first with their arguments and revision")
  void auditLog(String database) throws Exception {
    open(database);
    store.tx(connection -> {
      AuditLog.append(connection, new AuditLog.Entry(1000, "mc", "mc", "agenda.start", new JsonObject(), "agenda", 1L));
      AuditLog.append(connection, new AuditLog.Entry(2000, "11560", "bridge", "bridge.attendance",
          new JsonObject().put("count", 42), "bridges", 7L));
      return null;
    }).await(10, TimeUnit.SECONDS);
    JsonArray recent = store.tx(connection -> AuditLog.recent(connection, 10)).await(10, TimeUnit.SECONDS);
    assertThat(recent).hasSize(2);
    assertThat(recent.getJsonObject(0).getString("command")).isEqualTo("bridge.attendance");
    assertThat(recent.getJsonObject(0).getJsonObject("args").getInteger("count")).isEqualTo(42);
    assertThat(recent.getJsonObject(0).getLong("rev")).isEqualTo(7);
    assertThat(recent.getJsonObject(1).getString("actor")).isEqualTo("mc");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "mariadb"})
  @DisplayName("JDBC work runs on the store's worker threads, never on an event loop")
  void neverOnAnEventLoop(String database) throws Exception {
    open(database);
    AtomicReference<String> thread = new AtomicReference<>();
    AtomicReference<Boolean> onEventLoop = new AtomicReference<>();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(ignored -> store.tx(connection -> {
      thread.set(Thread.currentThread().getName());
      onEventLoop.set(Context.isOnEventLoopThread());
      return null;
    }));
    long deadline = System.currentTimeMillis() + 5000;
    while (thread.get() == null && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(thread.get()).startsWith("diemcau-db");
    assertThat(onEventLoop.get()).isFalse();
    store.ping().await(5, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("on MariaDB, a commit in doubt is looked up only once its session is ended: uncommitted rows are then gone")
  void commitInDoubtSettledAfterTheSessionEnds() throws Exception {
    open("mariadb");
    AuditLog.Entry lost = new AuditLog.Entry(1000, "mc", "mc", "agenda.next", new JsonObject(), "agenda", 7L);
    AuditLog.Entry landed = new AuditLog.Entry(2000, "mc", "mc", "agenda.next", new JsonObject(), "agenda", 8L);
    Connection stalled = DriverManager.getConnection(url, "root", null);
    Connection committed = DriverManager.getConnection(url, "root", null);
    try {
      // a session whose COMMIT never reached the server: its transaction is still open there
      stalled.setAutoCommit(false);
      AuditLog.append(stalled, lost);
      committed.setAutoCommit(false);
      AuditLog.append(committed, landed);
      committed.commit();

      assertThat(store.committed(doubt(stalled), connection -> AuditLog.contains(connection, lost))).isFalse();
      assertThat(stalled.isValid(2)).as("the session was ended").isFalse();
      assertThat(store.committed(doubt(committed), connection -> AuditLog.contains(connection, landed))).isTrue();
    } finally {
      // both sessions were ended on the server: closing them would only fail
      stalled.abort(Runnable::run);
      committed.abort(Runnable::run);
    }
  }

  private static CommitInDoubtException doubt(Connection session) throws SQLException {
    return new CommitInDoubtException(new SQLException("Read timed out"), session.unwrap(JdbcConnection.class).getId());
  }
}
