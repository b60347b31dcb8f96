package diemcau.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * The database: SQLite in the data folder by default ({@link EmbeddedDatabase}), MySQL/MariaDB
 * when a URL is given. Every JDBC call runs on the store's own worker pool or on the command
 * worker, never on an event loop, and every wait on the database is bounded (see the timeouts
 * below), so a database that stops answering fails a transaction instead of holding it. The
 * embedded database's file is checked first in every transaction ({@link OpenedFile}).
 */
public final class Store implements AutoCloseable {

  /** A unit of JDBC work run inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Which database, and the migrations it runs: the shared ones and its own form of those whose SQL differs. */
  public enum Kind {
    SQLITE, MYSQL;

    /** "sqlite" or "mysql", as {@code /health} says it. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Flyway locations: {@code db/migration} for every database, {@code db/<kind>} for this one. */
    public String[] migrations() {
      return new String[] {"classpath:db/migration", "classpath:db/" + wire()};
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(Store.class);
  private static final int POOL_SIZE = 8;
  /** Longest wait for a connection from the pool (or a new one to the server). */
  static final int CONNECTION_TIMEOUT_MS = 2_000;
  /** SQLite: longest wait for another connection's write lock before the statement fails. */
  static final int BUSY_TIMEOUT_MS = 3_000;
  /** MySQL/MariaDB: longest wait to open a TCP connection to the server. */
  static final int CONNECT_TIMEOUT_MS = 2_000;
  /**
   * MySQL/MariaDB: longest silence of the server in the middle of any statement or commit; a
   * network partition or a stopped server fails the call at this bound instead of when TCP gives up.
   * Longer than a command's deadline (5 s): a stall that ends in between completes the command
   * (its caller was told "outcome unknown") rather than failing it.
   */
  static final int SOCKET_TIMEOUT_MS = 8_000;
  /** MySQL/MariaDB: longest wait on a row lock held by another session (seconds; the server's default is 50). */
  static final int LOCK_WAIT_TIMEOUT_S = 3;
  /** How long to wait for the server to end the session of a commit in doubt. */
  private static final long SESSION_END_WAIT_MS = 5_000;

  private final HikariDataSource dataSource;
  private final WorkerExecutor workers;
  private final Kind kind;
  /** The embedded database's file as opened; null for MySQL/MariaDB. */
  private final OpenedFile file;
  /** Run first in every transaction of a writer in cluster mode ({@link WriterLock#fence}); null otherwise. */
  private final Work<Void> fence;

  private Store(HikariDataSource dataSource, WorkerExecutor workers, Kind kind, OpenedFile file, Work<Void> fence) {
    this.dataSource = dataSource;
    this.workers = workers;
    this.kind = kind;
    this.file = file;
    this.fence = fence;
  }

  /**
   * The same database, each transaction of which first runs {@code fence} (a writer's epoch check
   * in cluster mode): the command worker's view. Closing it closes nothing; the store it came from
   * owns the pool.
   */
  public Store fenced(Work<Void> fence) {
    return new Store(dataSource, workers, kind, file, fence);
  }

  /**
   * Reports the connection pool into {@code registry} (HikariCP's own meters, {@code hikaricp_*}:
   * connections active, idle, pending, timeouts, acquire and usage times). Once per store.
   */
  public void measure(MeterRegistry registry) {
    dataSource.setMetricRegistry(registry);
  }

  /**
   * Opens the embedded database of {@code dataDir} (see {@link EmbeddedDatabase#prepare} for what
   * happens when it is missing) and migrates its schema. Blocking.
   *
   * @throws IllegalStateException when the data folder cannot be used as it is; the message says what to do
   */
  public static Store embedded(Vertx vertx, Path dataDir, boolean freshAllowed) {
    Path path = EmbeddedDatabase.prepare(dataDir, freshAllowed);
    SQLiteDataSource sqlite = sqlite(path);
    migrate(sqlite, Kind.SQLITE);
    HikariConfig config = pool();
    config.setDataSource(sqlite);
    config.setInitializationFailTimeout(1);
    HikariDataSource dataSource = new HikariDataSource(config);
    return new Store(dataSource, workers(vertx), Kind.SQLITE, OpenedFile.of(path), null);
  }

  /**
   * SQLite in WAL mode with {@code synchronous=FULL}: a commit returns once its WAL frames are on
   * disk (fsync), so an acknowledged command survives a kill and a power cut. Opened without
   * {@code CREATE}: a file that vanished is an error, never a new empty database.
   */
  static SQLiteDataSource sqlite(Path path) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + path.toAbsolutePath());
    return dataSource;
  }

  /**
   * Opens a MySQL/MariaDB database by URL and migrates its schema. Blocking. The URL gets the
   * store's connect and socket timeouts unless it sets its own.
   */
  public static Store mysql(Vertx vertx, String url, String user, String password) {
    // migrations may run long on a large table: only the connect timeout for them
    migrate(Flyway.configure().dataSource(withParameter(url, "connectTimeout", CONNECT_TIMEOUT_MS), user, password)
        .getDataSource(), Kind.MYSQL);
    HikariConfig config = pool();
    config.setJdbcUrl(withParameter(withParameter(url, "connectTimeout", CONNECT_TIMEOUT_MS), "socketTimeout", SOCKET_TIMEOUT_MS));
    config.setUsername(user);
    config.setPassword(password);
    config.setConnectionInitSql("SET SESSION innodb_lock_wait_timeout = " + LOCK_WAIT_TIMEOUT_S);
    config.setInitializationFailTimeout(10_000);
    return new Store(new HikariDataSource(config), workers(vertx), Kind.MYSQL, null, null);
  }

