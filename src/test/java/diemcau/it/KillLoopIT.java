package diemcau.it;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.store.Databases;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

/**
 * The promise "acknowledged means durable", tested as it was broken: on an aged data folder (days of
 * rehearsal: hundreds of commands, the final up to its reveal, a clean stop), the packaged jar is
 * killed with SIGKILL as soon as it has acknowledged a command, fifty times, alternating screen
 * messages and the final's reveal steps; after each restart the acknowledged command must be there,
 * in the state and in the audit log. Prints the figures.
 */
@DisplayName("The packaged jar, killed right after it acknowledged a command")
class KillLoopIT {

  static final int KILLS = 50;
  /** The kill loops start the jar many times: class data sharing and the C1 compiler shorten each start. */
  static final String FAST_START = "-XX:TieredStopAtLevel=1";

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"sqlite", "mariadb"})
  @DisplayName("50 SIGKILLs sent the moment an acknowledgement is read, on an aged data folder: nothing acknowledged is lost")
  void nothingAcknowledgedLost(String database) throws Exception {
    Path data = Files.createTempDirectory("diemcau-kill");
    int port = TestServer.freePort();
    String dbUrl = database.equals("sqlite") ? null : Databases.freshMariaDb();
    Map<String, String> env = dbUrl == null ? Map.of()
        : Map.of("DIEMCAU_DB_URL", dbUrl.replace("jdbc:mysql:", "jdbc:mariadb:"), "DIEMCAU_DB_USER", "root");
    Path archive = Files.createTempDirectory("diemcau-cds").resolve("diemcau.jsa");
    try {
      long aging = System.nanoTime();
      try (JarProcess jar = JarProcess.start(data, port, env, List.of("-XX:ArchiveClassesAtExit=" + archive))) {
        int commands = age(port);
        jar.terminate();
        System.out.printf("KILL LOOP %s: aged the data folder with %d commands and a clean stop in %.1f s%n", database, commands,
            (System.nanoTime() - aging) / 1e9);
      }
      warmUpKill();
      List<String> jvm = Files.exists(archive) ? List.of("-XX:SharedArchiveFile=" + archive, FAST_START) : List.of(FAST_START);
      long began = System.nanoTime();
      List<String> lost = new ArrayList<>();
      double[] killedMs = new double[KILLS];
      long[] startMs = new long[KILLS];
      Acknowledged last = null;
      int revealStep = 0;
      int direction = 1;
      long lastRevealAt = System.nanoTime() - 60_000_000_000L;
      for (int i = 0; i < KILLS; i++) {
        try (JarProcess jar = JarProcess.start(data, port, env, jvm)) {
          startMs[i] = jar.readyMs;
          if (last != null && !last.survived(port)) {
            lost.add(last.toString());
          }
          boolean message = i % 2 == 0;
          if (!message) {
            if (revealStep + direction < 0 || revealStep + direction > 11) {
              direction = -direction;
            }
          }
          String name = message ? "screen.message" : direction > 0 ? "final.reveal.next" : "final.reveal.previous";
          JsonObject args = message ? new JsonObject().put("text", "Lệnh trước khi tắt " + i) : new JsonObject();
          if (!message) {
            // the reveal takes a step only once the hall has shown the one before (the gap the final topic publishes)
            long gapMs = Rest.get(port, "/api/state/final", null).body().getJsonObject("reveal").getLong("gapMs");
            long waitMs = gapMs + 100 - (System.nanoTime() - lastRevealAt) / 1_000_000;
            if (waitMs > 0) {
              Thread.sleep(waitMs);
            }
          }
          Killed killed = commandThenKill(jar, name, args);
          if (!message) {
            lastRevealAt = System.nanoTime();
          }
          assertThat(killed.status()).as("%s answered %s", name, killed.body()).isEqualTo(200);
          killedMs[i] = killed.killedMs();
          if (!message) {
            revealStep += direction;
          }
          last = new Acknowledged(name, args, killed.body().getLong("rev"), revealStep);
        }
      }
      try (JarProcess jar = JarProcess.start(data, port, env, jvm)) {
        if (!last.survived(port)) {
          lost.add(last.toString());
        }
      }
      Arrays.sort(killedMs);
      Arrays.sort(startMs);
      System.out.printf(Locale.ROOT, "KILL LOOP %s: %d kills, %d lost; from the acknowledgement's last byte to the return of the "
              + "SIGKILL call p50 %.2f ms, max %.2f ms; jar start-to-healthy p50 %d ms; loop %.1f s%n", database, KILLS, lost.size(),
          killedMs[KILLS / 2], killedMs[KILLS - 1], startMs[KILLS / 2], (System.nanoTime() - began) / 1e9);
      assertThat(lost).as("acknowledged commands lost after SIGKILL").isEmpty();
    } finally {
      if (dbUrl != null) {
        Databases.drop(dbUrl);
      }
    }
  }

  /** The first SIGKILL of a JVM loads its code: done once on a process of no importance, so it is not timed. */
  static void warmUpKill() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    sleeper.toHandle().destroyForcibly();
    sleeper.waitFor();
  }

  /**
   * What days of rehearsal leave: the final's programme started, hundreds of messages and time
   * adjustments, stage 2 (entered without stage-1 data, so with the admin's reason), the order
   * drawn, every presentation run, judges' sheets and the results finalised, ready for the reveal.
   * The number of commands.
   */
  static int age(int port) throws Exception {
    int commands = 0;
    commands += ok(port, TestServer.MC_TOKEN, "agenda.day", new JsonObject().put("day", "final"));
    commands += ok(port, TestServer.MC_TOKEN, "agenda.start", new JsonObject());
    for (int i = 0; i < 150; i++) {
      commands += ok(port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "Tổng duyệt " + i));
      commands += ok(port, TestServer.MC_TOKEN, "agenda.adjust", new JsonObject().put("ms", i % 2 == 0 ? 60_000 : -60_000));
    }
    List<String> units = List.of("11560", "10525", "11239", "10909", "11002", "11779", "11311", "11329", "11914", "10546", "SO-YT");
    for (int i = 0; i < units.size(); i++) {
      commands += ok(port, TestServer.ADMIN_TOKEN, "stage2.entry", new JsonObject().put("unit", units.get(i))
          .put("title", "Trợ lý AI số " + (i + 1)).put("representative", "Người đại diện " + (i + 1))
          .put("contact", "dd" + i + "@example.vn").put("channel", "email")
          .put("override", "tổng duyệt, chưa có dữ liệu Chặng 1"));
      commands += ok(port, TestServer.ADMIN_TOKEN, "stage2.council.score", new JsonObject().put("unit", units.get(i))
          .put("scores", scores(20.25, 20.25, 15.25, 10.25, 10.25 - i)));
    }
    commands += ok(port, TestServer.ADMIN_TOKEN, "final.finalists.confirm", new JsonObject());
    commands += ok(port, TestServer.MC_TOKEN, "final.draw", new JsonObject().put("seed", 2026));
    JsonArray programme = Rest.get(port, "/api/state/agenda", null).body().getJsonArray("items");
    for (int i = 0; i < programme.size(); i++) {
      if (programme.getJsonObject(i).getValue("presentation") != null) {
        commands += ok(port, TestServer.MC_TOKEN, "agenda.goto", new JsonObject().put("index", i));
      }
    }
    commands += ok(port, TestServer.MC_TOKEN, "agenda.next", new JsonObject());
    for (int j = 0; j < 3; j++) {
      Rest.Reply judge = Rest.post(port, "/api/final/judges", TestServer.ADMIN_TOKEN,
          new JsonObject().put("name", "Giám khảo " + (j + 1)).encode());
      assertThat(judge.status()).isEqualTo(200);
      commands++;
      String token = judge.body().getString("token");
      for (int f = 0; f < 6; f++) {
        double spread = j == 0 ? 0 : j == 1 ? 2 : -3;
        commands += ok(port, token, "judge.score", new JsonObject().put("unit", units.get(f))
            .put("scores", scores(20.25 - f + spread, 20.25 - f, 15.25 - f, 12.25 - f, 12.25 - f)));
      }
    }
    commands += ok(port, TestServer.ADMIN_TOKEN, "final.finalise", new JsonObject());
    return commands;
  }

  private static JsonObject scores(double... values) {
    List<String> criteria = List.of("thuc-tien", "hieu-qua", "sang-tao", "nhan-rong", "thuyet-trinh");
    JsonObject scores = new JsonObject();
    for (int i = 0; i < criteria.size(); i++) {
      scores.put(criteria.get(i), values[i]);
    }
    return scores;
  }

  private static int ok(int port, String token, String name, JsonObject args) throws Exception {
    Rest.Reply reply = Rest.command(port, token, name, args);
    assertThat(reply.status()).as("%s: %s", name, reply.body()).isEqualTo(200);
    return 1;
  }

  /**
   * The answer to a command, and how long after its last byte arrived the SIGKILL call returned.
   * The signal goes out as the call begins, with nothing done in between; for a JVM the kernel then
   * spends 1–5 ms in the call.
   */
  record Killed(int status, JsonObject body, double killedMs) {}

  /**
   * POSTs the command on a plain socket, reads the answer to its last byte and, if it is an
   * acknowledgement, kills the jar at once; a refusal leaves it running.
   */
  static Killed commandThenKill(JarProcess jar, String name, JsonObject args) throws Exception {
    byte[] body = new JsonObject().put("name", name).put("args", args).encode().getBytes(StandardCharsets.UTF_8);
    ProcessHandle server = jar.process.toHandle();
    try (Socket socket = new Socket("127.0.0.1", jar.port)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/commands HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestServer.MC_TOKEN
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IllegalStateException("the connection closed before the answer to " + name);
        }
        head.write(b);
      }
      String headers = head.toString(StandardCharsets.ISO_8859_1);
      int status = Integer.parseInt(headers.substring(9, 12));
      int length = Integer.parseInt(headers.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
          .findFirst().orElseThrow().substring(15).trim());
      byte[] answer = in.readNBytes(length);
      long received = System.nanoTime();
      if (status == 200) {
        server.destroyForcibly();
      }
      long killed = System.nanoTime();
      if (status == 200) {
        jar.process.waitFor();
      }
      return new Killed(status, new JsonObject(new String(answer, StandardCharsets.UTF_8)), (killed - received) / 1e6);
    }
  }

  /** An acknowledged command and what it must have left behind. */
  private record Acknowledged(String name, JsonObject args, long rev, int revealStep) {

    boolean survived(int port) throws Exception {
      JsonArray audit = Rest.get(port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries");
      JsonObject newest = audit.getJsonObject(0);
      boolean audited = newest.getString("command").equals(name) && newest.getLong("rev") == rev && newest.getJsonObject("args").equals(args);
      if (name.equals("screen.message")) {
        JsonObject message = Rest.get(port, "/api/state/screen", null).body().getJsonObject("message");
        return audited && message != null && args.getString("text").equals(message.getString("text"));
      }
      return audited && Rest.get(port, "/api/state/final", null).body().getJsonObject("reveal").getInteger("step") == revealStep;
    }
  }
}
