package diemcau.live;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.event.Unit;
import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a change costs on the wire with patch frames, for the shipped event: an MC's step through
 * the conference's programme and a bridge room that comes online or drops. Prints the bytes of the
 * whole state and of the patch (docs/PERFORMANCE.md quotes them).
 */
@DisplayName("Patch frames for the changes the event is made of")
class PatchFrameBytesTest {

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

  private ScreenClient connect(String uri) throws Exception {
    ScreenClient client = ScreenClient.connect(vertx, server.port, uri);
    clients.add(client);
    return client;
  }

  private static int bytes(JsonObject frame) {
    return frame.encode().getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  @DisplayName("an agenda step is a patch of a few anchors: a few hundred bytes, not the programme")
  void agendaStep() throws Exception {
    ScreenClient hall = connect("/ws").hello("hall", "agenda");
    hall.nextState("agenda");
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.day", new JsonObject().put("day", "conference"))
        .status()).isEqualTo(200);
    hall.nextState("agenda");
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", new JsonObject()).status()).isEqualTo(200);
    hall.nextState("agenda");

    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.next", new JsonObject()).status()).isEqualTo(200);
    JsonObject step = hall.nextState("agenda");
    JsonObject whole = connect("/ws").hello("hall", "agenda").nextState("agenda");
    assertThat(step.getJsonObject("data")).isEqualTo(whole.getJsonObject("data"));
    int patchBytes = step.getInteger("patchBytes");
    System.out.printf("agenda.next on the conference's programme: state %d bytes, patch %d bytes: %s%n",
        bytes(whole), patchBytes, step.getJsonObject("patch").encode());
    assertThat(step.getJsonObject("patch").fieldNames()).as("the programme is not resent")
        .doesNotContain("items").contains("current", "startedAt", "endsAt", "actuals");
    assertThat(patchBytes).as("a few hundred bytes, the frame's own header included").isLessThan(300);

    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.adjust", new JsonObject().put("ms", 60_000))
        .status()).isEqualTo(200);
    JsonObject adjust = hall.nextState("agenda");
    System.out.printf("agenda.adjust: patch %d bytes: %s%n", adjust.getInteger("patchBytes"), adjust.getJsonObject("patch").encode());
    assertThat(adjust.getJsonObject("patch").fieldNames()).containsExactlyInAnyOrder("adjustMs", "endsAt");
  }

  @Test
  @DisplayName("a bridge room that comes online or drops changes that room and the counts, not the 114 rooms")
  void bridgeRoom() throws Exception {
    ScreenClient desk = connect("/ws").hello("admin", "bridges");
    JsonObject first = desk.nextState("bridges");
    Unit unit = server.server.event().units().stream().filter(each -> each.kind().communeLevel()).findFirst().orElseThrow();
    ScreenClient room = connect("/ws?unit=" + unit.code() + "&key=" + server.server.credentials().bridgeKey(unit.code()));
    room.hello("bridge", "bridges");

    JsonObject online = desk.next(frame -> "bridges".equals(frame.getString("topic"))
        && frame.getJsonObject("data").getJsonObject("totals").getInteger("online") == 1);
    JsonObject patch = online.getJsonObject("patch");
    System.out.printf("a bridge room comes online: state %d bytes, patch %d bytes: %s%n",
        bytes(first), online.getInteger("patchBytes"), patch.encode());
    assertThat(patch.fieldNames()).doesNotContain("units");
    assertThat(patch.getJsonObject("rooms").fieldNames()).containsExactly(unit.code());
    assertThat(online.getInteger("patchBytes")).isLessThan(bytes(first) / 20);

    room.close();
    JsonObject dropped = desk.next(frame -> "bridges".equals(frame.getString("topic"))
        && frame.getJsonObject("data").getJsonObject("totals").getInteger("online") == 0);
    System.out.printf("a bridge room drops: patch %d bytes: %s%n", dropped.getInteger("patchBytes"),
        dropped.getJsonObject("patch").encode());
    assertThat(dropped.getJsonObject("patch").getJsonObject("rooms").fieldNames()).containsExactly(unit.code());
    JsonObject droppedRoom = dropped.getJsonObject("data").getJsonObject("rooms").getJsonObject(unit.code());
    assertThat(droppedRoom.getString("status")).isEqualTo("offline");
    assertThat(droppedRoom.getLong("lastSeen")).as("a dropped room says since when").isNotNull();
  }
}
