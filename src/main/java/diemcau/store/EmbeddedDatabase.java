package diemcau.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's file, {@value #FILE_NAME} in the data folder: what is opened at start.
 *
 * <p>At start the file is used as it is, carried over from the earlier embedded default (H2's
 * {@value H2Import#H2_FILE}), or created on a first start. A data folder that has been used
 * ({@value #SECRETS} is there) but has lost its database is refused: starting on an empty
 * database would silently empty the agenda, the results and the audit log. Starting fresh on
 * such a folder is a decision ({@code --fresh-database}).
 *
 * <p>While the server runs, {@link Store} checks in every transaction that the file is still the one
 * it opened.
 */
public final class EmbeddedDatabase {

  public static final String FILE_NAME = "diemcau.db";
  static final String SECRETS = "secrets.json";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private EmbeddedDatabase() {}

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
}
