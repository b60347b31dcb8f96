package diemcau.live;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.RawScreen;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A screen that stops reading")
class SlowReaderTest {

  private static final int CHANGES = 3000;
  /** Commands sent before the test waits for the last one's answer. */
  private static final int PACE = 100;

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
  @DisplayName("gets only the newest state per topic once it reads again, while the others keep up")
  void keepsOnlyTheNewestState() throws Exception {
    try (RawScreen stuck = new RawScreen(server.port, "/ws");
        ScreenClient live = ScreenClient.connect(vertx, server.port, "/ws");
        ScreenClient mc = ScreenClient.connect(vertx, server.port, "/ws?token=" + TestServer.MC_TOKEN)) {
      stuck.send(new JsonObject().put("type", "hello").put("screen", "bridge")
          .put("topics", new JsonArray().add("agenda").add("screen")));
      live.hello("hall", "agenda");
      long firstRev = live.nextState("agenda").getLong("rev");
      mc.send(command("start", "agenda.start", new JsonObject()));

      JsonObject lastAck = null;
      for (int i = 0; i < CHANGES; i++) {
        mc.send(command("a" + i, "agenda.adjust", new JsonObject().put("ms", i % 2 == 0 ? 1000 : -1000)));
        if (i % PACE == PACE - 1 || i == CHANGES - 1) {
          // every commit is written to disk: a few hundred queued at once would outlast their deadline
          String id = "a" + i;
          lastAck = mc.next(frame -> id.equals(frame.getString("id")));
          assertThat(lastAck.getBoolean("ok")).as(lastAck.encode()).isTrue();
        }
      }
      long lastRev = lastAck.getLong("rev");
      assertThat(lastRev).isEqualTo(firstRev + CHANGES + 1);

      JsonObject latestSeenLive = live.next(frame -> "state".equals(frame.getString("type"))
          && frame.getLong("rev") == lastRev);
      assertThat(latestSeenLive.getJsonObject("data").getString("status")).isEqualTo("running");

      List<JsonObject> kept = stuck.readUntilQuiet(1500);
      List<Long> agendaRevs = kept.stream()
          .filter(frame -> "agenda".equals(frame.getString("topic"))).map(frame -> frame.getLong("rev")).toList();
      assertThat(agendaRevs).isNotEmpty();
      assertThat(agendaRevs.get(agendaRevs.size() - 1)).isEqualTo(lastRev);
      assertThat(agendaRevs).isSorted();
      JsonObject last = kept.stream().filter(frame -> "agenda".equals(frame.getString("topic"))).reduce((a, b) -> b).orElseThrow();
      assertThat(last.getString("type")).as("the state it missed revisions of is sent whole, not as a patch").isEqualTo("state");
      // what reached the stuck screen is what sockets buffers held plus one parked state, not every change
      assertThat(agendaRevs.size()).isLessThan(CHANGES / 2);
    }
  }

  @Test
  @DisplayName("still gets the ack of every command it sent while it was not reading, in order")
  void neverLosesItsAcks() throws Exception {
    try (RawScreen stuck = new RawScreen(server.port, "/ws?token=" + TestServer.MC_TOKEN);
        ScreenClient mc = ScreenClient.connect(vertx, server.port, "/ws?token=" + TestServer.MC_TOKEN)) {
      stuck.send(new JsonObject().put("type", "hello").put("screen", "mc").put("topics", new JsonArray().add("agenda")));
      mc.send(command("start", "agenda.start", new JsonObject()));
      for (int i = 0; i < CHANGES; i++) {
        mc.send(command("a" + i, "agenda.adjust", new JsonObject().put("ms", 1000)));
      }
      mc.next(frame -> ("a" + (CHANGES - 1)).equals(frame.getString("id")));
      // its socket is backed up with agenda states by now: the acks must wait, not vanish
      for (int i = 0; i < 5; i++) {
        stuck.send(command("s" + i, "agenda.adjust", new JsonObject().put("ms", -1000)));
      }
      stuck.send(new JsonObject().put("type", "nonsense"));
      // quiet for long enough that five commits on a busy machine fit in it: its states are small patches
      // now, drained well before the five commands it sent have run
      List<String> replies = stuck.readUntilQuiet(4000).stream()
          .filter(frame -> "ack".equals(frame.getString("type")) || "error".equals(frame.getString("type")))
          .map(frame -> frame.getString("type") + ":" + frame.getString("id", frame.getString("code")))
          .toList();
      // the error is answered at once, the acks after their commands ran: only the acks' order is promised
      assertThat(replies).containsExactlyInAnyOrder("ack:s0", "ack:s1", "ack:s2", "ack:s3", "ack:s4", "error:bad_frame");
      assertThat(replies.stream().filter(reply -> reply.startsWith("ack:")))
          .containsExactly("ack:s0", "ack:s1", "ack:s2", "ack:s3", "ack:s4");
    }
  }

  private static JsonObject command(String id, String name, JsonObject args) {
    return new JsonObject().put("type", "command").put("id", id).put("name", name).put("args", args);
  }
}
