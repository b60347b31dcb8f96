package diemcau.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Prometheus metrics at /metrics")
class PrometheusMetricsTest {

  private Vertx vertx;
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("needs the admin token: none is 401, the MC's is 403")
  void adminOnly() throws Exception {
    assertThat(Rest.get(server.port, "/metrics", null).status()).isEqualTo(401);
    assertThat(Rest.get(server.port, "/metrics", TestServer.MC_TOKEN).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("counts the hub's sockets by tier and its frames, beside Vert.x's and the JVM's own metrics")
  void hubFigures() throws Exception {
    try (ScreenClient phone = ScreenClient.connect(vertx, server.port, "/ws").hello("public", "screen");
        ScreenClient mc = ScreenClient.connect(vertx, server.port, "/ws?token=" + TestServer.MC_TOKEN).hello("mc", "screen")) {
      phone.nextState("screen");
      mc.nextState("screen");
      double sentBefore = value(scrape(), "diemcau_frames_sent_total");
      assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "Chào mừng"))
          .status()).isEqualTo(200);
      phone.nextState("screen");
      mc.nextState("screen");

      String text = scrape();
      assertThat(value(text, "diemcau_sockets{tier=\"public\"}")).isEqualTo(1.0);
      assertThat(value(text, "diemcau_sockets{tier=\"priority\"}")).isEqualTo(1.0);
      assertThat(value(text, "diemcau_frames_sent_total")).isGreaterThanOrEqualTo(sentBefore + 2);
      assertThat(text).contains("diemcau_states_parked ", "vertx_pool_queue_pending", "jvm_memory_used_bytes");
    }
  }

  @Test
  @DisplayName("counts wrong tokens presented, for the per-address limits")
  void authFailures() throws Exception {
    double before = value(scrape(), "diemcau_auth_failures_total");
    assertThat(Rest.get(server.port, "/api/whoami", "not-a-token-at-all").status()).isEqualTo(401);
    assertThat(Rest.get(server.port, "/api/whoami", "still-not-a-token").status()).isEqualTo(401);
    assertThat(value(scrape(), "diemcau_auth_failures_total")).isEqualTo(before + 2);
  }

  private String scrape() throws Exception {
    Rest.Reply reply = Rest.get(server.port, "/metrics", TestServer.ADMIN_TOKEN);
    assertThat(reply.status()).isEqualTo(200);
    return reply.body().getString("text");
  }

  /** The value of the sample line that starts with {@code series} (name and labels as Prometheus prints them). */
  private static double value(String text, String series) {
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
    assertThat(line.find()).as("a sample %s in%n%s", series, text).isTrue();
    return Double.parseDouble(line.group(1));
  }
}
