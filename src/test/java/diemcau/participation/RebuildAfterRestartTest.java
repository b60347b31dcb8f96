package diemcau.participation;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.store.Databases;
import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The leaderboard after a restart")
class RebuildAfterRestartTest {

  private Vertx vertx;
  private String mariaDb;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    if (mariaDb != null) {
      Databases.drop(mariaDb);
    }
  }

  @Test
  @DisplayName("on SQLite, a restarted server rebuilds the same leaderboard from the store")
  void sqlite() throws Exception {
    rebuilds(Files.createTempDirectory("diemcau-participation"), null);
  }

  @Test
  @DisplayName("on MariaDB, a restarted server rebuilds the same leaderboard from the store")
  void mariaDb() throws Exception {
    mariaDb = Databases.freshMariaDb();
    rebuilds(Files.createTempDirectory("diemcau-participation"), mariaDb);
  }

  private void rebuilds(Path data, String dbUrl) throws Exception {
    JsonObject before;
    try (TestServer server = TestServer.start(data, dbUrl)) {
      List<Person> persons = People.generate(server.server.event().units(), 3_000, 11);
      JsonObject headcounts = new JsonObject();
      server.server.event().units().forEach(unit -> headcounts.put(unit.code(), 25));
      headcounts.remove(server.server.event().units().get(3).code());
      assertThat(Rest.command(server.port, TestServer.ADMIN_TOKEN, "units.headcounts",
          new JsonObject().put("headcounts", headcounts)).status()).isEqualTo(200);
      assertThat(Rest.post(server.port, "/api/participation/import", TestServer.ADMIN_TOKEN,
          People.csv(persons.subList(0, 2_000), ',', false)).status()).isEqualTo(200);
      assertThat(Rest.post(server.port, "/api/participation", TestServer.ADMIN_TOKEN,
          People.json(persons.subList(1_500, 3_000)).encode()).status()).isEqualTo(200);
      before = leaderboard(server, 3_000);
    }
    try (TestServer server = TestServer.start(data, dbUrl)) {
      JsonObject after = leaderboard(server, 3_000);
      assertThat(withoutMovement(after)).isEqualTo(withoutMovement(before));
      assertThat(after.getJsonArray("history")).hasSize(CompletionHistory.MAX_POINTS);
    }
  }

  private JsonObject leaderboard(TestServer server, int enrolled) throws Exception {
    try (ScreenClient screen = ScreenClient.connect(vertx, server.port, "/ws").hello("public", "leaderboard")) {
      return screen.next(frame -> "leaderboard".equals(frame.getString("topic"))
          && frame.getJsonObject("data").getBoolean("ready")
          && frame.getJsonObject("data").getJsonObject("totals").getInteger("enrolled") == enrolled).getJsonObject("data");
    }
  }

  private static JsonObject withoutMovement(JsonObject data) {
    JsonObject copy = data.copy();
    copy.getJsonArray("groups").forEach(group -> ((JsonObject) group).getJsonArray("rows")
        .forEach(row -> ((JsonObject) row).remove("movement")));
    return copy;
  }
}
