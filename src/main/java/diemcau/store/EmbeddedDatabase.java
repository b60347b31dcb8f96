package diemcau.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's file, {@value #FILE_NAME} in the data folder, and the watch on it.
 *
 * <p>At start the file is used as it is, carried over from the earlier embedded default (H2's
 * {@value H2Import#H2_FILE}), or created on a first start. A data folder that has been used
 * ({@value #SECRETS} is there) but has lost its database is refused: starting on an empty
 * database would silently empty the agenda, the results and the audit log. Starting fresh on
 * such a folder is a decision ({@code --fresh-database}).
 *
 * <p>While the server runs, every transaction first checks that the file is still the one it
 * opened: SQLite keeps writing to a file that was deleted (its inode lives on while open) and
 * a replaced file would be missed entirely; both fail every transaction and {@code /health} instead.
 */
public final class EmbeddedDatabase {

  public static final String FILE_NAME = "diemcau.db";
  static final String SECRETS = "secrets.json";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final Path path;
  private final Object identity;

  private EmbeddedDatabase(Path path, Object identity) {
    this.path = path;
    this.identity = identity;
  }

  /**
   * The database file of {@code dataDir}, ready to open: the existing one, one carried over from
   * H2, or a new empty one where that is safe.
   *
   * @param freshAllowed a new empty database may be created in a data folder that has secrets
   * @throws IllegalStateException when the folder cannot be used as it is; the message says what to do
   */
  static Path prepare(Path dataDir, boolean freshAllowed) {
    Path path = dataDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDir);
      if (Files.exists(path)) {
        H2Import.keepOldFileAside(dataDir);
        return path;
      }
      if (Files.exists(dataDir.resolve(H2Import.H2_FILE))) {
        H2Import.run(dataDir, path);
        return path;
      }
      if (Files.exists(dataDir.resolve(SECRETS)) && !freshAllowed) {
        throw new IllegalStateException(dataDir.resolve(SECRETS) + " is there but the database " + path + " is missing: "
            + "the agenda, the results and the audit log of this data folder are not where they should be. "
            + "Put the database file back (from a backup), or point DIEMCAU_DATA / --data at the right folder. "
            + "To start this folder with an empty database on purpose (bridge keys and tokens kept), start once with "
            + "--fresh-database (or DIEMCAU_FRESH_DATABASE=true).");
      }
      // SQLite takes an empty file for a new database; the migrations then create the tables
      Files.createFile(path);
      LOG.info("store: new embedded database {}", path);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the database in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** Watches {@code path} as it is now. */
  static EmbeddedDatabase watch(Path path) {
    try {
      return new EmbeddedDatabase(path, identity(path));
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
