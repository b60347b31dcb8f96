package diemcau.it;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.store.Databases;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 100,000-row participation import is one transaction on every database: the packaged jar is
 * killed at a random moment of an import, ten times; each time the database holds either all of
 * the file or none of it (rows and audit row together), and the same file sent again after the
 * restart is imported in its normal time. Prints the figures.
 */
@DisplayName("The packaged jar, killed in the middle of a 100,000-row import")
class ImportKillIT {

  static final int ROWS = 100_000;
  static final int KILLS = 10;
  /** Each file after the first moves the last activity of one person in ten to its own hour. */
  static final int CHANGED = ROWS / 10;
  private static final Instant BASE = Instant.parse("2026-05-28T01:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"sqlite", "mariadb"})
  @DisplayName("10 kills during imports: never half-applied, and the next import of the same file takes its normal time")
  void neverHalfApplied(String database) throws Exception {
    Path data = Files.createTempDirectory("diemcau-import-kill");
    int port = TestServer.freePort();
    String dbUrl = database.equals("sqlite") ? null : Databases.freshMariaDb();
    Map<String, String> env = dbUrl == null ? Map.of()
        : Map.of("DIEMCAU_DB_URL", dbUrl.replace("jdbc:mysql:", "jdbc:mariadb:"), "DIEMCAU_DB_USER", "root");
    Path archive = Files.createTempDirectory("diemcau-cds").resolve("diemcau.jsa");
    Random random = new Random(16);
    try {
      List<String> units;
      double normalSeconds;
      Phases phases;
      // timed on the same compiler as the restarts below, so that the kills spread over a whole import
      try (JarProcess jar = JarProcess.start(data, port, env, List.of("-XX:ArchiveClassesAtExit=" + archive, KillLoopIT.FAST_START))) {
        units = Rest.get(port, "/api/event", null).body().getJsonArray("units").stream()
            .map(unit -> ((JsonObject) unit).getString("code")).toList();
        double first = importSeconds(port, file(units, 0));
        importSeconds(port, file(units, 1));
        normalSeconds = importSeconds(port, file(units, 2));
        phases = Phases.newest(jar.output(), normalSeconds);
        System.out.printf(Locale.ROOT, "IMPORT KILL %s: first import of %,d rows %.2f s, a newer export (%,d changed) %.2f s%n",
            database, ROWS, first, CHANGED, normalSeconds);
        jar.terminate();
      }
      List<String> jvm = Files.exists(archive)
          ? List.of("-XX:SharedArchiveFile=" + archive, KillLoopIT.FAST_START) : List.of(KillLoopIT.FAST_START);
      int applied = 0;
      List<String> halfApplied = new ArrayList<>();
      List<Double> again = new ArrayList<>();
      List<Long> delays = new ArrayList<>();
      JarProcess jar = JarProcess.start(data, port, env, jvm);
      try {
        for (int k = 3; k < 3 + KILLS; k++) {
          byte[] csv = file(units, k);
          awaitLoaded(port);
          // most kills fall between the end of the parse and the reply, where the rows are written and committed
          long delayMs = random.nextInt(4) == 0 ? (long) (random.nextDouble() * (phases.uploadMs() + phases.repliedMs()))
              : phases.uploadMs() + phases.writingMs() - 20
                  + (long) (random.nextDouble() * (phases.repliedMs() - phases.writingMs() + 60));
          CompletableFuture<HttpResponse<String>> upload = HTTP.sendAsync(importRequest(port, csv), HttpResponse.BodyHandlers.ofString());
          Thread.sleep(delayMs);
          jar.kill();
          upload.handle((reply, failure) -> null).join();
          Applied after = inspect(data, dbUrl, k, csv);
          delays.add(delayMs);
          if (after.rows() != 0 && after.rows() != CHANGED || after.audited() != (after.rows() == CHANGED) || after.people() != ROWS) {
            halfApplied.add("file " + k + " killed after " + delayMs + " ms: " + after);
          }
          applied += after.rows() == CHANGED ? 1 : 0;

          jar = JarProcess.start(data, port, env, jvm);
          awaitLoaded(port);
          again.add(importSeconds(port, csv));
          phases = Phases.newest(jar.output(), again.get(again.size() - 1));
          assertThat(inspect(data, dbUrl, k, csv).rows()).isEqualTo(CHANGED);
        }
      } finally {
        jar.close();
      }
      double slowest = again.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      System.out.printf(Locale.ROOT, "IMPORT KILL %s: %d kills during imports (%s ms after the upload began), %d half-applied, "
              + "%d found complete and %d found untouched; the same file again after each restart %s s (normal %.2f s)%n", database,
          KILLS, delays, halfApplied.size(), applied, KILLS - applied - halfApplied.size(),
          again.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList(), normalSeconds);
      assertThat(halfApplied).as("imports half-applied after SIGKILL").isEmpty();
      assertThat(slowest).as("the same file again takes its normal time").isLessThan(2 * normalSeconds + 1.5);
    } finally {
      if (dbUrl != null) {
        Databases.drop(dbUrl);
      }
    }
  }

  /** The k-th export: file 0 holds every person; file k moves the last activity of one person in ten to hour k. */
  static byte[] file(List<String> units, int k) {
    StringBuilder csv = new StringBuilder(ROWS * 110).append("unit,person,name,enrolledAt,completedAt,score,lastActivityAt\n");
    for (int i = 0; i < ROWS; i++) {
      Instant enrolled = BASE.plusSeconds(i % 86_400);
      boolean completed = i % 3 == 0;
      Instant last = k > 0 && i % 10 == k % 10 ? lastActivity(k) : enrolled.plusSeconds(600);
      csv.append(units.get(i % units.size())).append(",p-").append(i).append(",Người học ").append(i).append(',')
          .append(enrolled).append(',').append(completed ? enrolled.plusSeconds(300).toString() : "").append(',')
          .append(completed ? Integer.toString(5 + i % 5) : "").append(',').append(last).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Instant lastActivity(int k) {
    return BASE.plusSeconds(86_400 + k * 3_600L);
  }

  private static HttpRequest importRequest(int port, byte[] csv) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/participation/import"))
        .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build();
  }

  private static double importSeconds(int port, byte[] csv) throws Exception {
    long began = System.nanoTime();
    HttpResponse<String> reply = HTTP.send(importRequest(port, csv), HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    return (System.nanoTime() - began) / 1e9;
  }

  /** Waits until the restarted server has loaded the people (imports are refused until then). */
  private static void awaitLoaded(int port) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Boolean.TRUE.equals(Rest.get(port, "/api/state/leaderboard", null).body().getBoolean("ready"))) {
      assertThat(System.currentTimeMillis()).as("people loaded within 60 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /**
   * The phases of the newest import: how long its upload took (the client's whole time less the
   * server's), and, from the server's log, when the rows began to be written (the parse and the
   * diff done) and when the import was committed and applied, in ms from the end of the upload.
   */
  record Phases(long uploadMs, long writingMs, long repliedMs) {
    /** The import command's line (the diff, then the write) and the upload door's (the parse, then the answer). */
    private static final Pattern DIFF = Pattern.compile("\\): diff (\\d+) ms, written in \\d+ ms");
    private static final Pattern REPLIED = Pattern.compile("rows parsed in (\\d+) ms, committed and applied (\\d+) ms after the upload");

    static Phases newest(String log, double clientSeconds) {
      Matcher diff = DIFF.matcher(log);
      Matcher replied = REPLIED.matcher(log);
      Long diffMs = null;
      while (diff.find()) {
        diffMs = Long.parseLong(diff.group(1));
      }
      Phases newest = null;
      while (replied.find() && diffMs != null) {
        long repliedMs = Long.parseLong(replied.group(2));
        newest = new Phases(Math.max(0, Math.round(clientSeconds * 1_000) - repliedMs), Long.parseLong(replied.group(1)) + diffMs, repliedMs);
      }
      if (newest == null) {
        throw new IllegalStateException("no import in the server's log yet");
      }
      return newest;
    }
  }

  /** What the database holds of file k: its changed rows, all people, and whether its audit row is there. */
  record Applied(long rows, long people, boolean audited) {}

  private static Applied inspect(Path data, String dbUrl, int k, byte[] csv) throws Exception {
    String url = dbUrl != null ? dbUrl : "jdbc:sqlite:" + data.resolve("diemcau.db");
    try (Connection connection = DriverManager.getConnection(url, dbUrl != null ? "root" : null, null)) {
      return new Applied(
          count(connection, "SELECT COUNT(*) FROM participation_record WHERE last_activity_at = ?", lastActivity(k).toEpochMilli()),
          count(connection, "SELECT COUNT(*) FROM participation_record", null),
          count(connection, "SELECT COUNT(*) FROM audit_log WHERE command = 'participation.import' AND args LIKE ?",
              "%" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv)) + "%") > 0);
    }
  }

  private static long count(Connection connection, String sql, Object parameter) throws Exception {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      if (parameter != null) {
        select.setObject(1, parameter);
      }
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
