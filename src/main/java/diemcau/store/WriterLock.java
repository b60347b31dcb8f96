package diemcau.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Cluster mode's writer lock and fencing epoch, on MySQL/MariaDB.
 *
 * <p>The lock is {@code GET_LOCK(CONCAT('diemcau.writer.', MD5(DATABASE())), 0)} held by a
 * dedicated session (a lock's name is the whole server's, not a database's: the name carries the
 * database, so that clusters on other databases of the same server never hold each other's). The server
 * releases it the moment that session ends, and the session ends with the node: at once when the
 * process dies (its socket closes), and after {@link #IDLE_TIMEOUT_S} of silence when the node is
 * frozen or cut off (the session's {@code wait_timeout}; the holder pings every second). The
 * database decides, not the cluster manager, because the database is what a command must reach to
 * be applied: a node that cannot reach it is never made writer, and two halves of a split cluster
 * cannot both hold it.
 *
 * <p>The lock alone does not stop a writer that was paused while its commit was on the way. So
 * the holder also bumps {@code writer_epoch.epoch} when it takes the lock, and every command's
 * transaction first updates that row where the epoch is still its own ({@link #fence}): after a
 * successor's bump the old writer's transactions update nothing and are refused. A transaction of
 * the old writer already past its check holds the row's lock: when the successor's bump has waited
 * {@link #BUMP_WAIT_S} for it, the successor ends every idle session of this database that holds an
 * open transaction (the frozen writer's; any other is a follower's read, which fails and is read
 * again), so that transaction is rolled back and can never commit.
 */
public final class WriterLock implements AutoCloseable {

  /** Silence after which the server ends the holder's session, and so releases the lock. */
  public static final int IDLE_TIMEOUT_S = 5;
  /** The successor's wait for the epoch row before it ends the sessions that hold it. */
  static final int BUMP_WAIT_S = 1;
  /** The lock's name: of this database (a name is at most 64 characters, a database's name as many). */
  private static final String LOCK = "CONCAT('diemcau.writer.', MD5(DATABASE()))";

  private final Connection session;
  private final long epoch;

  private WriterLock(Connection session, long epoch) {
    this.session = session;
    this.epoch = epoch;
  }

  /**
   * A session for {@link #tryTake}: it ends after {@link #IDLE_TIMEOUT_S} of silence. Blocking.
   *
   * @throws SQLException the database cannot be reached: this node cannot be writer
   */
  public static Connection open(String url, String user, String password) throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    Connection session = DriverManager.getConnection(
        Store.withParameter(Store.withParameter(url, "connectTimeout", Store.CONNECT_TIMEOUT_MS), "socketTimeout",
            Store.SOCKET_TIMEOUT_MS), properties);
    try (Statement setup = session.createStatement()) {
      setup.execute("SET SESSION wait_timeout = " + IDLE_TIMEOUT_S);
      setup.execute("SET SESSION innodb_lock_wait_timeout = " + BUMP_WAIT_S);
      return session;
    } catch (SQLException e) {
      closeQuietly(session);
      throw e;
    }
  }

  /**
   * Takes the lock on {@code session} if it is free, then bumps the epoch; empty if another node
   * holds it. On success the session belongs to the lock. Blocking.
   *
   * @throws SQLException the database failed: this node is not writer, and {@code session} is closed
   */
  public static Optional<WriterLock> tryTake(Connection session, String node) throws SQLException {
    try {
      try (Statement lock = session.createStatement(); ResultSet row = lock.executeQuery("SELECT GET_LOCK(" + LOCK + ", 0)")) {
        if (!row.next() || row.getInt(1) != 1) {
          return Optional.empty();
        }
      }
      return Optional.of(new WriterLock(session, bump(session, node)));
    } catch (SQLException | RuntimeException e) {
      closeQuietly(session);
      throw e;
    }
  }

  /** The new epoch, committed; ends the sessions of a frozen writer's transactions that hold the row. */
  private static long bump(Connection session, String node) throws SQLException {
    session.setAutoCommit(false);
    long deadline = System.nanoTime() + 4L * IDLE_TIMEOUT_S * 1_000_000_000L;
    while (true) {
      try (PreparedStatement bump = session.prepareStatement(
          "UPDATE writer_epoch SET epoch = epoch + 1, node = ?, taken_at = ? WHERE id = 1")) {
        bump.setString(1, node.length() > 64 ? node.substring(0, 64) : node);
        bump.setLong(2, System.currentTimeMillis());
        bump.executeUpdate();
        long epoch;
        try (Statement read = session.createStatement(); ResultSet row = read.executeQuery("SELECT epoch FROM writer_epoch WHERE id = 1")) {
          row.next();
          epoch = row.getLong(1);
        }
        session.commit();
        session.setAutoCommit(true);
        return epoch;
      } catch (SQLException e) {
        session.rollback();
        // 1205: lock wait timeout: the previous writer's transaction holds the row until its session ends
        if (e.getErrorCode() != 1205 || System.nanoTime() > deadline) {
          throw e;
        }
        endIdleTransactions(session);
      }
    }
  }

  /**
   * Ends every session of this database that sleeps inside an open transaction (not this one); a
   * user without the PROCESS privilege cannot see transactions: then every sleeping session of this
   * database (the pools lend a new connection for a closed one).
   */
  private static void endIdleTransactions(Connection session) throws SQLException {
    java.util.List<Long> idle;
    try {
      idle = ids(session, "SELECT t.trx_mysql_thread_id FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p "
          + "ON p.ID = t.trx_mysql_thread_id WHERE p.DB = DATABASE() AND p.ID <> CONNECTION_ID() AND p.COMMAND = 'Sleep'");
    } catch (SQLException noPrivilege) {
      idle = ids(session, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() "
          + "AND COMMAND = 'Sleep'");
    }
    for (long id : idle) {
      try (Statement kill = session.createStatement()) {
        kill.execute("KILL CONNECTION " + id);
      } catch (SQLException gone) {
        // 1094: it ended meanwhile
        if (gone.getErrorCode() != 1094) {
          throw gone;
        }
      }
    }
  }

  private static java.util.List<Long> ids(Connection session, String sql) throws SQLException {
    java.util.List<Long> ids = new java.util.ArrayList<>();
    try (Statement find = session.createStatement(); ResultSet rows = find.executeQuery(sql)) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  /** This writer's term. */
  public long epoch() {
    return epoch;
  }

  /** Keeps the session alive; throws when it is gone (and the lock with it). Blocking. */
  public void ping() throws SQLException {
    try (Statement ping = session.createStatement();
        ResultSet row = ping.executeQuery("SELECT IS_USED_LOCK(" + LOCK + ") = CONNECTION_ID()")) {
      if (!row.next() || !row.getBoolean(1)) {
        throw new SQLException("the writer lock is no longer held by this node");
      }
    }
  }

  /**
   * The check every command's transaction makes first: it fails, refusing the whole transaction, if
   * another writer bumped the epoch since this one took the lock.
   */
  public Store.Work<Void> fence() {
    long mine = epoch;
    return connection -> {
      try (PreparedStatement check = connection.prepareStatement(
          "UPDATE writer_epoch SET checks = checks + 1 WHERE id = 1 AND epoch = ?")) {
        check.setLong(1, mine);
        if (check.executeUpdate() != 1) {
          throw new StoreUnavailableException("this server is no longer the writer (epoch " + mine
              + " was succeeded): the command was not applied", null);
        }
      }
      return null;
    };
  }

  /** A writer's term: its epoch and the node that holds it. */
  public record Term(long epoch, String node) {}

  /** The term the database holds now (for a node that is not the writer). Blocking. */
  public static Term current(Connection connection) throws SQLException {
    try (Statement read = connection.createStatement();
        ResultSet row = read.executeQuery("SELECT epoch, node FROM writer_epoch WHERE id = 1")) {
      return row.next() ? new Term(row.getLong(1), row.getString(2)) : new Term(0, "");
    }
  }

  /** Ends the session: the lock is released. */
  @Override
  public void close() {
    closeQuietly(session);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the session is gone either way
    }
  }
}
