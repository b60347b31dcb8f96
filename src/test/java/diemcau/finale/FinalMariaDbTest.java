package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.store.Databases;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The final on MariaDB: the migration, the score ledger and a restart")
class FinalMariaDbTest {

  private String url;
  private TestServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (url != null) {
      Databases.drop(url);
    }
  }

  @Test
  @DisplayName("sheets, a correction and the reveal's step are kept across a restart")
  void restart() throws Exception {
    url = Databases.freshMariaDb();
    Path data = Files.createTempDirectory("diemcau-final-mariadb");
    server = TestServer.start(data, url);
    FinalFixture fixture = new FinalFixture(server);
    fixture.finalists();
    List<String> judges = fixture.judges(3);
    fixture.scoreAll(judges, FinalFixture::distinct);
    fixture.ok(fixture.as(judges.get(1), "judge.correct", new JsonObject().put("unit", States.FINALISTS.get(2))
        .put("scores", FinalFixture.distinct(2, 0)).put("reason", "Cộng nhầm tiêu chí đầu")));
    fixture.ok(fixture.admin("final.finalise", new JsonObject()));
    fixture.ok(fixture.mc("final.reveal.next", new JsonObject()));
    JsonObject reveal = fixture.state().getJsonObject("reveal");

    server.close();
    server = TestServer.start(data, url);
    fixture = new FinalFixture(server);
    assertThat(fixture.state().getJsonObject("reveal")).isEqualTo(reveal);
    assertThat(Rest.get(server.port, "/api/final/judge", judges.get(1)).status()).isEqualTo(200);
    String log = Rest.get(server.port, "/api/final/export/score-log.csv", TestServer.ADMIN_TOKEN).body().getString("text");
    assertThat(log.lines()).hasSize(1 + 18 + 1);
    assertThat(log).contains("Cộng nhầm tiêu chí đầu", "72.25", "70.25");
  }
}