  private static HikariConfig pool() {
    HikariConfig config = new HikariConfig();
    config.setPoolName("diemcau-db");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setAutoCommit(false);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    config.setValidationTimeout(1_000);
    return config;
  }

  private static void migrate(DataSource dataSource, Kind kind) {
    Flyway.configure().dataSource(dataSource).locations(kind.migrations()).load().migrate();
  }

  private static WorkerExecutor workers(Vertx vertx) {
    return vertx.createSharedWorkerExecutor("diemcau-db", POOL_SIZE);
  }

  /** {@code url} with {@code name=value} added, unless it sets {@code name} already. */
  static String withParameter(String url, String name, int value) {
    if (url.matches(".*[?&]" + name + "=.*")) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
  }

  public Kind kind() {
    return kind;
  }

  /** Runs {@code work} in one transaction on the worker pool: committed if it returns, rolled back if it throws. */
  public <T> Future<T> tx(Work<T> work) {
    return workers.executeBlocking(() -> inTransaction(work), false);
  }

  /**
   * Runs {@code work} in one transaction on the calling thread, which must be allowed to block (a
   * worker): committed if it returns, rolled back if it throws.
   *
   * @throws StoreUnavailableException nothing was written: no connection, or the file is gone
   * @throws CommitInDoubtException the commit was sent and did not answer: it may have landed
   * @throws SQLException what {@code work} threw, rolled back
   */
  public <T> T inTransaction(Work<T> work) throws SQLException {
    if (file != null) {
      file.check();
    }
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StoreUnavailableException("no connection to the database within " + CONNECTION_TIMEOUT_MS + " ms: "
          + e.getMessage(), e);
    }
    try {
      T result;
      try {
        if (fence != null) {
          fence.run(connection);
        }
        result = work.run(connection);
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
      try {
        connection.commit();
      } catch (SQLException e) {
        throw new CommitInDoubtException(e, session(connection));
      }
      return result;
    } finally {
      close(connection);
    }
  }

  /**
   * Whether the transaction whose commit was in doubt landed, told by a row it wrote: once the
   * session that sent it has ended (on MySQL/MariaDB it is killed first, so that a commit still
   * queued on the server cannot land after this answer).
   */
  public boolean committed(CommitInDoubtException doubt, Work<Boolean> wrote) throws SQLException {
    if (doubt.session() != null) {
      endSession(doubt.session());
    }
    return inTransaction(wrote);
  }

  private void endSession(long session) throws SQLException {
    inTransaction(connection -> {
      try (Statement kill = connection.createStatement()) {
        kill.execute("KILL CONNECTION " + session);
      } catch (SQLException gone) {
        // 1094: no such session any more
        if (gone.getErrorCode() != 1094) {
          throw gone;
        }
      }
      long deadline = System.nanoTime() + SESSION_END_WAIT_MS * 1_000_000;
      try (PreparedStatement alive = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?")) {
        alive.setLong(1, session);
        while (true) {
          try (ResultSet row = alive.executeQuery()) {
            row.next();
            if (row.getLong(1) == 0) {
              return null;
            }
          }
          if (System.nanoTime() > deadline) {
            throw new StoreUnavailableException("the database still runs session " + session + " of a commit in doubt", null);
          }
          sleep(20);
        }
      }
    });
  }

  private static void sleep(long ms) throws SQLException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted", e);
    }
  }

  private Long session(Connection connection) {
    if (kind != Kind.MYSQL) {
      return null;
    }
    try {
      return connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).getId();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("store: cannot tell the session of a commit in doubt", e);
      return null;
    }
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // a broken connection: the server rolls back an uncommitted transaction when it goes
      cause.addSuppressed(e);
    }
  }

  /** Returns the connection to the pool; a failure there never turns a committed result into an error. */
  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("store: closing a connection failed", e);
    }
  }

  /** Succeeds when the database answers a trivial query (and, embedded, its file is still the one opened). */
  public Future<Void> ping() {
    return tx(connection -> {
      try (var statement = connection.createStatement()) {
        statement.execute("SELECT 1");
      }
      return null;
    });
  }

  @Override
  public void close() {
    workers.close();
    dataSource.close();
  }

  /**
   * The embedded database's file as it was opened, checked first in every transaction: SQLite keeps
   * writing to a file that was deleted (its inode lives on while open) and a replaced file would be
   * missed entirely; both fail every transaction and {@code /health} instead.
   */
  private record OpenedFile(Path path, Object identity) {

    static OpenedFile of(Path path) {
      try {
        return new OpenedFile(path, identity(path));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Fails when the file is no longer the one opened: removed, moved away or replaced. */
    void check() throws StoreUnavailableException {
      Object now;
      try {
        now = identity(path);
      } catch (NoSuchFileException e) {
        throw new StoreUnavailableException("the database file " + path.getFileName() + " was removed while the server ran: "
            + "nothing more is written; put it back and restart the server", e);
      } catch (IOException e) {
        throw new StoreUnavailableException("the database file " + path.getFileName() + " cannot be read", e);
      }
      if (!Objects.equals(now, identity)) {
        throw new StoreUnavailableException("the database file " + path.getFileName() + " was replaced while the server ran: "
            + "nothing more is written; restart the server to use the new file", null);
      }
    }

    /** The file's identity (device and inode on Linux), the same for as long as it is the same file. */
    private static Object identity(Path path) throws IOException {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
    }
  }
}
