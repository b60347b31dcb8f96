package diemcau.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A MariaDB server of a test's own, in a temporary folder on a free port, that the test may stop
 * (SIGSTOP), resume, kill and start again: never the shared server on 3306, which other work
 * uses. Needs Debian's mariadb-server ({@code mariadbd}, {@code mariadb-install-db}); without
 * them the test is skipped with the reason shown, unless DIEMCAU_REQUIRE_MARIADB=1 (set by .ci/run).
 */
public final class PrivateMariaDb implements AutoCloseable {

  private static final File SERVER = new File("/usr/sbin/mariadbd");
  private static final String INSTALL = "mariadb-install-db";

  public final int port;
  private final Path dir;
  private Process process;

  private PrivateMariaDb(int port, Path dir) {
    this.port = port;
    this.dir = dir;
  }

  /** A new server with an empty database {@code diemcau}, up and answering. */
  public static PrivateMariaDb start() throws Exception {
    if (!SERVER.canExecute() || !onPath(INSTALL)) {
      if ("1".equals(System.getenv("DIEMCAU_REQUIRE_MARIADB"))) {
        throw new AssertionError("mariadbd and mariadb-install-db are required (DIEMCAU_REQUIRE_MARIADB=1) but missing");
      }
      Assumptions.abort("test skipped: it stops and kills a MariaDB server of its own, and " + SERVER + " or "
          + INSTALL + " is missing (install Debian's mariadb-server)");
    }
    Path dir = Files.createTempDirectory("diemcau-mariadb");
    Process install = new ProcessBuilder(INSTALL, "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=root",
        "--auth-root-authentication-method=normal", "--skip-test-db")
        .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
    if (!install.waitFor(60, TimeUnit.SECONDS) || install.exitValue() != 0) {
      throw new IllegalStateException("mariadb-install-db failed:\n" + Files.readString(dir.resolve("install.log")));
    }
    PrivateMariaDb server = new PrivateMariaDb(TestServer.freePort(), dir);
    server.startServer();
    try (Connection connection = DriverManager.getConnection(server.serverUrl(), "root", null);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE diemcau CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    return server;
  }

  private static boolean onPath(String command) {
    for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      if (new File(folder, command).canExecute()) {
        return true;
      }
    }
    return false;
  }

  /** The URL of its {@code diemcau} database, as DIEMCAU_DB_URL takes it. */
  public String url() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/diemcau";
  }

  private String serverUrl() {
    return "jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=2000&socketTimeout=10000";
  }

  /** (Re)starts the server on its folder and port and waits until it answers. */
  public void startServer() throws Exception {
    process = new ProcessBuilder(SERVER.getPath(), "--no-defaults", "--datadir=" + dir.resolve("data"),
        "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"), "--user=root",
        "--skip-grant-tables", "--skip-log-bin", "--innodb-buffer-pool-size=64M", "--pid-file=" + dir.resolve("mysqld.pid"),
        "--log-error=" + dir.resolve("error.log"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile())).start();
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      try (Connection connection = DriverManager.getConnection(serverUrl(), "root", null)) {
        return;
      } catch (SQLException notYet) {
        if (!process.isAlive() || System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("mariadbd did not start:\n" + Files.readString(dir.resolve("error.log")), notYet);
        }
        Thread.sleep(50);
      }
    }
  }

  /** SIGSTOP: the server holds every connection open and answers nothing, as a partition or a hung host. */
  public void pause() throws Exception {
    signal("STOP");
  }

  /** SIGCONT. */
  public void resume() throws Exception {
    signal("CONT");
  }

  /** SIGKILL: the server is gone; {@link #startServer()} brings it back on the same data (crash recovery). */
  public void kill() throws Exception {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  @Override
  public void close() throws IOException {
    if (process != null && process.isAlive()) {
      try {
        signal("CONT");
      } catch (Exception ignored) {
        // killed next anyway
      }
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (var files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** For a failure message: the server's own log. */
  public List<String> errorLog() throws IOException {
    Path log = dir.resolve("error.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }
}
