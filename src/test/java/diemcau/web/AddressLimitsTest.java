package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("Per-address limits: half-sent requests time out, one address cannot hold the server, wrong tokens slow down; "
    + "identified screens and right tokens are never limited")
class AddressLimitsTest {

  /** Small limits, so the test sees them in seconds. */
  private static final ConnectionLimits LIMITS = new ConnectionLimits(2, 3, 20, 10, false);

  private TestServer server;
  private Vertx vertx;
  private final List<ScreenClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(LIMITS);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    for (ScreenClient client : clients) {
      client.close();
    }
    vertx.close().await();
    server.close();
  }

  @Test
  @DisplayName("a connection that sends nothing, or a request head a byte at a time, is closed at the request timeout; "
      + "an open socket is not, however quiet")
  void requestTimeout() throws Exception {
    ScreenClient quietScreen = screen("/ws").hello("public", "agenda");
    quietScreen.nextState("agenda");
    long started = System.nanoTime();
    try (Socket silent = raw(); Socket trickling = raw()) {
      OutputStream out = trickling.getOutputStream();
      out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 12 && !closed(trickling); i++) {
        out.write('X');
        out.flush();
        Thread.sleep(400);
      }
      assertThat(closed(trickling)).as("the trickled head was cut").isTrue();
      assertThat(waitClosed(silent, 3_000)).as("the silent connection was closed").isTrue();
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    assertThat(seconds).isLessThan(8);
    assertThat(addresses().getLong("requestTimeouts")).isGreaterThanOrEqualTo(2);
    // past both timeouts, the quiet socket still answers
    quietScreen.send(new JsonObject().put("type", "ping").put("id", 7).put("t0", 0));
    assertThat(quietScreen.nextOfType("pong").getInteger("id")).isEqualTo(7);
  }

  @Test
  @DisplayName("an address at its cap gets no more anonymous sockets or pages, but consoles with a right token and the "
      + "hall with its key still get in, and do not count")
  void connectionCap() throws Exception {
    String hall = server.server.linkKeys().hallKey();
    for (int i = 0; i < 5; i++) {
      screen("/ws?hall=" + hall).hello("hall", "agenda").nextState("agenda");
    }
    List<ScreenClient> viewers = new ArrayList<>();
    for (int i = 0; i < LIMITS.connectionsPerAddress(); i++) {
      viewers.add(screen("/ws"));
    }
    assertThatThrownBy(() -> screen("/ws")).hasMessageContaining("429");
    Rest.Reply page = Rest.get(server.port, "/health", null);
    assertThat(page.status()).isEqualTo(429);
    assertThat(page.body().getJsonObject("error").getString("code")).isEqualTo("too_many_connections");
    ScreenClient mc = screen("/ws", TestServer.MC_TOKEN).hello("mc", "agenda");
    mc.nextState("agenda");
    screen("/ws?hall=" + hall).hello("hall", "agenda").nextState("agenda");
    assertThat(Rest.get(server.port, "/api/whoami", TestServer.MC_TOKEN).status()).isEqualTo(200);
    JsonObject seen = addresses();
    assertThat(seen.getInteger("addressesAtCap")).isEqualTo(1);
    assertThat(seen.getLong("connectionsRefused")).isGreaterThanOrEqualTo(2);

    for (ScreenClient viewer : viewers.subList(0, 3)) {
      viewer.close();
      clients.remove(viewer);
    }
    Thread.sleep(300);
    screen("/ws").hello("public", "agenda").nextState("agenda");
    assertThat(Rest.get(server.port, "/health", null).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("wrong tokens past the minute's budget are answered 429 a second late, logged once for the address and "
      + "counted; the right token still gets in at once")
  void wrongTokens() throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(AddressGuard.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    log.addAppender(lines);
    try {
      for (int i = 0; i < LIMITS.authFailuresPerMinute(); i++) {
        assertThat(Rest.get(server.port, "/api/whoami", "wrong-token-" + i).status()).isEqualTo(401);
      }
      long started = System.nanoTime();
      Rest.Reply throttled = Rest.get(server.port, "/api/whoami", "wrong-token-x");
      long ms = (System.nanoTime() - started) / 1_000_000;
      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.body().getJsonObject("error").getString("code")).isEqualTo("too_many_failures");
      assertThat(ms).isGreaterThanOrEqualTo(900);
      assertThatThrownBy(() -> screen("/ws", "wrong-token-y")).hasMessageContaining("429");
      assertThatThrownBy(() -> screen("/ws?unit=11560&key=wrong")).hasMessageContaining("429");
      for (int i = 0; i < 3; i++) {
        assertThat(Rest.get(server.port, "/api/commands", "wrong-token-z").status()).isIn(404, 405, 429);
      }

      started = System.nanoTime();
      assertThat(Rest.get(server.port, "/api/whoami", TestServer.MC_TOKEN).status()).isEqualTo(200);
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(900);
      screen("/ws", TestServer.ADMIN_TOKEN).hello("admin", "agenda").nextState("agenda");

      JsonObject seen = addresses();
      assertThat(seen.getLong("authFailures")).isGreaterThanOrEqualTo(LIMITS.authFailuresPerMinute() + 3);
      assertThat(seen.getLong("authThrottled")).isGreaterThanOrEqualTo(3);
      assertThat(seen.getLong("addressesThrottled")).isEqualTo(1);
      assertThat(lines.list).filteredOn(line -> line.getLevel() == Level.WARN)
          .singleElement().satisfies(line -> assertThat(line.getFormattedMessage()).contains("127.0.0.1").contains("429"));
    } finally {
      log.detachAppender(lines);
    }
  }

  private ScreenClient screen(String uri) throws Exception {
    return screen(uri, null);
  }

  /** A socket; a token goes in the Authorization header, as a script sends it. */
  private ScreenClient screen(String uri, String token) throws Exception {
    ScreenClient client = token == null ? ScreenClient.connect(vertx, server.port, uri)
        : ScreenClient.connect(vertx, server.port, uri, token);
    clients.add(client);
    return client;
  }

  private JsonObject addresses() throws Exception {
    return Rest.get(server.port, "/api/metrics", TestServer.ADMIN_TOKEN).body().getJsonObject("addresses");
  }

  private Socket raw() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", server.port), 2_000);
    return socket;
  }

  private static boolean closed(Socket socket) throws IOException {
    return waitClosed(socket, 1);
  }

  /** True once the server has closed the connection (a read sees its end), within {@code ms}. */
  private static boolean waitClosed(Socket socket, int ms) throws IOException {
    socket.setSoTimeout(ms);
    InputStream in = socket.getInputStream();
    try {
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException open) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
