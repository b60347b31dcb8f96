package diemcau.store;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the store is proven on: embedded SQLite always, MariaDB on 127.0.0.1:3306 when it
 * runs. With DIEMCAU_REQUIRE_MARIADB=1 (set by .ci/run) an unreachable MariaDB fails the test
 * instead of skipping it.
 */
public final class Databases {

  private Databases() {}

  /** A store on a new SQLite file in a new temporary data folder. */
  public static Store sqlite(Vertx vertx) throws Exception {
    return Store.embedded(vertx, Files.createTempDirectory("diemcau-store"), false);
  }

  /** A fresh, empty MariaDB database for one test class; dropped by {@link #drop}. */
  public static String freshMariaDb() {
    String server = System.getenv().getOrDefault("DIEMCAU_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/test")
        .replace("jdbc:mariadb:", "jdbc:mysql:");
    String base = server.substring(0, server.lastIndexOf('/') + 1);
    String name = "diemcau_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(base, "root", null);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      if ("1".equals(System.getenv("DIEMCAU_REQUIRE_MARIADB"))) {
        throw new AssertionError("MariaDB is required (DIEMCAU_REQUIRE_MARIADB=1) but unreachable at " + base, e);
      }
      Assumptions.abort("MariaDB not reachable at " + base + " (" + e.getMessage() + "): MySQL-path test skipped");
    }
    return base + name;
  }

  public static void drop(String url) {
    if (!url.startsWith("jdbc:mysql:")) {
      return;
    }
    String base = url.substring(0, url.lastIndexOf('/') + 1);
    String name = url.substring(url.lastIndexOf('/') + 1);
    try (Connection connection = DriverManager.getConnection(base, "root", null);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
    } catch (SQLException ignored) {
      // a leftover test database is harmless
    }
  }
}
