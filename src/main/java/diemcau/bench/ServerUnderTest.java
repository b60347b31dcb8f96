package diemcau.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server under test: commands over an MC socket, as the MC console sends them, or over
 * {@code POST /api/commands}, as scripts do (the door); topic states, bridge links and metrics
 * over its HTTP API.
 */
final class ServerUnderTest implements AutoCloseable, Metered {

  /** A command's answer ({@code ok}, {@code rev}) and when it was sent (nanoTime, just before the frame was written). */
  record Sent(JsonObject reply, long sentNanos) {}

  private record Waiting(CompletableFuture<Sent> ack, long sentNanos) {}

  static final String SOCKET = "socket";
  static final String REST = "rest";
  static final java.util.Set<String> DOORS = java.util.Set.of(SOCKET, REST);
  private static final long ACK_TIMEOUT_MS = 30_000;

  final String host;
  final int port;
  final boolean ssl;
  private final URI base;
  private final String mcToken;
  private final String adminToken;
  private final HttpClient http;
  /** The MC socket's event loop, its own: commands never queue behind the viewers' frames. */
  private final Vertx console;
  private final Context consoleContext;
  private final String door;
  private final Map<Long, Waiting> waiting = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private WebSocketClient consoleClient;
  private WebSocket consoleSocket;
  /** The REST door's client, on the console's loop: one kept-alive connection, as a script would use. */
  private io.vertx.core.http.HttpClient restClient;

  ServerUnderTest(URI url, String mcToken, String adminToken, Vertx console, String door) {
    this.door = door;
    Endpoint endpoint = Endpoint.of(url);
    this.host = endpoint.host();
    this.ssl = endpoint.ssl();
    this.port = endpoint.port();
    this.base = URI.create(url.getScheme() + "://" + url.getRawAuthority());
    this.mcToken = mcToken;
    this.adminToken = adminToken;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    this.console = console;
    this.consoleContext = console.getOrCreateContext();
  }

  /** The server's scheme, host and port: two instances with the same address (one per door) are one server. */
  String address() {
    return base.toString();
  }

  /** The server's base URL (scheme, host and port). */
  URI url() {
    return base;
  }

  /** Where its sockets connect. */
  Endpoint endpoint() {
    return new Endpoint(host, port, ssl);
  }

  /** Is the server on this machine (a loopback or local address)? Then its clock and CPU are this machine's. */
  boolean local() {
    try {
      InetAddress address = InetAddress.getByName(host);
      return address.isLoopbackAddress() || address.isAnyLocalAddress()
          || java.net.NetworkInterface.getByInetAddress(address) != null;
    } catch (Exception e) {
      return false;
    }
  }

  /** How this instance sends its commands: {@link #SOCKET} or {@link #REST}. */
  String door() {
    return door;
  }

  boolean hasAdmin() {
    return adminToken != null && !adminToken.isBlank();
  }

  /** Sends an MC command by the door and waits for its answer; a refusal is an exception naming the server's error. */
  Sent command(String name, JsonObject args) throws Exception {
    CompletableFuture<Sent> ack = REST.equals(door) ? post(name, args) : send(name, args);
    Sent sent;
    try {
      sent = ack.get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      waiting.values().removeIf(pending -> pending.ack() == ack);
      throw new IllegalStateException("command " + name + ": no answer within " + ACK_TIMEOUT_MS + " ms");
    }
    if (!Boolean.TRUE.equals(sent.reply().getBoolean("ok"))) {
      throw new IllegalStateException("command " + name + " refused: " + sent.reply().getValue("error"));
    }
    return sent;
  }

  private CompletableFuture<Sent> send(String name, JsonObject args) throws Exception {
    WebSocket ws = consoleSocket();
    long id = ids.incrementAndGet();
    String frame = new JsonObject().put("type", "command").put("id", id).put("name", name)
        .put("args", args == null ? new JsonObject() : args).encode();
    CompletableFuture<Sent> ack = new CompletableFuture<>();
    consoleContext.runOnContext(onLoop -> {
      waiting.put(id, new Waiting(ack, System.nanoTime()));
      ws.writeTextMessage(frame);
    });
    return ack;
  }

