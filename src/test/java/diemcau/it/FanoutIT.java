package diemcau.it;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A small benchmark, not a timed assertion: prints command → all-screens latency for 100 local screens. */
@DisplayName("Fan-out to 100 local screens (benchmark, prints figures)")
class FanoutIT {

  private static final int SCREENS = 100;
  private static final int ROUNDS = 30;

  private static long initialRev(int port) throws Exception {
    Vertx probe = Vertx.vertx();
    try {
      WebSocketClient client = probe.createWebSocketClient();
      WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"))
          .await(10, TimeUnit.SECONDS);
      java.util.concurrent.CompletableFuture<Long> rev = new java.util.concurrent.CompletableFuture<>();
      ws.textMessageHandler(text -> rev.complete(new JsonObject(text).getLong("rev")));
      ws.writeTextMessage(new JsonObject().put("type", "hello").put("screen", "public")
          .put("topics", new JsonArray().add("agenda")).encode());
      return rev.get(10, TimeUnit.SECONDS);
    } finally {
      probe.close().await(5, TimeUnit.SECONDS);
    }
  }

  private static String http(int port, String path, String commandBody) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path));
    if (commandBody != null) {
      request.header("Authorization", "Bearer " + TestServer.MC_TOKEN)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(commandBody));
    }
    return HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }

  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

  @Test
  @DisplayName("every round reaches all 100 screens; figures printed")
  void fanout() throws Exception {
    int port = TestServer.freePort();
    Vertx vertx = Vertx.vertx();
    WebSocketClient client = vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions().setMaxConnections(SCREENS));
    try (JarProcess jar = JarProcess.start(Files.createTempDirectory("diemcau-fanout"), port, Map.of())) {
      List<WebSocket> sockets = new ArrayList<>();
      AtomicLong expectedRev = new AtomicLong(Long.MAX_VALUE);
      CountDownLatch[] round = {new CountDownLatch(SCREENS)};
      long[] lastArrival = {0};
      for (int i = 0; i < SCREENS; i++) {
        WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"))
            .await(10, TimeUnit.SECONDS);
        ws.textMessageHandler(text -> {
          JsonObject frame = new JsonObject(text);
          if ("agenda".equals(frame.getString("topic")) && frame.getLong("rev") == expectedRev.get()) {
            synchronized (lastArrival) {
              lastArrival[0] = System.nanoTime();
            }
            round[0].countDown();
          }
        });
        ws.writeTextMessage(new JsonObject().put("type", "hello").put("screen", "public")
            .put("topics", new JsonArray().add("agenda")).encode());
        sockets.add(ws);
      }
      Thread.sleep(500);
      long rev = initialRev(port);
      double[] latencies = new double[ROUNDS];
      for (int r = -1; r < ROUNDS; r++) {
        String name = r == -1 ? "agenda.start" : (r % 2 == 0 ? "agenda.next" : "agenda.previous");
        round[0] = new CountDownLatch(SCREENS);
        expectedRev.set(++rev);
        long sent = System.nanoTime();
        JsonObject reply = new JsonObject(http(port, "/api/commands", new JsonObject().put("name", name).encode()));
        assertThat(reply.getLong("rev")).isEqualTo(rev);
        assertThat(round[0].await(10, TimeUnit.SECONDS)).as("round %d reached every screen", r).isTrue();
        if (r >= 0) {
          latencies[r] = (lastArrival[0] - sent) / 1e6;
        }
      }
      Arrays.sort(latencies);
      System.out.printf("FANOUT %d local screens, %d rounds, %d cores, %s: command -> last screen p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          SCREENS, ROUNDS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
          latencies[ROUNDS / 2], latencies[(int) Math.ceil(ROUNDS * 0.99) - 1], latencies[ROUNDS - 1]);
      System.out.printf("STARTUP start-to-ready of the jar: %d ms%n", jar.readyMs);
    } finally {
      client.close();
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }
}
