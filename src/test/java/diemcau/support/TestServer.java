package diemcau.support;

import diemcau.web.ConnectionLimits;
import diemcau.Server;
import diemcau.Settings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real server on a free loopback port, with its own data folder and known tokens. */
public final class TestServer implements AutoCloseable {

  public static final String MC_TOKEN = "mc-token-for-tests";
  public static final String ADMIN_TOKEN = "admin-token-for-tests";

  public final Server server;
  public final int port;
  public final Path dataDir;

  private TestServer(Server server, int port, Path dataDir) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
  }

  public static TestServer start() throws Exception {
    return start(Files.createTempDirectory("diemcau-test"), null);
  }

  public static TestServer start(Path dataDir, String dbUrl) throws Exception {
    return start(dataDir, dbUrl, "auto");
  }

  /**
   * The limits of a test server: the defaults, except that one address (127.0.0.1, where every
   * test's screens come from) may hold as many sockets as the tests open, as a bench's would.
   */
  public static final ConnectionLimits LIMITS = new ConnectionLimits(ConnectionLimits.DEFAULT.requestTimeoutSeconds(),
      ConnectionLimits.DEFAULT.idleTimeoutSeconds(), 20_000, ConnectionLimits.DEFAULT.authFailuresPerMinute(), false);

  public static TestServer start(Path dataDir, String dbUrl, String transport) throws Exception {
    return start(dataDir, dbUrl, transport, LIMITS, false);
  }

  public static TestServer start(ConnectionLimits limits) throws Exception {
    return start(Files.createTempDirectory("diemcau-test"), null, "auto", limits, false);
  }

  /** With {@code limits}, and {@code freshDatabase} as {@code --fresh-database}. */
  public static TestServer start(Path dataDir, String dbUrl, String transport, ConnectionLimits limits, boolean freshDatabase)
      throws Exception {
    int port = freePort();
    Settings settings = new Settings("127.0.0.1", port, dataDir, dbUrl, dbUrl == null ? null : "root", null,
        MC_TOKEN, ADMIN_TOKEN, null, null, transport, limits, freshDatabase);
    Server server = Server.start(settings, Clock.systemUTC()).await(60, TimeUnit.SECONDS);
    return new TestServer(server, port, dataDir);
  }

  /** The environment of a server run as its own process: on 127.0.0.1:{@code port}, data in {@code data}, the tests' tokens. */
  public static Map<String, String> processEnvironment(int port, Path data) {
    return Map.of("DIEMCAU_PORT", Integer.toString(port), "DIEMCAU_HOST", "127.0.0.1", "DIEMCAU_DATA", data.toString(),
        "DIEMCAU_MC_TOKEN", MC_TOKEN, "DIEMCAU_ADMIN_TOKEN", ADMIN_TOKEN);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public String http(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Override
  public void close() throws Exception {
    server.stop().await(20, TimeUnit.SECONDS);
  }
}
