package diemcau.participation;

import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Times a 100,000-row CSV import through the whole path: upload, parse, one transaction, the
 * coalesced leaderboard, and a connected screen receiving it. Not a test (not run by
 * {@code mvn test}); after {@code mvn package}:
 * <pre>
 * java -cp target/diemcau.jar:target/test-classes diemcau.participation.ParticipationBenchmark [sqlite] [mariadb] [ROWS]
 * </pre>
 * MariaDB is reached at {@code DIEMCAU_TEST_MARIADB_URL} (default jdbc:mysql://127.0.0.1:3306/, user
 * root, no password), in a fresh database that is dropped afterwards.
 */
public final class ParticipationBenchmark {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ParticipationBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> databases = new ArrayList<>();
    int rows = 100_000;
    for (String arg : args) {
      if (arg.matches("[0-9]+")) {
        rows = Integer.parseInt(arg);
      } else {
        databases.add(arg);
      }
    }
    if (databases.isEmpty()) {
      databases = List.of("sqlite", "mariadb");
    }
    System.out.printf("participation benchmark: %d rows, %d cores, Java %s%n", rows, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    for (String database : databases) {
      run(database, rows);
    }
    System.exit(0);
  }

  private static void run(String database, int rows) throws Exception {
    String url = database.equals("mariadb") ? freshMariaDb() : null;
    Vertx vertx = Vertx.vertx();
    try (TestServer server = TestServer.start(Files.createTempDirectory("diemcau-bench"), url)) {
      JsonObject headcounts = new JsonObject();
      server.server.event().units().forEach(unit -> headcounts.put(unit.code(), 1_000));
      Rest.command(server.port, TestServer.ADMIN_TOKEN, "units.headcounts", new JsonObject().put("headcounts", headcounts));
      List<Person> persons = People.generate(server.server.event().units(), rows, 42);
      byte[] csv = People.csv(persons, ',', true).getBytes(StandardCharsets.UTF_8);
      List<Person> newer = new ArrayList<>(persons);
      for (int i = 0; i < rows; i += 10) {
        Person p = persons.get(i);
        long done = p.lastActivityAt() + 60_000;
        newer.set(i, new Person(p.person(), p.unit(), p.name(), p.enrolledAt(), p.completedAt() == null ? done : p.completedAt(),
            10_000, done));
      }
      byte[] newerCsv = People.csv(newer, ';', false).getBytes(StandardCharsets.UTF_8);
      try (ScreenClient screen = ScreenClient.connect(vertx, server.port, "/ws").hello("hall", "leaderboard")) {
        screen.next(frame -> "leaderboard".equals(frame.getString("topic")) && frame.getJsonObject("data").getBoolean("ready"));
        screen.drain(1_500);
        long completed = persons.stream().filter(Person::completed).count();
        report(database, "first import", csv, measure(server, screen, csv, rows, (int) completed));
        long completedAfter = newer.stream().filter(Person::completed).count();
        report(database, "newer export (10% changed)", newerCsv, measure(server, screen, newerCsv, rows, (int) completedAfter));
        long began = System.nanoTime();
        HttpResponse<String> same = post(server, newerCsv);
        System.out.printf("  %-8s %-28s %6.0f ms  import (unchanged: %s)%n", database, "same file again (no-op)",
            (System.nanoTime() - began) / 1e6, new JsonObject(same.body()).getInteger("unchanged"));
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      if (url != null) {
        drop(url);
      }
    }
  }

  /** Milliseconds from the request's start to the reply, and to the screen's frame with the new figures. */
  private static long[] measure(TestServer server, ScreenClient screen, byte[] csv, int enrolled, int completed) throws Exception {
    long began = System.nanoTime();
    HttpResponse<String> reply = post(server, csv);
    long replied = System.nanoTime();
    if (reply.statusCode() != 200) {
      throw new IllegalStateException("import answered " + reply.statusCode() + ": " + reply.body());
    }
    screen.next(frame -> "leaderboard".equals(frame.getString("topic"))
        && frame.getJsonObject("data").getJsonObject("totals").getInteger("enrolled") == enrolled
        && frame.getJsonObject("data").getJsonObject("totals").getInteger("completed") == completed);
    long shown = System.nanoTime();
    return new long[] {(replied - began) / 1_000_000, (shown - began) / 1_000_000, (shown - replied) / 1_000_000};
  }

  private static void report(String database, String what, byte[] csv, long[] ms) {
    System.out.printf("  %-8s %-28s %6d ms  import (%.1f MB)   %6d ms  until the screen has it   (%d ms after the reply)%n",
        database, what, ms[0], csv.length / 1e6, ms[1], ms[2]);
  }

  private static HttpResponse<String> post(TestServer server, byte[] body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.http("/api/participation/import")))
        .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
        .header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String base() {
    String server = System.getenv().getOrDefault("DIEMCAU_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/")
        .replace("jdbc:mariadb:", "jdbc:mysql:");
    return server.substring(0, server.lastIndexOf('/') + 1);
  }

  private static String freshMariaDb() throws Exception {
    String name = "diemcau_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(base(), "root", null); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    return base() + name;
  }

  private static void drop(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(base(), "root", null); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1));
    }
  }
}
