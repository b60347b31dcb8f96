package diemcau.store;

import java.sql.SQLException;

/**
 * A transaction's commit was sent but did not answer: it may have landed or not (a network
 * database that stopped answering, a disk error on the commit). {@link Store#committed} tells
 * which, once the database answers again.
 *
 * @param session the database session that sent the commit (MySQL/MariaDB's connection id), so
 *     that it can be ended before anyone looks; null on SQLite, whose commit ends with the call
 */
public final class CommitInDoubtException extends SQLException {

  private final Long session;

  public CommitInDoubtException(SQLException cause, Long session) {
    super("the database did not confirm the commit: " + cause.getMessage(), cause.getSQLState(), cause);
    this.session = session;
  }

  Long session() {
    return session;
  }
}
