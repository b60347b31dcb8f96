package diemcau.bench;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The server under test, over its HTTP API: commands, topic states, bridge links and metrics. */
final class Target implements AutoCloseable {

  /** A command's answer and when it was sent (nanoTime, taken just before the request left). */
  record Sent(JsonObject reply, long sentNanos) {}

  final String host;
  final int port;
  final boolean ssl;
  private final URI base;
  private final String mcToken;
  private final String adminToken;
  /** The JDK's client, on its own thread: commands never queue behind the viewers' event loops. */
  private final HttpClient http;

  Target(URI url, String mcToken, String adminToken) {
    this.host = url.getHost();
    this.ssl = "https".equals(url.getScheme());
    this.port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
    this.base = URI.create(url.getScheme() + "://" + url.getRawAuthority());
    this.mcToken = mcToken;
    this.adminToken = adminToken;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
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

  boolean hasAdmin() {
    return adminToken != null && !adminToken.isBlank();
  }

  /** Sends an MC command and waits for its answer; a refusal is an exception naming the server's error. */
  Sent command(String name, JsonObject args) throws Exception {
    String body = new JsonObject().put("name", name).put("args", args == null ? new JsonObject() : args).encode();
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/commands"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + mcToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    long sent = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    String text = response.body();
    JsonObject reply = text != null && text.startsWith("{") ? new JsonObject(text)
        : new JsonObject().put("ok", false).put("error", new JsonObject().put("message", text));
    if (!Boolean.TRUE.equals(reply.getBoolean("ok"))) {
      throw new IllegalStateException("command " + name + " refused (HTTP " + response.statusCode() + "): "
          + reply.getValue("error"));
    }
    return new Sent(reply, sent);
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
  JsonObject metrics(boolean gc) throws Exception {
    return hasAdmin() ? get("/api/metrics" + (gc ? "?gc=true" : ""), adminToken) : null;
  }

  /** The bridge sites' links with their keys ({@code GET /api/bridges/links}); null without the admin token. */
  JsonObject bridgeLinks() throws Exception {
    return hasAdmin() ? get("/api/bridges/links", adminToken) : null;
  }

  @Override
  public void close() {
    // the JDK client ends its connections once unreachable
  }
}
