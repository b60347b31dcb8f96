package diemcau.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The database: H2 in MySQL mode in the data folder by default, MySQL/MariaDB when a URL is given.
 * Every JDBC call runs on the store's own worker pool, never on an event loop.
 */
public final class Store implements AutoCloseable {

  /** A unit of JDBC work run inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private static final int POOL_SIZE = 8;

  private final HikariDataSource dataSource;
  private final WorkerExecutor workers;
  private final String kind;

  private Store(HikariDataSource dataSource, WorkerExecutor workers, String kind) {
    this.dataSource = dataSource;
    this.workers = workers;
    this.kind = kind;
  }

  /**
   * The JDBC URL of the embedded database kept in {@code dataDir}. WRITE_DELAY=0: a command is
   * acknowledged only after its commit, so the commit must reach the file at once, not 500 ms
   * later (a kill -9 in between would lose an acknowledged change).
   */
  public static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("diemcau")
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;WRITE_DELAY=0";
  }

  /**
   * Opens the pool and migrates the schema. Blocking: call it from a worker or before the
   * event loops serve anything.
   */
  public static Store open(Vertx vertx, String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setPoolName("diemcau-db");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setAutoCommit(false);
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(10_000);
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    String kind = url.startsWith("jdbc:h2:") ? "h2" : "mysql";
    return new Store(dataSource, vertx.createSharedWorkerExecutor("diemcau-db", POOL_SIZE), kind);
  }

  /** "h2" or "mysql". */
  public String kind() {
    return kind;
  }

  /** Runs {@code work} in one transaction on the worker pool: committed if it returns, rolled back if it throws. */
  public <T> Future<T> tx(Work<T> work) {
    return workers.executeBlocking(() -> inTransaction(work), false);
  }

  /**
   * Runs {@code work} in one transaction on the calling thread, which must be allowed to block (a
   * worker): committed if it returns, rolled back if it throws.
   */
  public <T> T inTransaction(Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** Succeeds when the database answers a trivial query. */
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
}
