package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.store.Databases;
import diemcau.support.RawScreen;
import diemcau.support.Rest;
import diemcau.support.TcpProxy;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Odd numbers, odd characters and odd files get a clear refusal; nothing leaks or repeats")
class BadInputTest {

  private static final String TIME = "2026-05-28T08:00:00+07:00";
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("JSON numbers like 1e400 and 1e-999999999 are a row error naming the field, never a plain-text 500")
  void extremeJsonNumbers() throws Exception {
    String body = "[{\"unit\":1e400,\"person\":\"p1\",\"lastActivityAt\":\"" + TIME + "\"},"
        + "{\"unit\":\"11560\",\"person\":1e400,\"lastActivityAt\":\"" + TIME + "\"},"
        + "{\"unit\":\"11560\",\"person\":\"p3\",\"score\":1e400,\"lastActivityAt\":\"" + TIME + "\"},"
        + "{\"unit\":\"11560\",\"person\":\"p4\",\"score\":1e-999999999,\"name\":1e-999999999,\"lastActivityAt\":\"" + TIME + "\"}]";
    Rest.Reply reply = Rest.post(server.port, "/api/participation", TestServer.ADMIN_TOKEN, body);
    assertThat(reply.status()).as(reply.body().encode()).isEqualTo(400);
    JsonArray rejected = reply.body().getJsonArray("rejected");
    assertThat(rejected.stream().map(row -> ((JsonObject) row).getString("field")))
        .containsExactly("unit", "person", "score");
    Rest.Reply command = Rest.post(server.port, "/api/commands", TestServer.ADMIN_TOKEN,
        "{\"name\":\"units.headcount\",\"args\":{\"unit\":\"11560\",\"headcount\":1e400}}");
    assertThat(command.status()).isEqualTo(400);
    assertThat(command.body().getJsonObject("error").getString("field")).isEqualTo("headcount");
  }

  @Test
  @DisplayName("a body past its limit and a CSV sent as a form are answered in JSON, the CSV read whatever its Content-Type")
  void bodies() throws Exception {
    Rest.Reply big = Rest.post(server.port, "/api/commands", TestServer.MC_TOKEN, "{\"name\":\"" + "x".repeat(70_000) + "\"}");
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.body().getJsonObject("error").getString("code")).isEqualTo("too_large");
    java.net.http.HttpResponse<String> form = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
        .newBuilder(java.net.URI.create(server.http("/api/participation/import")))
        .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("unit,person,lastActivityAt,Tiến độ (%)\n11560,form-1," + TIME + ",50%\n"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(new JsonObject(form.body()).getInteger("rows")).isEqualTo(1);
  }

