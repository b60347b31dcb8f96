package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The README's HAProxy configuration, read from the README and run by Debian's haproxy in front of
 * a server started with the PROXY protocol: pages and sockets over TLS, each client's own address
 * seen by the server, and no key in the proxy's log.
 */
@DisplayName("Behind TLS: the README's HAProxy lines, run as written")
class TlsProxyTest {

  private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
  private static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private TestServer server;
  private Process haproxy;
  private Vertx vertx;

  @AfterEach
  void stop() throws Exception {
    if (haproxy != null) {
      haproxy.destroy();
      haproxy.waitFor(5, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("pages and sockets pass over TLS, the server limits the client's own address, the log keeps no key")
  void behindHaproxy(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(HAPROXY) && Files.isExecutable(OPENSSL),
        "TLS proxy test skipped: install Debian's haproxy and openssl to run it (.ci/run does)");
    server = TestServer.start(new ConnectionLimits(10, 60, 1_000, 1, true));
    Path pem = certificate(dir);
    int tls = TestServer.freePort();
    int plain = TestServer.freePort();
    String config = readmeBlock("haproxy")
        .replace("bind :443", "bind 127.0.0.1:" + tls)
        .replace("bind :80", "bind 127.0.0.1:" + plain)
        .replace("/etc/haproxy/diemcau.pem", pem.toString())
        .replace("127.0.0.1:8080", "127.0.0.1:" + server.port);
    Path file = dir.resolve("haproxy.cfg");
    Files.writeString(file, config);
    haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString()).redirectErrorStream(true).start();
    List<String> log = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(haproxy.getInputStream(), StandardCharsets.UTF_8))
        .lines().forEach(log::add), "haproxy-log");
    reader.setDaemon(true);
    reader.start();

    String key = server.server.credentials().bridgeKey("11560");
    String bridge = waitForAnswer(tls, "GET /bridge?unit=11560&key=" + key + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(bridge).startsWith("HTTP/1.1 200");

    vertx = Vertx.vertx();
    ScreenClient screen = ScreenClient.connect(vertx, new WebSocketConnectOptions().setHost("127.0.0.1").setPort(tls)
        .setSsl(true).setURI("/ws?unit=11560&key=" + key));
    screen.hello("bridge", "agenda").nextState("agenda");
    screen.close();

    Logger guard = (Logger) LoggerFactory.getLogger(AddressGuard.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    guard.addAppender(lines);
    try {
      for (int i = 0; i < 2; i++) {
        request(tls, InetAddress.getByName("127.0.0.2"),
            "GET /api/whoami HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer wrong-token\r\nConnection: close\r\n\r\n");
      }
      assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(line -> line.contains("127.0.0.2"));
    } finally {
      guard.detachAppender(lines);
    }
    Thread.sleep(300);
    assertThat(log).as("haproxy's log").anyMatch(line -> line.contains("GET /bridge"));
    assertThat(String.join("\n", log)).doesNotContain(key).doesNotContain("wrong-token");
  }

  /** The README's one fenced block of {@code language}. */
  private static String readmeBlock(String language) throws Exception {
    Matcher block = Pattern.compile("(?ms)^```" + language + "\\n(.*?)^```").matcher(Files.readString(Path.of("README.md")));
    assertThat(block.find()).as("a ```%s block in the README", language).isTrue();
    return block.group(1);
  }

  private static Path certificate(Path dir) throws Exception {
    Process openssl = new ProcessBuilder(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-subj", "/CN=localhost", "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString())
        .redirectErrorStream(true).start();
    openssl.getInputStream().readAllBytes();
    assertThat(openssl.waitFor()).isZero();
    Path pem = dir.resolve("diemcau.pem");
    Files.writeString(pem, Files.readString(dir.resolve("cert.pem")) + Files.readString(dir.resolve("key.pem")));
    return pem;
  }

  /** Asks until haproxy listens and has found the server up, then returns the answer. */
  private static String waitForAnswer(int port, String request) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (true) {
      try {
        String answer = request(port, InetAddress.getLoopbackAddress(), request);
        if (answer.startsWith("HTTP/1.1 2") || System.currentTimeMillis() > deadline) {
          return answer;
        }
      } catch (java.io.IOException notYet) {
        if (System.currentTimeMillis() > deadline) {
          throw notYet;
        }
      }
      Thread.sleep(100);
    }
  }

  private static String request(int port, InetAddress from, String request) throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new TrustingManager()}, new SecureRandom());
    try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port, from, 0)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The test's own certificate is self-signed. */
  private static final class TrustingManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
