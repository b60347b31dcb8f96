package diemcau.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test screen on {@code /ws}: records every frame it receives, in order. */
public final class ScreenClient implements AutoCloseable {

  private final WebSocketClient client;
  public final WebSocket ws;
  private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  /** Every frame received so far, in arrival order. */
  public final List<JsonObject> received = java.util.Collections.synchronizedList(new ArrayList<>());
  public volatile Short closeStatus;
  /** The newest state per topic, patches applied. */
  private final Map<String, JsonObject> held = new HashMap<>();

  private ScreenClient(WebSocketClient client, WebSocket ws) {
    this.client = client;
    this.ws = ws;
  }

  public static ScreenClient connect(Vertx vertx, int port, String uri) throws Exception {
    return connect(vertx, new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri));
  }

  /** A console's socket as a script opens it: the token in the handshake's Authorization header. */
  public static ScreenClient connect(Vertx vertx, int port, String uri, String token) throws Exception {
    return connect(vertx, new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri)
        .addHeader("Authorization", "Bearer " + token));
  }

  /** A socket with these options; over TLS it trusts any certificate (tests make their own). */
  public static ScreenClient connect(Vertx vertx, WebSocketConnectOptions options) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setSsl(Boolean.TRUE.equals(options.isSsl())).setTrustAll(true).setVerifyHost(false));
    WebSocket ws = client.connect(options).await(10, TimeUnit.SECONDS);
    ScreenClient screen = new ScreenClient(client, ws);
    ws.textMessageHandler(text -> {
      JsonObject frame = screen.merged(new JsonObject(text));
      screen.received.add(frame);
      screen.inbox.add(frame);
    });
    ws.closeHandler(ignored -> screen.closeStatus = ws.closeStatusCode());
    return screen;
  }

  /**
   * A patch frame applied to the state held for its topic, as the pages' client does: the state
   * it makes, which keeps the patch's {@code base}, its {@code patch} data and its size in
   * {@code patchBytes}; any other frame as it came. A patch that does
   * not apply to what is held comes as an {@code unapplied_patch} frame.
   */
  private synchronized JsonObject merged(JsonObject frame) {
    String topic = frame.getString("topic");
    if ("state".equals(frame.getString("type"))) {
      held.put(topic, frame);
    } else if ("patch".equals(frame.getString("type"))) {
      JsonObject base = held.get(topic);
      if (base == null || !base.getString("epoch").equals(frame.getString("epoch"))
          || base.getLong("rev") != frame.getLong("base").longValue()) {
        // the server sends a patch only on top of what it sent: a test that waits for states sees this instead
        return new JsonObject().put("type", "unapplied_patch").put("frame", frame).put("held", base);
      }
      JsonObject state = frame.copy().put("type", "state")
          .put("data", MergePatches.apply(base.getJsonObject("data"), frame.getJsonObject("data")))
          .put("patch", frame.getJsonObject("data"))
          .put("patchBytes", frame.encode().getBytes(StandardCharsets.UTF_8).length);
      held.put(topic, state);
      return state;
    }
    return frame;
  }

  public ScreenClient hello(String screen, String... topics) {
    send(new JsonObject().put("type", "hello").put("screen", screen).put("topics", new JsonArray(List.of(topics))));
    return this;
  }

  public void send(JsonObject frame) {
    ws.writeTextMessage(frame.encode());
  }

  /** The next frame matching {@code wanted}, skipping others; fails after 10 s. */
  public JsonObject next(Predicate<JsonObject> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject frame = inbox.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new AssertionError("no matching frame within 10 s; received: " + received);
      }
      if (wanted.test(frame)) {
        return frame;
      }
    }
  }

  public JsonObject nextState(String topic) throws InterruptedException {
    return next(frame -> "state".equals(frame.getString("type")) && topic.equals(frame.getString("topic")));
  }

  public JsonObject nextOfType(String type) throws InterruptedException {
    return next(frame -> type.equals(frame.getString("type")));
  }

  /** Frames that arrive within {@code ms}, without waiting for any in particular. */
  public List<JsonObject> drain(long ms) throws InterruptedException {
    List<JsonObject> frames = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return frames;
      }
      JsonObject frame = inbox.poll(left, TimeUnit.NANOSECONDS);
      if (frame != null) {
        frames.add(frame);
      }
    }
  }

  @Override
  public void close() throws Exception {
    client.close().await(5, TimeUnit.SECONDS);
  }
}
