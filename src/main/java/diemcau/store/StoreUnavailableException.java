package diemcau.store;

import java.sql.SQLException;

/**
 * The database could not be used, and nothing was written: no connection within the pool's
 * timeout, or the embedded database's file was removed or replaced while the server ran.
 */
public final class StoreUnavailableException extends SQLException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
