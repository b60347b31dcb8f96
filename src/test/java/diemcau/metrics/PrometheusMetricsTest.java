package diemcau.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  @DisplayName("times commands by name and outcome, imports by source, and reports HikariCP's pool")
  void commandsImportsAndPool() throws Exception {
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "Chào")).status())
        .isEqualTo(200);
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject()).status()).isEqualTo(400);
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "made.up.name", new JsonObject()).status()).isEqualTo(404);
    assertThat(Rest.post(server.port, "/api/participation/import", TestServer.ADMIN_TOKEN, oneRowCsv()).status()).isEqualTo(200);

    String text = scrape();
    assertThat(value(text, "diemcau_commands_seconds_count{command=\"screen.message\",outcome=\"ok\"}")).isEqualTo(1.0);
    assertThat(value(text, "diemcau_commands_seconds_count{command=\"screen.message\",outcome=\"bad_argument\"}")).isEqualTo(1.0);
    assertThat(value(text, "diemcau_commands_seconds_count{command=\"unknown\",outcome=\"unknown_command\"}"))
        .as("a name no command has is one series, whatever it was").isEqualTo(1.0);
    assertThat(value(text, "diemcau_commands_seconds_bucket{command=\"screen.message\",outcome=\"ok\",le=\"5.0\"}"))
        .as("the latency histogram's 5 s bucket holds it").isEqualTo(1.0);
    assertThat(value(text, "diemcau_imports_seconds_count{outcome=\"ok\",source=\"csv\"}")).isEqualTo(1.0);
    assertThat(value(text, "hikaricp_connections_max{pool=\"diemcau-db\"}")).isGreaterThan(0);
  }

  @Test
  @DisplayName("has every series the Grafana dashboard in deploy/ queries, with the label values it selects")
  void dashboardQueriesExist() throws Exception {
    // what the dashboard shows only once something happened: a command, an import, a collection
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "x")).status())
        .isEqualTo(200);
    assertThat(Rest.post(server.port, "/api/participation/import", TestServer.ADMIN_TOKEN, oneRowCsv()).status()).isEqualTo(200);
    System.gc();
    JsonObject dashboard = new JsonObject(Files.readString(Path.of("deploy/grafana-dashboard.json")));
    List<String> queries = new ArrayList<>();
    for (Object panel : dashboard.getJsonArray("panels")) {
      for (Object target : ((JsonObject) panel).getJsonArray("targets")) {
        queries.add(((JsonObject) target).getString("expr"));
      }
    }
    assertThat(queries).hasSizeGreaterThan(10);
    String text = scrapeWhenGcSeen();
    Pattern selector = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\}");
    Pattern equality = Pattern.compile("([a-zA-Z_]+)=\"([^\"]*)\"");
    int selectors = 0;
    for (String query : queries) {
      Matcher series = selector.matcher(query);
      while (series.find()) {
        selectors++;
        String name = series.group(1);
        Matcher label = equality.matcher(series.group(2));
        StringBuilder line = new StringBuilder("(?m)^" + Pattern.quote(name) + "(\\{");
        while (label.find()) {
          // Prometheus adds instance; =~ and != select, = must match a value the server reports
          line.append("(?=[^}]*\\b").append(Pattern.quote(label.group(1) + "=\"" + label.group(2) + "\"")).append(")");
        }
        line.append("[^}]*\\})? ");
        assertThat(Pattern.compile(line.toString()).matcher(text).find())
            .as("%s, queried by the dashboard (%s), is in the scrape", series.group(), query).isTrue();
      }
    }
    assertThat(selectors).as("every query names its series with a selector").isGreaterThanOrEqualTo(queries.size());
  }

  /** A scrape once the JVM has reported a collection (the GC panel's series appears with the first). */
  private String scrapeWhenGcSeen() throws Exception {
    for (int i = 0; i < 50; i++) {
      String text = scrape();
      if (text.contains("jvm_gc_pause_seconds_max")) {
        return text;
      }
      System.gc();
      Thread.sleep(100);
    }
    return scrape();
  }

  private String oneRowCsv() {
    String unit = server.server.event().units().get(0).code();
    return "unit,person,lastActivityAt\n" + unit + ",metrics-1,2026-06-01T08:00:00+07:00\n";
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
