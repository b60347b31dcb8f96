package diemcau.bridges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import diemcau.event.Unit;
import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The 114 bridge sites, live")
class BridgesLiveTest {

  private Vertx vertx;
  private TestServer server;
  private final List<ScreenClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (ScreenClient client : clients) {
      client.close();
    }
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private List<Unit> communes() {
    return server.server.event().units().stream().filter(unit -> unit.kind().communeLevel()).toList();
  }

  private ScreenClient bridge(Unit unit) throws Exception {
    String key = server.server.credentials().bridgeKey(unit.code());
    ScreenClient client = ScreenClient.connect(vertx, server.port, "/ws?unit=" + unit.code() + "&key=" + key);
    clients.add(client);
    return client;
  }

  @Test
  @DisplayName("114 bridge sockets with valid keys come online, a wrong key is refused, every attendance report adds up")
  void allSitesReportAttendance() throws Exception {
    List<Unit> communes = communes();
    assertThat(communes).hasSize(114);
    ScreenClient desk = ScreenClient.connect(vertx, server.port, "/ws").hello("admin", "bridges");
    clients.add(desk);
    desk.nextState("bridges");

    assertThatThrownBy(() -> ScreenClient.connect(vertx, server.port,
        "/ws?unit=" + communes.get(0).code() + "&key=" + server.server.credentials().bridgeKey(communes.get(1).code())))
        .hasMessageContaining("403");

    List<ScreenClient> sites = new ArrayList<>();
    for (Unit unit : communes) {
      sites.add(bridge(unit).hello("bridge", "agenda", "bridges"));
    }
    int expected = 0;
    for (int i = 0; i < sites.size(); i++) {
      int count = 10 + i;
      expected += count;
      sites.get(i).send(new JsonObject().put("type", "command").put("id", "att").put("name", "bridge.attendance")
          .put("args", new JsonObject().put("unit", communes.get(i).code()).put("count", count)));
    }
    for (ScreenClient site : sites) {
      assertThat(site.nextOfType("ack").getBoolean("ok")).isTrue();
    }
    int total = expected;
    JsonObject state = desk.next(frame -> "bridges".equals(frame.getString("topic"))
        && frame.getJsonObject("data").getJsonObject("totals").getInteger("online") == 114
        && frame.getJsonObject("data").getJsonObject("totals").getInteger("attendance") == total);
    JsonObject totals = state.getJsonObject("data").getJsonObject("totals");
    assertThat(totals.getInteger("units")).isEqualTo(114);
    JsonObject firstUnit = state.getJsonObject("data").getJsonArray("units").getJsonObject(0);
    assertThat(firstUnit.fieldNames()).containsExactlyInAnyOrder("unit", "name", "kind");
    JsonObject first = state.getJsonObject("data").getJsonObject("rooms").getJsonObject(firstUnit.getString("unit"));
    assertThat(first.getString("status")).isEqualTo("online");
    assertThat(first.getInteger("screens")).isEqualTo(1);
    assertThat(first.containsKey("lastSeen")).as("heard every few seconds while online: not part of the topic").isFalse();
  }

  @Test
  @DisplayName("a bridge reports only for its own unit, within 0..10,000")
  void attendanceValidation() throws Exception {
    List<Unit> communes = communes();
    ScreenClient site = bridge(communes.get(0));
    site.send(new JsonObject().put("type", "command").put("id", "1").put("name", "bridge.attendance")
        .put("args", new JsonObject().put("unit", communes.get(1).code()).put("count", 5)));
    assertThat(site.nextOfType("ack").getJsonObject("error").getString("code")).isEqualTo("forbidden");
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "bridge.attendance",
        new JsonObject().put("unit", communes.get(1).code()).put("count", 10_001)).body().getJsonObject("error").getString("field"))
        .isEqualTo("count");
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "bridge.attendance",
        new JsonObject().put("unit", "nowhere").put("count", 1)).body().getJsonObject("error").getString("field"))
        .isEqualTo("unit");
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", null).status()).isEqualTo(200);
    site.send(new JsonObject().put("type", "command").put("id", "2").put("name", "agenda.next").put("args", new JsonObject()));
    assertThat(site.nextOfType("ack").getJsonObject("error").getString("code")).isEqualTo("forbidden");
  }

  @Test
  @DisplayName("a reconnect storm of all 114 sites sends a handful of bridges frames, not hundreds")
  void reconnectStormIsCoalesced() throws Exception {
    List<Unit> communes = communes();
    List<ScreenClient> sites = new ArrayList<>();
    for (Unit unit : communes) {
      sites.add(bridge(unit));
    }
    ScreenClient desk = ScreenClient.connect(vertx, server.port, "/ws").hello("admin", "bridges");
    clients.add(desk);
    desk.next(frame -> "bridges".equals(frame.getString("topic"))
        && frame.getJsonObject("data").getJsonObject("totals").getInteger("online") == 114);
    desk.drain(1200);
    for (ScreenClient site : sites) {
      site.ws.close();
    }
    for (Unit unit : communes) {
      bridge(unit);
    }
    // when the whole storm falls within one coalescing window nothing changed and no frame is
    // due: what counts is that the newest state the desk holds, once it settles, has all 114
    desk.drain(2000);
    JsonObject newest = desk.received.stream().filter(frame -> "bridges".equals(frame.getString("topic")))
        .reduce((first, second) -> second).orElseThrow();
    assertThat(newest.getJsonObject("data").getJsonObject("totals").getInteger("online")).isEqualTo(114);
    List<JsonObject> after = desk.drain(1500);
    long frames = desk.received.stream().filter(frame -> "bridges".equals(frame.getString("topic"))).count();
    System.out.printf("bridges frames seen by one screen over 114 connects + 114 disconnects + 114 reconnects: %d%n", frames);
    assertThat(frames).isLessThan(20);
    assertThat(after.stream().filter(frame -> "bridges".equals(frame.getString("topic")))).hasSizeLessThanOrEqualTo(1);
  }
}