  /**
   * {@code POST /api/commands} on the console's loop, on its kept-alive connection, timed as the
   * socket door is: from just before the request is written.
   */
  private CompletableFuture<Sent> post(String name, JsonObject args) {
    Buffer body = new JsonObject().put("name", name).put("args", args == null ? new JsonObject() : args).toBuffer();
    CompletableFuture<Sent> answer = new CompletableFuture<>();
    consoleContext.runOnContext(onLoop -> {
      if (restClient == null) {
        restClient = console.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port).setSsl(ssl)
            .setTrustAll(true).setVerifyHost(false).setKeepAlive(true)
            // accepts gzip, as HTTP libraries (Python's requests, browsers' fetch) do
            .setDecompressionSupported(true), new PoolOptions().setHttp1MaxSize(1));
      }
      long[] sentNanos = new long[1];
      restClient.request(HttpMethod.POST, "/api/commands")
          .compose(request -> {
            request.putHeader("Authorization", "Bearer " + mcToken).putHeader("Content-Type", "application/json");
            sentNanos[0] = System.nanoTime();
            return request.send(body);
          })
          .compose(response -> response.body())
          .map(Buffer::toJsonObject)
          .onSuccess(reply -> answer.complete(new Sent(reply, sentNanos[0])))
          .onFailure(answer::completeExceptionally);
    });
    return answer;
  }

  /** The MC socket, opened with the MC token at the first command or before; refused with a wrong token. */
  synchronized WebSocket consoleSocket() throws Exception {
    if (consoleSocket != null && !consoleSocket.isClosed()) {
      return consoleSocket;
    }
    if (consoleClient == null) {
      consoleClient = console.createWebSocketClient(new WebSocketClientOptions()
          .setTryUsePerMessageCompression(false).setTryUsePerFrameCompression(false)
          .setMaxMessageSize(16 * 1024 * 1024).setTrustAll(true).setVerifyHost(false));
    }
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setSsl(ssl)
        .setURI("/ws").addHeader("Authorization", "Bearer " + mcToken).setTimeout(10_000);
    CompletableFuture<WebSocket> opened = new CompletableFuture<>();
    consoleContext.runOnContext(onLoop -> consoleClient.connect(options).onComplete(done -> {
      if (done.failed()) {
        opened.completeExceptionally(done.cause());
        return;
      }
      WebSocket ws = done.result();
      ws.textMessageHandler(text -> onConsoleFrame(new JsonObject(text)));
      ws.closeHandler(ignored -> {
        IllegalStateException closed = new IllegalStateException("the MC socket was closed by the server");
        waiting.values().forEach(pending -> pending.ack().completeExceptionally(closed));
        waiting.clear();
      });
      opened.complete(ws);
    }));
    try {
      consoleSocket = opened.get(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("the MC socket to " + host + ":" + port + " was refused (is --mc-token right?): "
          + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the MC socket to " + host + ":" + port + " did not open within 15 s");
    }
    return consoleSocket;
  }

  private void onConsoleFrame(JsonObject frame) {
    if (!"ack".equals(frame.getString("type")) || !(frame.getValue("id") instanceof Number id)) {
      return;
    }
    Waiting pending = waiting.remove(id.longValue());
    if (pending != null) {
      pending.ack().complete(new Sent(frame, pending.sentNanos()));
    }
  }

  JsonObject get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }

  JsonObject state(String topic) throws Exception {
    return get("/api/state/" + topic, null);
  }

  /** The server's own figures ({@code GET /api/metrics}), after a GC when asked; null without the admin token. */
  @Override
  public JsonObject metrics(boolean gc) throws Exception {
    return hasAdmin() ? get("/api/metrics" + (gc ? "?gc=true" : ""), adminToken) : null;
  }

  /** The bridge sites' links with their keys ({@code GET /api/bridges/links}); null without the admin token. */
  JsonObject bridgeLinks() throws Exception {
    return hasAdmin() ? get("/api/bridges/links", adminToken) : null;
  }

  @Override
  public void close() {
    // the JDK client ends its connections once unreachable
    if (consoleClient != null) {
      awaitClosed(consoleClient.close());
    }
    if (restClient != null) {
      awaitClosed(restClient.close());
    }
  }

  private static void awaitClosed(io.vertx.core.Future<Void> closing) {
    try {
      closing.await(10, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // best effort at the end of a run
    }
  }
}
