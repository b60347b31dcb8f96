package diemcau.simulate;

import diemcau.participation.ParticipationService;
import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("The rehearsal feed")
class SimulateCommandTest {

  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("simulate plays a short stage into a running server: headcounts for every unit, people enrolled and completed")
  void playsAStage() throws Exception {
    int exit = new CommandLine(new SimulateCommand()).execute("--url", server.http(""), "--admin-token", TestServer.ADMIN_TOKEN,
        "--minutes", "0.05", "--max-requests", "10");
    assertThat(exit).isZero();
    Thread.sleep(ParticipationService.COALESCE_MS + 500);
    JsonObject leaderboard = Rest.get(server.port, "/api/state/leaderboard", null).body();
    JsonObject totals = leaderboard.getJsonObject("totals");
    assertThat(totals.getInteger("unitsWithHeadcount")).isEqualTo(totals.getInteger("units"));
    assertThat(totals.getInteger("enrolled")).isGreaterThan(1_000);
    assertThat(totals.getInteger("completed")).isBetween(1, totals.getInteger("enrolled"));
    JsonObject audit = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body();
    assertThat(audit.getJsonArray("entries").stream().filter(entry -> ((JsonObject) entry).getString("command")
        .equals("participation.import")).count()).isBetween(1L, 9L);
  }

  @Test
  @DisplayName("simulate refuses nonsense settings before sending anything")
  void refusesNonsense() {
    assertThat(new CommandLine(new SimulateCommand()).execute("--url", server.http(""), "--admin-token", TestServer.ADMIN_TOKEN,
        "--speed", "0")).isEqualTo(2);
  }
}
