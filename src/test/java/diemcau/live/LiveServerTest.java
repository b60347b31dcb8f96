package diemcau.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

@DisplayName("A real server with real WebSocket screens")
class LiveServerTest {

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

  @Test
  @DisplayName("the agenda driven by REST and by a WebSocket command reaches every screen, in order, with when each item started")
  void agendaReachesEveryScreen() throws Exception {
    List<ScreenClient> screens = new ArrayList<>();
    for (String screen : List.of("hall", "bridge", "public")) {
      screens.add(connect("/ws").hello(screen, "agenda", "screen"));
    }
    ScreenClient mc = connect("/ws?token=" + TestServer.MC_TOKEN).hello("mc", "agenda");

    long initialRev = 0;
    String epoch = null;
    for (ScreenClient screen : screens) {
      JsonObject first = screen.nextState("agenda");
      assertThat(first.getJsonObject("data").getString("status")).isEqualTo("idle");
      assertThat(first.getJsonObject("data").getValue("current")).isNull();
      initialRev = first.getLong("rev");
      epoch = first.getString("epoch");
      screen.nextState("screen");
    }
    mc.nextState("agenda");

    Rest.Reply started = Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", new JsonObject());
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.body().getBoolean("ok")).isTrue();
    assertThat(started.body().getLong("rev")).isEqualTo(initialRev + 1);

    for (ScreenClient screen : screens) {
      JsonObject frame = screen.nextState("agenda");
      assertThat(frame.getLong("rev")).isEqualTo(initialRev + 1);
      assertThat(frame.getString("epoch")).isEqualTo(epoch);
      JsonObject data = frame.getJsonObject("data");
      assertThat(data.getString("status")).isEqualTo("running");
      assertThat(data.getInteger("current")).isZero();
      String firstId = data.getJsonArray("items").getJsonObject(0).getString("id");
      assertThat(data.getJsonObject("actuals").getJsonObject(firstId).getLong("start")).isEqualTo(data.getLong("startedAt"));
      assertThat(data.getLong("startedAt")).isNotNull();
    }

    mc.send(new JsonObject().put("type", "command").put("id", "n1").put("name", "agenda.next").put("args", new JsonObject()));
    JsonObject ack = mc.nextOfType("ack");
    assertThat(ack.getString("id")).isEqualTo("n1");
    assertThat(ack.getBoolean("ok")).isTrue();
    assertThat(ack.getLong("rev")).isEqualTo(initialRev + 2);

    for (ScreenClient screen : screens) {
      JsonObject frame = screen.nextState("agenda");
      assertThat(frame.getLong("rev")).isEqualTo(initialRev + 2);
      assertThat(frame.getJsonObject("data").getInteger("current")).isEqualTo(1);
      String secondId = frame.getJsonObject("data").getJsonArray("items").getJsonObject(1).getString("id");
      assertThat(frame.getJsonObject("data").getJsonObject("actuals").getJsonObject(secondId).getLong("start"))
          .isEqualTo(frame.getJsonObject("data").getLong("startedAt"));
      List<Long> revs = screen.received.stream()
          .filter(f -> "agenda".equals(f.getString("topic"))).map(f -> f.getLong("rev")).toList();
      assertThat(revs).containsExactly(initialRev, initialRev + 1, initialRev + 2);
    }