  @Test
  @DisplayName("a CSV score of 1e-20000000 is refused at once, not rounded for seconds")
  void scoreParseIsBounded() throws Exception {
    StringBuilder csv = new StringBuilder("unit,person,score,lastActivityAt\n");
    for (int i = 0; i < 20; i++) {
      csv.append("11560,p").append(i).append(",1e-20000000,").append(TIME).append('\n');
    }
    long started = System.nanoTime();
    Rest.Reply reply = Rest.post(server.port, "/api/participation/import", TestServer.ADMIN_TOKEN, csv.toString());
    long ms = (System.nanoTime() - started) / 1_000_000;
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().getJsonArray("rejected")).hasSize(20)
        .allSatisfy(row -> assertThat(((JsonObject) row).getString("field")).isEqualTo("score"));
    // unbounded, each row cost ~10 s of CPU: 20 rows would take minutes
    assertThat(ms).as("answered in %d ms", ms).isLessThan(10_000);
  }

  @Test
  @DisplayName("an import without rows is refused and makes no revision")
  void emptyImport() throws Exception {
    int audited = audit().size();
    Rest.Reply csv = Rest.post(server.port, "/api/participation/import", TestServer.ADMIN_TOKEN, "unit,person,lastActivityAt\n");
    assertThat(csv.status()).isEqualTo(400);
    assertThat(csv.body().getJsonObject("error").getString("code")).isEqualTo("no_rows");
    Rest.Reply json = Rest.post(server.port, "/api/participation", TestServer.ADMIN_TOKEN, "[]");
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.body().getJsonObject("error").getString("code")).isEqualTo("no_rows");
    assertThat(audit()).hasSize(audited);
  }

  @Test
  @DisplayName("screen messages refuse NUL, line breaks and bidi overrides, naming the field")
  void invisibleCharacters() throws Exception {
    for (String text : List.of("Chào\u0000mừng", "Chào\nmừng", "\u202Egnừm oàhC", "Chào \u2066mừng\u2069")) {
      Rest.Reply reply = Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", text));
      assertThat(reply.status()).as(text).isEqualTo(400);
      assertThat(reply.body().getJsonObject("error").getString("code")).isEqualTo("bad_text");
      assertThat(reply.body().getJsonObject("error").getString("field")).isEqualTo("text");
    }
    Rest.Reply surrogate = Rest.post(server.port, "/api/commands", TestServer.MC_TOKEN,
        "{\"name\":\"screen.message\",\"args\":{\"text\":\"x\\uD800y\"}}");
    assertThat(surrogate.body().getJsonObject("error").getString("code")).isEqualTo("bad_text");
    Rest.Reply entry = Rest.command(server.port, TestServer.ADMIN_TOKEN, "stage2.entry", new JsonObject().put("unit", "11560")
        .put("title", "Trợ lý \u202Eđảo chiều").put("representative", "A").put("contact", "a@b.vn").put("channel", "email"));
    assertThat(entry.body().getJsonObject("error").getString("field")).isEqualTo("title");
  }

  @Test
  @DisplayName("the 280-character limit counts what a reader sees (grapheme clusters), not UTF-16 units")
  void messageLengthInCharacters() throws Exception {
    String decomposed = Normalizer.normalize("ệ", Normalizer.Form.NFD); // e + two combining marks
    assertThat(decomposed).hasSize(3);
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // one emoji, 8 UTF-16 units
    for (String character : List.of(decomposed, family, "Đ")) {
      Rest.Reply fits = Rest.command(server.port, TestServer.MC_TOKEN, "screen.message",
          new JsonObject().put("text", character.repeat(280)));
      assertThat(fits.status()).as(fits.body().encode()).isEqualTo(200);
      Rest.Reply over = Rest.command(server.port, TestServer.MC_TOKEN, "screen.message",
          new JsonObject().put("text", character.repeat(281)));
      assertThat(over.status()).isEqualTo(400);
      assertThat(over.body().getJsonObject("error").getString("message")).contains("281 characters");
    }
    String shown = Rest.get(server.port, "/api/state/screen", null).body().getJsonObject("message").getString("text");
    assertThat(shown).isEqualTo("Đ".repeat(280));
  }

  @Test
  @DisplayName("a hello again does not send again what the screen already has, revision 0 included")
  void helloDoesNotResend() throws Exception {
    try (RawScreen screen = new RawScreen(server.port, "/ws")) {
      JsonObject hello = new JsonObject().put("type", "hello").put("screen", "public")
          .put("topics", new JsonArray(List.of("agenda", "screen", "bridges", "leaderboard", "final")));
      screen.send(hello);
      List<JsonObject> first = screen.readUntilQuiet(500);
      assertThat(first).filteredOn(frame -> "state".equals(frame.getString("type"))).hasSize(5);
      for (int i = 0; i < 50; i++) {
        screen.send(hello);
      }
      assertThat(screen.readUntilQuiet(500)).filteredOn(frame -> "state".equals(frame.getString("type"))).isEmpty();
    }
  }

  @Test
  @DisplayName("the data folder is its owner's only: the folder 700, the database and secrets.json not readable by others")
  void dataFolderIsPrivate() throws Exception {
    Set<PosixFilePermission> others = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    Path data = server.dataDir;
    assertThat(Files.getPosixFilePermissions(data)).doesNotContainAnyElementsOf(others);
    try (Stream<Path> files = Files.list(data)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).extracting(path -> path.getFileName().toString()).contains("secrets.json");
      for (Path file : all) {
        assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).doesNotContainAnyElementsOf(others);
      }
    }
    // a folder the server makes itself is created so
    Path fresh = Files.createTempDirectory("diemcau-parent").resolve("data");
    try (TestServer second = TestServer.start(fresh, null)) {
      assertThat(Files.getPosixFilePermissions(fresh)).doesNotContainAnyElementsOf(others);
      assertThat(Files.getPosixFilePermissions(fresh.resolve("secrets.json")))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
  }

  @Test
  @DisplayName("/health says the database is down without the driver's error text")
  void healthHidesJdbcText() throws Exception {
    String url = Databases.freshMariaDb();
    int mariaPort = Integer.parseInt(url.replaceAll("^jdbc:mysql://[^:/]+:(\\d+)/.*$", "$1"));
    try (TcpProxy proxy = new TcpProxy(mariaPort);
        TestServer behind = TestServer.start(Files.createTempDirectory("diemcau-health"),
            url.replace(":" + mariaPort + "/", ":" + proxy.port + "/"))) {
      assertThat(Rest.get(behind.port, "/health", null).status()).isEqualTo(200);
      proxy.cut();
      Rest.Reply down = Rest.get(behind.port, "/health", null);
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.body().getString("status")).isEqualTo("DOWN");
      assertThat(down.body().getJsonObject("database").fieldNames()).containsExactlyInAnyOrder("status", "kind");
      assertThat(down.body().encode()).doesNotContainIgnoringCase("jdbc").doesNotContainIgnoringCase("communications")
          .doesNotContain(Integer.toString(proxy.port));
    } finally {
      Databases.drop(url);
    }
  }

  private static JsonArray audit() throws Exception {
    return Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries");
  }
}
