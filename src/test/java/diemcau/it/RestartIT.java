package diemcau.it;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.store.Databases;
import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The packaged jar, killed and restarted")
class RestartIT {

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"sqlite", "mariadb"})
  @DisplayName("after kill -9 mid-item, the same item runs with the same startedAt, downtime counted")
  void agendaSurvivesKill(String database) throws Exception {
    Path data = Files.createTempDirectory("diemcau-restart");
    int port = TestServer.freePort();
    String dbUrl = database.equals("sqlite") ? null : Databases.freshMariaDb();
    Map<String, String> env = dbUrl == null ? Map.of() : Map.of("DIEMCAU_DB_URL", dbUrl.replace("jdbc:mysql:", "jdbc:mariadb:"), "DIEMCAU_DB_USER", "root");
    JsonObject before;
    try (JarProcess first = JarProcess.start(data, port, env)) {
      System.out.printf("start-to-ready of the jar on %s (new data): %d ms%n", database, first.readyMs);
      assertThat(Rest.command(port, TestServer.MC_TOKEN, "agenda.start", new JsonObject().put("index", 3)).status()).isEqualTo(200);
      assertThat(Rest.command(port, TestServer.MC_TOKEN, "agenda.adjust", new JsonObject().put("ms", 120_000)).status()).isEqualTo(200);
      before = Rest.get(port, "/api/state/agenda", null).body();
      assertThat(before.getString("status")).isEqualTo("running");
      first.kill();
    }
    Thread.sleep(1500);
    try (JarProcess second = JarProcess.start(data, port, env)) {
      System.out.printf("start-to-ready of the jar on %s (existing data): %d ms%n", database, second.readyMs);
      assertThat(Rest.get(port, "/health", null).body().getJsonObject("database").getString("kind"))
          .isEqualTo(database.equals("sqlite") ? "sqlite" : "mysql");
      JsonObject after = Rest.get(port, "/api/state/agenda", null).body();
      assertThat(after.getString("status")).isEqualTo(before.getString("status"));
      assertThat(after.getInteger("current")).isEqualTo(3);
      assertThat(after.getLong("startedAt")).isEqualTo(before.getLong("startedAt"));
      assertThat(after.getLong("adjustMs")).isEqualTo(120_000);
      // the same end: the time left shrank by the downtime, counted like a wall clock
      assertThat(after.getLong("endsAt")).isEqualTo(before.getLong("endsAt"));
    } finally {
      if (dbUrl != null) {
        Databases.drop(dbUrl);
      }
    }
  }

  @Test
  @DisplayName("a graceful stop closes every socket with 1001 (going away)")
  void gracefulShutdownClosesSockets() throws Exception {
    Path data = Files.createTempDirectory("diemcau-stop");
    int port = TestServer.freePort();
    Vertx vertx = Vertx.vertx();
    try (JarProcess jar = JarProcess.start(data, port, Map.of());
        ScreenClient screen = ScreenClient.connect(vertx, port, "/ws")) {
      screen.hello("hall", "agenda").nextState("agenda");
      jar.terminate();
      long deadline = System.currentTimeMillis() + 10_000;
      while (screen.closeStatus == null && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(screen.closeStatus).isEqualTo((short) 1001);
      assertThat(jar.output()).contains("diemcau stopped");
    } finally {
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("generated tokens go to a private secrets.json and, the output being a log, are never printed; they work after a restart")
  void generatedTokensStayOutOfLogs() throws Exception {
    Path data = Files.createTempDirectory("diemcau-tokens").resolve("data");
    int port = TestServer.freePort();
    Map<String, String> noTokens = Map.of("DIEMCAU_MC_TOKEN", "", "DIEMCAU_ADMIN_TOKEN", "");
    String firstOutput;
    try (JarProcess first = JarProcess.start(data, port, noTokens)) {
      firstOutput = first.output();
      first.terminate();
    }
    JsonObject secrets = new JsonObject(Files.readString(data.resolve("secrets.json")));
    String mcToken = secrets.getString("mcToken");
    assertThat(firstOutput).doesNotContain(mcToken).doesNotContain(secrets.getString("adminToken"))
        .contains(data.resolve("secrets.json").toAbsolutePath().toString());
    assertThat(Files.getPosixFilePermissions(data)).containsExactlyInAnyOrder(
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.getPosixFilePermissions(data.resolve("secrets.json")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    try (JarProcess second = JarProcess.start(data, port, noTokens)) {
      assertThat(second.output()).doesNotContain("secrets.json").doesNotContain(mcToken);
      assertThat(Rest.command(port, mcToken, "agenda.start", null).status()).isEqualTo(200);
    }
  }
}
