package diemcau.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Link keys: the report has its own key, revocable per unit; the hall's key is the only way into its tier")
class LinkKeysTest {

  private static final String UNIT = "11560";
  private static final String OTHER = "10525";

  private TestServer server;
  private Vertx vertx;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await();
    server.close();
  }

  @Test
  @DisplayName("the bridge key printed on a room's card never opens the unit's personal report")
  void bridgeKeyOpensNoReport() throws Exception {
    String bridgeKey = server.server.credentials().bridgeKey(UNIT);
    assertThat(Rest.get(server.port, "/api/participation/report?unit=" + UNIT + "&key=" + bridgeKey, null).status()).isEqualTo(403);
    assertThat(Rest.get(server.port, "/report?unit=" + UNIT + "&key=" + bridgeKey, null).status()).isEqualTo(403);
    String reportKey = reportKey(UNIT);
    assertThat(reportKey).isNotEqualTo(bridgeKey);
    assertThat(Rest.get(server.port, "/api/participation/report?unit=" + UNIT + "&key=" + reportKey, null).status()).isEqualTo(200);
    assertThat(Rest.get(server.port, "/report?unit=" + UNIT + "&key=" + reportKey, null).status()).isEqualTo(200);
    // and a report key is no bridge key
    assertThatThrownBy(() -> ScreenClient.connect(vertx, server.port, "/ws?unit=" + UNIT + "&key=" + reportKey))
        .hasMessageContaining("403");
    assertThat(Rest.get(server.port, "/api/reports/links", TestServer.MC_TOKEN).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("revoking one unit's report link (admin, audited) retires its key for good; the others keep theirs")
  void revokeReport() throws Exception {
    String old = reportKey(UNIT);
    String other = reportKey(OTHER);
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "report.key.revoke", new JsonObject().put("unit", UNIT)).status())
        .isEqualTo(403);
    Rest.Reply unknown = Rest.command(server.port, TestServer.ADMIN_TOKEN, "report.key.revoke", new JsonObject().put("unit", "NOPE"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().getJsonObject("error").getString("field")).isEqualTo("unit");
    assertThat(Rest.command(server.port, TestServer.ADMIN_TOKEN, "report.key.revoke", new JsonObject().put("unit", UNIT)).status())
        .isEqualTo(200);
    String renewed = reportKey(UNIT);
    assertThat(renewed).isNotEqualTo(old);
    assertThat(reportKey(OTHER)).isEqualTo(other);
    assertThat(report(UNIT, old)).isEqualTo(403);
    assertThat(report(UNIT, renewed)).isEqualTo(200);
    JsonObject audit = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries").getJsonObject(0);
    assertThat(audit.getString("command")).isEqualTo("report.key.revoke");
    assertThat(audit.getJsonObject("args").getString("unit")).isEqualTo(UNIT);
    assertThat(audit.encode()).doesNotContain(renewed).doesNotContain(old);

    Path data = server.dataDir;
    server.close();
    server = TestServer.start(data, null);
    assertThat(report(UNIT, old)).isEqualTo(403);
    assertThat(report(UNIT, renewed)).isEqualTo(200);
    assertThat(report(OTHER, other)).isEqualTo(200);
  }

  @Test
  @DisplayName("a plain /ws that says hello as the hall stays public; the hall link's key puts it in the priority tier")
  void hallTier() throws Exception {
    String hallUrl = Rest.get(server.port, "/api/bridges/links", TestServer.ADMIN_TOKEN).body().getJsonObject("hall").getString("url");
    String key = URI.create(hallUrl).getQuery().replace("key=", "");
    assertThat(key).isEqualTo(server.server.linkKeys().hallKey());
    try (ScreenClient stranger = ScreenClient.connect(vertx, server.port, "/ws").hello("hall", "agenda")) {
      stranger.nextState("agenda");
      assertThat(prioritySockets()).isZero();
      try (ScreenClient hall = ScreenClient.connect(vertx, server.port, "/ws?hall=" + key).hello("hall", "agenda")) {
        hall.nextState("agenda");
        assertThat(prioritySockets()).isEqualTo(1);
      }
    }
    assertThatThrownBy(() -> ScreenClient.connect(vertx, server.port, "/ws?hall=" + key + "x")).hasMessageContaining("403");
    assertThat(Rest.get(server.port, "/hall?key=" + key, null).status()).isEqualTo(200);
    assertThat(Rest.get(server.port, "/hall", null).status()).isEqualTo(200);
    assertThat(Rest.get(server.port, "/hall?key=wrong", null).status()).isEqualTo(403);

    assertThat(Rest.command(server.port, TestServer.ADMIN_TOKEN, "hall.key.revoke", new JsonObject()).status()).isEqualTo(200);
    assertThatThrownBy(() -> ScreenClient.connect(vertx, server.port, "/ws?hall=" + key)).hasMessageContaining("403");
    assertThat(Rest.get(server.port, "/hall?key=" + key, null).status()).isEqualTo(403);
  }

  private String reportKey(String unit) throws Exception {
    Rest.Reply links = Rest.get(server.port, "/api/reports/links", TestServer.ADMIN_TOKEN);
    assertThat(links.status()).isEqualTo(200);
    String url = links.body().getJsonArray("links").stream().map(JsonObject.class::cast)
        .filter(link -> link.getString("unit").equals(unit)).findFirst().orElseThrow().getString("url");
    assertThat(url).startsWith("http://").contains("/report?unit=" + unit + "&key=");
    return url.substring(url.indexOf("&key=") + 5);
  }

  private int report(String unit, String key) throws Exception {
    return Rest.get(server.port, "/api/participation/report?unit=" + unit + "&key=" + key, null).status();
  }

  private int prioritySockets() throws Exception {
    return Rest.get(server.port, "/api/metrics", TestServer.ADMIN_TOKEN).body().getInteger("prioritySockets");
  }
}
