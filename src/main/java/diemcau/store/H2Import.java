package diemcau.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Carries a data folder of the earlier embedded default, H2 ({@value #H2_FILE}), over to SQLite
 * on the first start after the upgrade: the SQLite schema is migrated to the H2 database's
 * version, every table is copied in one transaction and counted, the new file takes its place
 * only once complete, and the H2 file is kept beside it under another name. A kill at any
 * moment leaves either the H2 folder as it was (the next start tries again) or the finished
 * SQLite file.
 */
final class H2Import {

  static final String H2_FILE = "diemcau.mv.db";
  static final String BACKUP = "diemcau.mv.db.h2-backup";
  private static final String MIGRATING = "diemcau.db.migrating";
  private static final Logger LOG = LoggerFactory.getLogger(H2Import.class);

  private H2Import() {}

  /** Builds {@code target} from the H2 database in {@code dataDir}. */
  static void run(Path dataDir, Path target) {
    Path temp = dataDir.resolve(MIGRATING);
    long began = System.nanoTime();
    Map<String, Long> copied;
    try {
      for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
        Files.deleteIfExists(dataDir.resolve(MIGRATING + suffix));
      }
      Files.createFile(temp);
      copied = copy(dataDir, temp);
      try (FileChannel file = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        file.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(dataDir);
    } catch (SQLException | IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the next start deletes it first
      }
      throw new IllegalStateException("the data folder " + dataDir + " holds the database of an earlier diemcau (H2, "
          + H2_FILE + ") that could not be carried over to SQLite: " + e.getMessage() + ". Nothing in the folder was changed. "
          + "Either run the earlier diemcau on this folder, download what you need from /admin, /stage1 and /final-admin "
          + "(exports), then start this version on a new data folder and import the participation file again; or, to start "
          + "without that data, move " + H2_FILE + " out of the folder and start with --fresh-database.", e);
    }
    Path backup = keepOldFileAside(dataDir);
    LOG.info("store: carried the H2 database over to SQLite {} in {} ms, every table copied and counted ({}); "
        + "the H2 file is kept as {}", target, (System.nanoTime() - began) / 1_000_000, copied, backup);
  }

  /** Renames the H2 file, if it is still there, out of the way of every later start; its new path, or null. */
  static Path keepOldFileAside(Path dataDir) {
    Path h2 = dataDir.resolve(H2_FILE);
    if (!Files.exists(h2)) {
      return null;
    }
    try {
      Path backup = dataDir.resolve(BACKUP);
      for (int n = 2; Files.exists(backup); n++) {
        backup = dataDir.resolve(BACKUP + "-" + n);
      }
      Files.move(h2, backup, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(dataDir);
      LOG.warn("store: the earlier H2 database {} is no longer used; kept as {}", h2, backup);
      return backup;
    } catch (IOException e) {
      throw new IllegalStateException("cannot rename the earlier H2 database " + h2 + " out of the way: " + e.getMessage(), e);
    }
  }

  private static Map<String, Long> copy(Path dataDir, Path temp) throws SQLException {
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("diemcau")
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
    try (Connection h2 = DriverManager.getConnection(url, "", "")) {
      MigrationVersion version = version(h2);
      // a rollback journal while building: once closed, the database is this one file
      SQLiteDataSource sqlite = Store.sqlite(temp);
      sqlite.setJournalMode(SQLiteConfig.JournalMode.DELETE.name());
      Flyway flyway = Flyway.configure().dataSource(sqlite).locations(Store.Kind.SQLITE.migrations())
          .target(version).load();
      flyway.migrate();
      MigrationVersion reached = flyway.info().current().getVersion();
      if (!version.equals(reached)) {
        throw new SQLException("its schema is at version " + version + ", which this diemcau does not know (it knows up to "
            + reached + "): it was made by a newer diemcau");
      }
      try (Connection to = sqlite.getConnection()) {
        to.setAutoCommit(false);
        Map<String, Long> copied = new LinkedHashMap<>();
        List<String> tables = tables(to);
        TreeSet<String> unknown = new TreeSet<>(h2Tables(h2));
        unknown.removeAll(tables);
        if (!unknown.isEmpty()) {
          throw new SQLException("it has tables this diemcau does not know: " + unknown);
        }
        for (String table : tables) {
          copied.put(table, copyTable(h2, to, table));
        }
        to.commit();
        return copied;
      }
    }
  }

  /** The newest schema version Flyway applied to the H2 database. */
  private static MigrationVersion version(Connection h2) throws SQLException {
    MigrationVersion newest = null;
    try (Statement select = h2.createStatement();
        ResultSet row = select.executeQuery(
            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
      while (row.next()) {
        MigrationVersion version = MigrationVersion.fromVersion(row.getString(1));
        newest = newest == null || version.isNewerThan(newest) ? version : newest;
      }
    }
    if (newest == null) {
      throw new SQLException("it has no schema version");
    }
    return newest;
  }

  private static List<String> tables(Connection sqlite) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement select = sqlite.createStatement();
        ResultSet row = select.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
            + "AND name NOT LIKE 'sqlite%' AND name <> 'flyway_schema_history' ORDER BY name")) {
      while (row.next()) {
        tables.add(row.getString(1));
      }
    }
    return tables;
  }

  private static List<String> h2Tables(Connection h2) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement select = h2.createStatement();
        ResultSet row = select.executeQuery("SELECT table_name FROM information_schema.tables "
            + "WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'")) {
      while (row.next()) {
        tables.add(row.getString(1));
      }
    }
    return tables;
  }

  /** Copies every row of {@code table}, column by column name; the number of rows, checked on both sides. */
  private static long copyTable(Connection h2, Connection sqlite, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement select = sqlite.createStatement(); ResultSet row = select.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (row.next()) {
        columns.add(row.getString("name"));
      }
    }
    String list = String.join(", ", columns);
    long rows = 0;
    try (Statement select = h2.createStatement();
        ResultSet row = select.executeQuery("SELECT " + list + " FROM " + table);
        PreparedStatement insert = sqlite.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")")) {
      ResultSetMetaData meta = row.getMetaData();
      while (row.next()) {
        for (int i = 1; i <= columns.size(); i++) {
          insert.setObject(i, switch (meta.getColumnType(i)) {
            case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR, Types.LONGNVARCHAR -> row.getString(i);
            case Types.BLOB, Types.LONGVARBINARY -> row.getBytes(i);
            default -> row.getObject(i);
          });
        }
        insert.addBatch();
        if (++rows % 1_000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    try (Statement count = sqlite.createStatement(); ResultSet row = count.executeQuery("SELECT COUNT(*) FROM " + table)) {
      row.next();
      if (row.getLong(1) != rows) {
        throw new SQLException(table + ": " + rows + " rows read from H2, " + row.getLong(1) + " in SQLite");
      }
    }
    return rows;
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
