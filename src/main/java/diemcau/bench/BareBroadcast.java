package diemcau.bench;

import diemcau.net.Transports;
import diemcau.metrics.MetricsRoutes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The reference the hub is held to: a bare Vert.x server that does nothing but broadcast one
 * frame to every socket. It speaks just enough of diemcau's protocol (hello → a state of each
 * topic; a {@code command} frame → a new {@code screen} state to everyone and an ack; {@code GET
 * /api/metrics} → the same figures as diemcau's) for the same fleet to measure it the same way.
 * Written the way the fan-out facts say is fastest: the frame encoded once, one socket list and
 * one event-bus consumer per event loop, {@code writeQueueFull()} checked.
 *
 * <p>The bench runs it as a child JVM from its own class path ({@link #main}), so its heap, RSS
 * and process CPU are its own, as the server's are.
 */
public final class BareBroadcast implements AutoCloseable {

  private static final String ADDRESS = "bare.broadcast";

  private final Vertx vertx;
  private final Shared shared;
  final int port;

  private BareBroadcast(Vertx vertx, Shared shared, int port) {
    this.vertx = vertx;
    this.shared = shared;
    this.port = port;
  }

  /** What every loop's verticle shares: the revision, the frame size, its threads and counters. */
  private static final class Shared {
    final AtomicLong rev = new AtomicLong(1);
    final int frameBytes;
    final LongAdder delivered = new LongAdder();
    final LongAdder connections = new LongAdder();
    final String epoch = "bare-" + Long.toString(System.currentTimeMillis(), 36);

    Shared(int frameBytes) {
      this.frameBytes = frameBytes;
    }

    /** A {@code state} frame of {@code topic} padded to the frame size the run measured on diemcau. */
    byte[] frame(String topic, long rev) {
      String head = "{\"type\":\"state\",\"topic\":\"" + topic + "\",\"epoch\":\"" + epoch + "\",\"rev\":" + rev
          + ",\"server\":" + System.currentTimeMillis() + ",\"data\":{\"message\":\"";
      String tail = "\"}}";
      int pad = Math.max(0, frameBytes - head.length() - tail.length());
      return (head + "x".repeat(pad) + tail).getBytes(StandardCharsets.US_ASCII);
    }
  }

  static BareBroadcast start(String host, int loops, int frameBytes, String transport) throws Exception {
    Vertx vertx = Transports.vertx(new VertxOptions().setEventLoopPoolSize(loops), Transports.named(transport, "transport"));
    Shared shared = new Shared(frameBytes);
    int[] port = new int[1];
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      port[0] = probe.getLocalPort();
    }
    try {
      vertx.deployVerticle(() -> new Loop(shared, host, port[0]), new DeploymentOptions().setInstances(loops))
          .await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw e;
    }
    return new BareBroadcast(vertx, shared, port[0]);
  }

  /** {@code java -cp … diemcau.bench.BareBroadcast HOST LOOPS FRAME_BYTES TRANSPORT}: serves until killed; prints its port. */
  public static void main(String[] args) throws Exception {
    BareBroadcast bare = start(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3]);
    System.out.println(LISTENING + bare.port);
    System.out.flush();
    Thread.currentThread().join();
  }

  /** The line the child prints once it listens, followed by its port. */
  static final String LISTENING = "bare broadcast listening on port ";

  @Override
  public void close() {
    try {
      vertx.close().await(20, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // best effort at the end of a run
    }
  }

  /** One event loop: its sockets, its consumer of the broadcast, its share of the HTTP server. */
  private static final class Loop extends VerticleBase {
    private final Shared shared;
    private final String host;
    private final int port;
    private final List<ServerWebSocket> sockets = new ArrayList<>();
    private MessageConsumer<Buffer> consumer;

    Loop(Shared shared, String host, int port) {
      this.shared = shared;
      this.host = host;
      this.port = port;
    }

    @Override
    public Future<?> start() {
      consumer = vertx.eventBus().localConsumer(ADDRESS, message -> broadcast(message.body().getBytes()));
      HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
          .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false);
      HttpServer server = vertx.createHttpServer(options)
          .webSocketHandler(this::accept)
          .requestHandler(this::request);
      return consumer.completion().compose(ignored -> server.listen());
    }

    private void accept(ServerWebSocket ws) {
      sockets.add(ws);
      shared.connections.increment();
      ws.textMessageHandler(text -> {
        JsonObject frame = new JsonObject(text);
        if ("command".equals(frame.getString("type"))) {
          long rev = shared.rev.incrementAndGet();
          vertx.eventBus().publish(ADDRESS, Buffer.buffer(shared.frame("screen", rev)));
          ws.writeTextMessage(new JsonObject().put("type", "ack").put("id", frame.getValue("id")).put("ok", true)
              .put("rev", rev).encode());
        } else {
          write(ws, shared.frame("agenda", 1));
          write(ws, shared.frame("screen", shared.rev.get()));
        }
      });
      ws.closeHandler(ignored -> {
        sockets.remove(ws);
        shared.connections.decrement();
      });
      ws.exceptionHandler(ignored -> ws.close());
    }

    private void request(HttpServerRequest request) {
      if (request.method() == HttpMethod.GET && "/api/metrics".equals(request.path())) {
        boolean gc = "true".equals(request.getParam("gc"));
        vertx.<JsonObject>executeBlocking(() -> {
          if (gc) {
            System.gc();
            System.gc();
          }
          return MetricsRoutes.snapshot(vertx, null)
              .put("connections", shared.connections.sum())
              .put("framesSent", shared.delivered.sum())
              .put("parked", 0)
              .put("gc", gc);
        }, false).onSuccess(json -> request.response().putHeader("Content-Type", "application/json").end(json.encode()));
      } else if (request.method() == HttpMethod.GET && "/api/state/agenda".equals(request.path())) {
        request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"running\"}");
      } else {
        request.response().setStatusCode(404).end();
      }
    }

    private void broadcast(byte[] frame) {
      long sent = 0;
      for (ServerWebSocket ws : sockets) {
        if (write(ws, frame)) {
          sent++;
        }
      }
      shared.delivered.add(sent);
    }

    private static boolean write(ServerWebSocket ws, byte[] frame) {
      if (ws.writeQueueFull()) {
        return false;
      }
      ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, frame, true));
      return true;
    }
  }
}
