package diemcau.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import diemcau.store.Databases;
import diemcau.store.Store;
import diemcau.store.StoreUnavailableException;
import diemcau.store.WriterLock;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer lock and its fencing epoch on MariaDB: one holder, and a succeeded writer commits nothing. */
class WriterLockTest {

  private String url;
  private Vertx vertx;
  private Store store;

  @BeforeEach
  void database() {
    url = Databases.freshMariaDb();
    vertx = Vertx.vertx();
    store = Store.mysql(vertx, url, "root", null);
  }

  @AfterEach
  void close() {
    store.close();
    vertx.close().await();
    Databases.drop(url);
  }

  @Test
  void oneHolderAtATimeAndEachTakerBumpsTheEpoch() throws Exception {
    WriterLock first = WriterLock.tryTake(WriterLock.open(url, "root", null), "a").orElseThrow();
    Connection other = WriterLock.open(url, "root", null);
    assertThat(WriterLock.tryTake(other, "b")).isEmpty();
    assertThat(WriterLock.current(other)).isEqualTo(new WriterLock.Term(first.epoch(), "a"));
    first.ping();
    first.close();
    WriterLock second = WriterLock.tryTake(other, "b").orElseThrow();
    assertThat(second.epoch()).isEqualTo(first.epoch() + 1);
    assertThatThrownBy(first::ping).isInstanceOf(SQLException.class);
    second.close();
  }

  @Test
  void clustersOnTwoDatabasesOfOneServerEachHaveTheirOwnWriter() throws Exception {
    String elsewhere = Databases.freshMariaDb();
    Store other = Store.mysql(vertx, elsewhere, "root", null);
    try {
      WriterLock here = WriterLock.tryTake(WriterLock.open(url, "root", null), "a").orElseThrow();
      Optional<WriterLock> there = WriterLock.tryTake(WriterLock.open(elsewhere, "root", null), "b");
      assertThat(there).as("the lock of another database is free while this one's is held").isPresent();
      assertThat(WriterLock.tryTake(WriterLock.open(url, "root", null), "c")).isEmpty();
      here.ping();
      there.get().ping();
      here.close();
      there.get().close();
    } finally {
      other.close();
      Databases.drop(elsewhere);
    }
  }

  @Test
  void aSucceededWritersTransactionsAreRefusedAndWriteNothing() throws Exception {
    WriterLock first = WriterLock.tryTake(WriterLock.open(url, "root", null), "a").orElseThrow();
    Store fenced = store.fenced(first.fence());
    fenced.inTransaction(connection -> insert(connection, "by the writer"));
    first.close(); // its session ended (a frozen node's, after the idle timeout)
    WriterLock second = WriterLock.tryTake(WriterLock.open(url, "root", null), "b").orElseThrow();
    assertThatThrownBy(() -> fenced.inTransaction(connection -> insert(connection, "by the old writer")))
        .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("no longer the writer");
    store.fenced(second.fence()).inTransaction(connection -> insert(connection, "by the new writer"));
    assertThat(rows()).isEqualTo(2);
    second.close();
  }

  @Test
  void aWriterFrozenInsideItsTransactionCannotCommitAfterItsSuccessorTookOver() throws Exception {
    WriterLock first = WriterLock.tryTake(WriterLock.open(url, "root", null), "a").orElseThrow();
    Store fenced = store.fenced(first.fence());
    CountDownLatch checked = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    CompletableFuture<Void> frozen = CompletableFuture.runAsync(() -> {
      try {
        fenced.inTransaction(connection -> {
          checked.countDown(); // past the epoch check: it holds the epoch row
          await(resume);
          return insert(connection, "by the frozen writer");
        });
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(checked.await(10, TimeUnit.SECONDS)).isTrue();
    first.close();
    Optional<WriterLock> second = WriterLock.tryTake(WriterLock.open(url, "root", null), "b");
    assertThat(second).isPresent();
    resume.countDown();
    assertThatThrownBy(frozen::join).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(rows()).isZero();
    second.get().close();
  }

  private static Void insert(Connection connection, String text) throws SQLException {
    try (var insert = connection.prepareStatement("INSERT INTO audit_log (at_ms, actor, role, command, args, topic, rev) "
        + "VALUES (1, 'test', 'mc', 'screen.message', ?, 'screen', 1)")) {
      insert.setString(1, "{\"text\":\"" + text + "\"}");
      insert.executeUpdate();
    }
    return null;
  }

  private long rows() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "root", null); Statement select = connection.createStatement();
        ResultSet row = select.executeQuery("SELECT COUNT(*) FROM audit_log")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
