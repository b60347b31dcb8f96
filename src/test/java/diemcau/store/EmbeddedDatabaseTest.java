package diemcau.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The embedded database's file: carried over from H2, refused when lost, watched while running")
class EmbeddedDatabaseTest {

  /**
   * A data folder made by the last H2 build (8eb9a88) and stopped cleanly: the agenda started and
   * moved twice, 60 messages and 60 time adjustments, stage 2 with eleven entries and the council's
   * scores, six finalists, three judges' 18 sheets, the results finalised and three prizes revealed,
   * 300 people imported and two headcounts set: 174 audit rows.
   */
  private static final Path H2_FOLDER = Path.of("src", "test", "resources", "store", "h2-data");

  private TestServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static Path copyOfH2Folder() throws Exception {
    Path data = Files.createTempDirectory("diemcau-h2");
    for (String file : List.of("diemcau.mv.db", "secrets.json")) {
      Files.copy(H2_FOLDER.resolve(file), data.resolve(file));
    }
    return data;
  }

  @Test
  @DisplayName("a data folder of the H2 build is carried over on first start, every table, and the H2 file kept aside")
  void carriesH2FolderOver() throws Exception {
    Path data = copyOfH2Folder();
    byte[] h2 = Files.readAllBytes(data.resolve("diemcau.mv.db"));
    byte[] secrets = Files.readAllBytes(data.resolve("secrets.json"));
    server = TestServer.start(data, null);

    assertThat(Rest.get(server.port, "/health", null).body().getJsonObject("database").getString("kind")).isEqualTo("sqlite");
    JsonObject screen = Rest.get(server.port, "/api/state/screen", null).body();
    assertThat(screen.getString("scene")).isEqualTo("leaderboard");
    assertThat(screen.getJsonObject("message").getString("text")).isEqualTo("Thông báo số 60");
    JsonObject agenda = Rest.get(server.port, "/api/state/agenda", null).body();
    assertThat(agenda.getString("status")).isEqualTo("running");
    assertThat(agenda.getInteger("current")).isEqualTo(2);
    JsonObject reveal = Rest.get(server.port, "/api/state/final", null).body().getJsonObject("reveal");
    assertThat(reveal.getInteger("step")).isEqualTo(3);
    assertThat(reveal.getInteger("steps")).isEqualTo(11);
    assertThat(audit()).hasSize(174);
    assertThat(Rest.get(server.port, "/api/final/export/scores.csv", TestServer.ADMIN_TOKEN).body().getString("text").lines())
        .as("the 18 judges' sheets and a header").hasSize(19);
    JsonObject board = leaderboard();
    assertThat(board.getJsonObject("totals").getInteger("enrolled")).isEqualTo(300);
    assertThat(board.getJsonArray("groups").getJsonObject(0).getJsonArray("rows").stream().map(JsonObject.class::cast)
        .filter(row -> row.getString("unit").equals("11560")).findFirst().orElseThrow().getInteger("headcount")).isEqualTo(120);

    assertThat(data.resolve("diemcau.db")).exists();
    assertThat(data.resolve("diemcau.mv.db")).doesNotExist();
    assertThat(Files.readAllBytes(data.resolve("diemcau.mv.db.h2-backup"))).as("the H2 file, untouched").isEqualTo(h2);
    assertThat(Files.readAllBytes(data.resolve("secrets.json"))).isEqualTo(secrets);

    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "Sau khi chuyển"))
        .status()).isEqualTo(200);
    server.close();
    server = TestServer.start(data, null);
    assertThat(Rest.get(server.port, "/api/state/screen", null).body().getJsonObject("message").getString("text"))
        .isEqualTo("Sau khi chuyển");
    assertThat(audit()).hasSize(175);
    try (Stream<Path> files = Files.list(data)) {
      assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.contains("h2-backup")))
          .as("carried over once").containsExactly("diemcau.mv.db.h2-backup");
    }
  }

  @Test
  @DisplayName("an H2 file that cannot be read is refused with what to do, and the folder is left as it was")
  void unreadableH2Refused() throws Exception {
    Path data = copyOfH2Folder();
    byte[] damaged = java.util.Arrays.copyOf(Files.readAllBytes(data.resolve("diemcau.mv.db")), 3_000);
    Files.write(data.resolve("diemcau.mv.db"), damaged);

    assertThatThrownBy(() -> TestServer.start(data, null))
        .hasMessageContaining("could not be carried over to SQLite")
        .hasMessageContaining("Nothing in the folder was changed")
        .hasMessageContaining("--fresh-database");
    assertThat(Files.readAllBytes(data.resolve("diemcau.mv.db"))).isEqualTo(damaged);
    try (Stream<Path> files = Files.list(data)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("diemcau.mv.db", "secrets.json");
    }
  }

  @Test
  @DisplayName("a used data folder whose database is missing is refused; --fresh-database starts it empty, keys kept")
  void lostDatabaseRefused() throws Exception {
    Path data = Files.createTempDirectory("diemcau-lost");
    server = TestServer.start(data, null);
    String key = server.server.credentials().bridgeKey("11560");
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", null).status()).isEqualTo(200);
    server.close();
    server = null;
    for (String file : List.of("diemcau.db", "diemcau.db-wal", "diemcau.db-shm")) {
      Files.deleteIfExists(data.resolve(file));
    }

    assertThatThrownBy(() -> TestServer.start(data, null))
        .hasMessageContaining("secrets.json is there but the database " + data.resolve("diemcau.db") + " is missing")
        .hasMessageContaining("--fresh-database");
    assertThat(data.resolve("diemcau.db")).as("no empty database made in its place").doesNotExist();

    server = TestServer.start(data, null, "auto", TestServer.LIMITS, true);
    assertThat(server.server.credentials().bridgeKey("11560")).as("the printed bridge links still work").isEqualTo(key);
    assertThat(Rest.get(server.port, "/api/state/agenda", null).body().getString("status")).isEqualTo("idle");
  }

  @Test
  @DisplayName("a database file removed while the server runs: /health is DOWN and commands fail clearly, no new file is made")
  void removedWhileRunning() throws Exception {
    Path data = Files.createTempDirectory("diemcau-removed");
    server = TestServer.start(data, null);
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "trước")).status())
        .isEqualTo(200);
    Files.delete(data.resolve("diemcau.db"));

    assertFailsClearly("was removed");
    assertThat(data.resolve("diemcau.db")).doesNotExist();
  }

  @Test
  @DisplayName("a database file replaced while the server runs: /health is DOWN and commands fail clearly")
  void replacedWhileRunning() throws Exception {
    Path data = Files.createTempDirectory("diemcau-replaced");
    server = TestServer.start(data, null);
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "trước")).status())
        .isEqualTo(200);
    Path copy = Files.copy(data.resolve("diemcau.db"), data.resolve("copy.db"));
    Files.move(copy, data.resolve("diemcau.db"), StandardCopyOption.REPLACE_EXISTING);

    assertFailsClearly("was replaced");
  }

  private void assertFailsClearly(String what) throws Exception {
    Rest.Reply health = Rest.get(server.port, "/health", null);
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.body().getJsonObject("database").getString("status")).isEqualTo("DOWN");
    assertThat(health.body().encode()).contains(what);
    Rest.Reply command = Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "sau"));
    assertThat(command.status()).isEqualTo(503);
    assertThat(command.body().getJsonObject("error").getString("code")).isEqualTo("database_unavailable");
    assertThat(command.body().getJsonObject("error").getString("message")).contains(what);
    assertThat(Rest.get(server.port, "/api/state/screen", null).body().getJsonObject("message").getString("text"))
        .as("nothing installed").isEqualTo("trước");
  }

  private List<Object> audit() throws Exception {
    return Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries").getList();
  }

  private JsonObject leaderboard() throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      JsonObject board = Rest.get(server.port, "/api/state/leaderboard", null).body();
      if (Boolean.TRUE.equals(board.getBoolean("ready")) || System.currentTimeMillis() > deadline) {
        return board;
      }
      Thread.sleep(100);
    }
  }
}
