package diemcau;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar diemcau.jar [options]}: turns flags and environment into settings and runs the server. */
@Command(name = "diemcau", mixinStandardHelpOptions = true, version = "diemcau 0.1",
    subcommands = {diemcau.bench.BenchCommand.class, diemcau.simulate.SimulateCommand.class},
    description = "The live control room of the contest: serves the screens, consoles and API.")
public final class Main implements Callable<Integer> {

  @Option(names = "--host", defaultValue = "${env:DIEMCAU_HOST:-0.0.0.0}", description = "Address to listen on (DIEMCAU_HOST).")
  String host;

  @Option(names = "--port", defaultValue = "${env:DIEMCAU_PORT:-8080}", description = "HTTP port (DIEMCAU_PORT).")
  int port;

  @Option(names = "--data", defaultValue = "${env:DIEMCAU_DATA:-./data}", description = "Data folder (DIEMCAU_DATA).")
  Path data;

  @Option(names = "--db-url", defaultValue = "${env:DIEMCAU_DB_URL}", description = "jdbc:mysql: or jdbc:mariadb: URL (DIEMCAU_DB_URL); default: the embedded SQLite database in the data folder.")
  String dbUrl;

  @Option(names = "--db-user", defaultValue = "${env:DIEMCAU_DB_USER}", description = "Database user (DIEMCAU_DB_USER).")
  String dbUser;

  @Option(names = "--db-password", defaultValue = "${env:DIEMCAU_DB_PASSWORD}", description = "Database password (DIEMCAU_DB_PASSWORD).")
  String dbPassword;

  @Option(names = "--mc-token", defaultValue = "${env:DIEMCAU_MC_TOKEN}", description = "MC token (DIEMCAU_MC_TOKEN); generated when unset.")
  String mcToken;

  @Option(names = "--admin-token", defaultValue = "${env:DIEMCAU_ADMIN_TOKEN}", description = "Admin token (DIEMCAU_ADMIN_TOKEN); generated when unset.")
  String adminToken;

  @Option(names = "--event", defaultValue = "${env:DIEMCAU_EVENT}", description = "Event file (JSON) replacing the shipped Hải Phòng 2026 event.")
  Path event;

  @Option(names = "--public-url", defaultValue = "${env:DIEMCAU_PUBLIC_URL}", description = "The address screens reach this server at, for printed bridge links and QR codes (DIEMCAU_PUBLIC_URL); default: the address the admin page was opened with.")
  String publicUrl;

  @Option(names = "--transport", defaultValue = "${env:DIEMCAU_TRANSPORT:-auto}", description = "Network transport (DIEMCAU_TRANSPORT): auto (Linux epoll where it loads, else Java NIO), epoll, io_uring or nio.")
  String transport;

  @Option(names = "--request-timeout", defaultValue = "${env:DIEMCAU_REQUEST_TIMEOUT:-10}", description = "Seconds a connection has to send a whole request head, or a socket's handshake (DIEMCAU_REQUEST_TIMEOUT).")
  int requestTimeout;

  @Option(names = "--idle-timeout", defaultValue = "${env:DIEMCAU_IDLE_TIMEOUT:-60}", description = "Seconds an HTTP connection may stay silent; never applies to an open socket (DIEMCAU_IDLE_TIMEOUT).")
  int idleTimeout;

  @Option(names = "--max-connections-per-address", defaultValue = "${env:DIEMCAU_MAX_CONNECTIONS_PER_ADDRESS:-1000}", description = "Connections one address may hold, sockets identified by a token or key not counted (DIEMCAU_MAX_CONNECTIONS_PER_ADDRESS).")
  int connectionsPerAddress;

  @Option(names = "--max-auth-failures", defaultValue = "${env:DIEMCAU_MAX_AUTH_FAILURES:-30}", description = "Wrong tokens or keys one address may present in a minute before the next ones are answered 429 (DIEMCAU_MAX_AUTH_FAILURES).")
  int authFailures;

  @Option(names = "--proxy-protocol", defaultValue = "${env:DIEMCAU_PROXY_PROTOCOL:-false}", description = "Connections come through a proxy that sends the PROXY protocol (HAProxy send-proxy-v2, nginx proxy_protocol) (DIEMCAU_PROXY_PROTOCOL).")
  boolean proxyProtocol;

  @Option(names = "--fresh-database", defaultValue = "${env:DIEMCAU_FRESH_DATABASE:-false}", description = "Start with a new, empty embedded database in a data folder that has its secrets but no database file (DIEMCAU_FRESH_DATABASE=true); without it such a folder is refused, as its database was lost or moved.")
  boolean freshDatabase;

  @Option(names = "--cluster", defaultValue = "${env:DIEMCAU_CLUSTER:-false}", description = "Run as one node of several that act as one server (DIEMCAU_CLUSTER=true); needs DIEMCAU_DB_URL and DIEMCAU_CLUSTER_MEMBERS.")
  boolean cluster;

  @Option(names = "--cluster-members", defaultValue = "${env:DIEMCAU_CLUSTER_MEMBERS}", description = "The cluster's members, host:port,host:port (DIEMCAU_CLUSTER_MEMBERS); joined by TCP, never multicast.")
  String clusterMembers;

  @Option(names = "--cluster-host", defaultValue = "${env:DIEMCAU_CLUSTER_HOST:-127.0.0.1}", description = "The one interface the cluster port listens on (DIEMCAU_CLUSTER_HOST).")
  String clusterHost;

  @Option(names = "--cluster-port", defaultValue = "${env:DIEMCAU_CLUSTER_PORT:-5701}", description = "This node's cluster port (DIEMCAU_CLUSTER_PORT).")
  int clusterPort;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    Settings settings;
    try {
      settings = new Settings(host, port, data, dbUrl, dbUser, dbPassword, mcToken, adminToken, event, publicUrl, transport,
          new diemcau.web.ConnectionLimits(requestTimeout, idleTimeout, connectionsPerAddress, authFailures, proxyProtocol), freshDatabase,
          new diemcau.cluster.ClusterSettings(cluster, clusterHost, clusterPort, diemcau.cluster.ClusterSettings.parseMembers(clusterMembers)));
    } catch (IllegalArgumentException e) {
      System.err.println("diemcau: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Server server;
    try {
      server = Server.start(settings, Clock.systemUTC()).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("diemcau: cannot start: " + e.getMessage());
      return 1;
    }
    // System.console() is there only when the output is a terminal a person watches
    server.credentials().generatedNotice(System.console() != null).ifPresent(System.out::println);
    long ready = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.printf("diemcau ready on http://%s:%d in %d ms (event %s, %s transport)%n", settings.host(), settings.port(),
        ready, server.event().id(), server.transport());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop().await(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // the process is ending anyway
      }
      stopped.countDown();
    }, "diemcau-shutdown"));
    stopped.await();
    return 0;
  }
}