    JsonObject rest = Rest.get(server.port, "/api/state/agenda", null).body();
    assertThat(rest.getInteger("current")).isEqualTo(1);
    assertThat(rest.getString("status")).isEqualTo("running");
  }

  @Test
  @DisplayName("a command sent by a viewer socket right after connecting is refused and changes nothing")
  void viewerCannotCommand() throws Exception {
    ScreenClient viewer = connect("/ws");
    viewer.send(new JsonObject().put("type", "command").put("id", "x").put("name", "agenda.start")
        .put("args", new JsonObject()).put("token", TestServer.MC_TOKEN));
    JsonObject ack = viewer.nextOfType("ack");
    assertThat(ack.getBoolean("ok")).isFalse();
    assertThat(ack.getJsonObject("error").getString("code")).isEqualTo("unauthorized");

    assertThat(Rest.get(server.port, "/api/state/agenda", null).body().getString("status")).isEqualTo("idle");
    JsonObject audit = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body();
    assertThat(audit.getJsonArray("entries")).isEmpty();
  }

  @Test
  @DisplayName("every accepted command leaves one audit row with who, what, arguments and the resulting revision")
  void auditLog() throws Exception {
    Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", new JsonObject().put("index", 2));
    Rest.Reply adjusted = Rest.command(server.port, TestServer.ADMIN_TOKEN, "agenda.adjust", new JsonObject().put("ms", 60000));
    assertThat(adjusted.status()).isEqualTo(200);
    JsonObject audit = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body();
    List<JsonObject> entries = audit.getJsonArray("entries").stream().map(JsonObject.class::cast).toList();
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).getString("command")).isEqualTo("agenda.adjust");
    assertThat(entries.get(0).getString("role")).isEqualTo("admin");
    assertThat(entries.get(0).getJsonObject("args").getLong("ms")).isEqualTo(60000);
    assertThat(entries.get(0).getLong("rev")).isEqualTo(adjusted.body().getLong("rev"));
    assertThat(entries.get(1).getString("command")).isEqualTo("agenda.start");
    assertThat(entries.get(1).getString("actor")).isEqualTo("mc");
    assertThat(entries.get(1).getJsonObject("args").getInteger("index")).isEqualTo(2);

    assertThat(Rest.get(server.port, "/api/audit", TestServer.MC_TOKEN).status()).isEqualTo(403);
    assertThat(Rest.get(server.port, "/api/audit", null).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("bad commands get a clear error naming what is wrong, and change nothing")
  void badCommands() throws Exception {
    assertError(Rest.command(server.port, null, "agenda.start", null), 401, "unauthorized", null);
    assertError(Rest.command(server.port, "wrong-token-123", "agenda.start", null), 401, "unauthorized", null);
    assertError(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.fly", null), 404, "unknown_command", "name");
    assertError(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.goto", new JsonObject().put("index", "x")),
        400, "bad_argument", "index");
    assertError(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.goto", new JsonObject()), 400, "bad_argument", "index");
    assertError(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", new JsonObject().put("index", 99)),
        400, "bad_index", "index");
    assertError(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", new JsonObject().put("speed", 2)),
        400, "bad_argument", "speed");
    assertError(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.pause", null), 409, "not_running", null);
    assertError(Rest.command(server.port, TestServer.MC_TOKEN, "screen.scene", new JsonObject().put("scene", "disco")),
        400, "bad_argument", "scene");
    assertError(Rest.post(server.port, "/api/commands", TestServer.MC_TOKEN, "{not json"), 400, "bad_json", null);
    assertError(Rest.post(server.port, "/api/commands", TestServer.MC_TOKEN, "{\"args\":{}}"), 400, "bad_argument", null);

    String huge = new JsonObject().put("name", "screen.message")
        .put("args", new JsonObject().put("text", "x".repeat(200_000))).encode();
    assertThat(Rest.post(server.port, "/api/commands", TestServer.MC_TOKEN, huge).status()).isEqualTo(413);

    assertThat(Rest.get(server.port, "/api/state/agenda", null).body().getString("status")).isEqualTo("idle");
    assertThat(Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries")).isEmpty();
    assertThat(Rest.get(server.port, "/api/state/nothing", null).status()).isEqualTo(404);
  }

  private static void assertError(Rest.Reply reply, int status, String code, String field) {
    assertThat(reply.status()).as(reply.body().encode()).isEqualTo(status);
    assertThat(reply.body().getBoolean("ok")).isFalse();
    assertThat(reply.body().getJsonObject("error").getString("code")).isEqualTo(code);
    assertThat(reply.body().getJsonObject("error").getString("message")).isNotBlank();
    if (field != null) {
      assertThat(reply.body().getJsonObject("error").getString("field")).isEqualTo(field);
    }
  }

  @Test
  @DisplayName("malformed frames are answered with an error and the socket stays open; ping answers pong with server time")
  void malformedFramesKeepTheSocket() throws Exception {
    ScreenClient screen = connect("/ws");
    screen.ws.writeTextMessage("{not json");
    assertThat(screen.nextOfType("error").getString("code")).isEqualTo("bad_json");
    screen.send(new JsonObject().put("type", "dance"));
    assertThat(screen.nextOfType("error").getString("message")).contains("dance");
    screen.send(new JsonObject().put("type", "hello").put("screen", "hall").put("topics", new io.vertx.core.json.JsonArray().add("weather")));
    assertThat(screen.nextOfType("error").getString("message")).contains("weather");

    long before = System.currentTimeMillis();
    screen.send(new JsonObject().put("type", "ping").put("id", 7).put("t0", 123));
    JsonObject pong = screen.nextOfType("pong");
    assertThat(pong.getInteger("id")).isEqualTo(7);
    assertThat(pong.getLong("t0")).isEqualTo(123);
    assertThat(pong.getLong("server")).isBetween(before - 1000, System.currentTimeMillis() + 1000);
    assertThat(screen.closeStatus).isNull();
  }

  @Test
  @DisplayName("an oversized message closes that socket instead of being buffered; others are untouched")
  void oversizedMessageRefused() throws Exception {
    ScreenClient bystander = connect("/ws").hello("hall", "agenda");
    bystander.nextState("agenda");
    ScreenClient sender = connect("/ws");
    sender.ws.writeTextMessage("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(200_000) + "\"}");
    long deadline = System.currentTimeMillis() + 5000;
    while (sender.closeStatus == null && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    // netty refuses a frame over the limit with 1009, or drops the connection (1006); when the
    // socket fails another way first, the server says 1011 — never a normal closure
    assertThat(sender.closeStatus).isIn((short) 1006, (short) 1009, (short) 1011);
    bystander.send(new JsonObject().put("type", "ping").put("id", 1).put("t0", 1));
    assertThat(bystander.nextOfType("pong").getInteger("id")).isEqualTo(1);
  }

  @Test
  @DisplayName("a screen sent nothing for 15 s while a timer runs gets one heartbeat with the server time and nothing "
      + "else, so do viewers too many for one slice of a sweep; a screen that hears pongs meanwhile gets none")
  void heartbeat() throws Exception {
    Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", null);
    List<ScreenClient> viewers = viewers(4 * SocketGroup.SLICE + 1);
    ScreenClient pinging = connect("/ws").hello("hall", "agenda");
    ScreenClient screen = connect("/ws").hello("hall", "agenda", "screen");
    screen.nextState("agenda");
    screen.nextState("screen");
    long lastState = System.currentTimeMillis();
    long pings = vertx.setPeriodic(3_000, id -> pinging.send(new JsonObject().put("type", "ping").put("id", id).put("t0", 0)));

    List<JsonObject> idle = screen.drain(SocketGroup.HEARTBEAT_MS + 2_000);
    vertx.cancelTimer(pings);

    assertThat(idle).hasSize(1).allMatch(LiveServerTest::isHeartbeat);
    // the server wrote the last state before this test read it, and looks for silent sockets once a second
    assertThat(idle.get(0).getLong("server")).isBetween(lastState + SocketGroup.HEARTBEAT_MS - 500,
        lastState + SocketGroup.HEARTBEAT_MS + SocketGroup.HEARTBEAT_CHECK_MS + 1_000);
    assertThat(viewers).allSatisfy(viewer -> assertThat(viewer.received).anyMatch(LiveServerTest::isHeartbeat));
    assertThat(pinging.received).anyMatch(frame -> "pong".equals(frame.getString("type")))
        .noneMatch(LiveServerTest::isHeartbeat);
  }

  private static boolean isHeartbeat(JsonObject frame) {
    return "heartbeat".equals(frame.getString("type"));
  }

  @Test
  @DisplayName("a change reaches every one of more viewers than one slice of a sweep writes, and the hall screen too")
  void changeReachesViewersOfManySlices() throws Exception {
    List<ScreenClient> viewers = viewers(4 * SocketGroup.SLICE + 1);
    ScreenClient hall = connect("/ws").hello("hall", "screen");
    hall.nextState("screen");
    long rev = Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "Chào mừng")).body().getLong("rev");
    assertThat(hall.nextState("screen").getLong("rev")).isEqualTo(rev);
    for (ScreenClient viewer : viewers) {
      JsonObject state = viewer.next(frame -> "screen".equals(frame.getString("topic")) && frame.getLong("rev") == rev);
      assertThat(state.getJsonObject("data").getJsonObject("message").getString("text")).isEqualTo("Chào mừng");
    }
  }

  /** Public viewers of the screen topic, each with its snapshot. */
  private List<ScreenClient> viewers(int count) throws Exception {
    List<ScreenClient> viewers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      viewers.add(connect("/ws").hello("public", "screen"));
    }
    for (ScreenClient viewer : viewers) {
      viewer.nextState("screen");
    }
    return viewers;
  }

  @Test
  @DisplayName("a socket with a wrong token or bridge key is refused in the handshake")
  void wrongCredentialsRefusedInHandshake() {
    assertThatThrownBy(() -> connect("/ws?token=not-a-real-token")).hasMessageContaining("401");
    assertThatThrownBy(() -> connect("/ws?unit=11560&key=forged")).hasMessageContaining("403");
  }

  @Test
  @DisplayName("screen commands set the scene, message and blackout that every screen receives")
  void screenTopic() throws Exception {
    ScreenClient hall = connect("/ws").hello("hall", "screen");
    assertThat(hall.nextState("screen").getJsonObject("data").getString("scene")).isEqualTo("agenda");
    Rest.command(server.port, TestServer.MC_TOKEN, "screen.message",
        new JsonObject().put("text", "Xin mời đại biểu ổn định chỗ ngồi").put("tone", "attention"));
    JsonObject message = hall.nextState("screen").getJsonObject("data").getJsonObject("message");
    assertThat(message.getString("text")).isEqualTo("Xin mời đại biểu ổn định chỗ ngồi");
    assertThat(message.getString("tone")).isEqualTo("attention");
    Rest.command(server.port, TestServer.MC_TOKEN, "screen.blackout", new JsonObject().put("on", true));
    assertThat(hall.nextState("screen").getJsonObject("data").getBoolean("blackout")).isTrue();
    Rest.command(server.port, TestServer.MC_TOKEN, "screen.clear", null);
    assertThat(hall.nextState("screen").getJsonObject("data").getValue("message")).isNull();
  }

  @Test
  @DisplayName("a screen that holds the previous revision is sent a patch; one that connects is sent the same state whole")
  void patchToScreensThatHoldItsBase() throws Exception {
    ScreenClient held = connect("/ws").hello("hall", "agenda");
    JsonObject first = held.nextState("agenda");
    assertThat(first.containsKey("base")).as("a hello is answered whole").isFalse();

    Rest.Reply started = Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", new JsonObject());
    assertThat(started.status()).isEqualTo(200);
    JsonObject patched = held.nextState("agenda");
    assertThat(patched.getLong("base")).as("sent as a patch on the revision it held").isEqualTo(first.getLong("rev"));
    assertThat(patched.getLong("rev")).isEqualTo(started.body().getLong("rev"));

    ScreenClient fresh = connect("/ws").hello("hall", "agenda");
    JsonObject whole = fresh.nextState("agenda");
    assertThat(whole.containsKey("base")).isFalse();
    assertThat(whole.getLong("rev")).isEqualTo(patched.getLong("rev"));
    assertThat(patched.getJsonObject("data")).as("the patch applied is the state").isEqualTo(whole.getJsonObject("data"));
    assertThat(held.received).noneMatch(frame -> "unapplied_patch".equals(frame.getString("type")));
  }

  // What a change costs on the wire with patch frames, for the shipped event: an MC's step through
  // the conference's programme and a bridge room that comes online or drops. The bytes of the whole
  // state and of the patch are printed (docs/PERFORMANCE.md quotes them).

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
