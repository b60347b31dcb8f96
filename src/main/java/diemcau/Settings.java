package diemcau;

import java.nio.file.Path;

/**
 * Every setting of a server run, read once from flags and environment ({@code DIEMCAU_*})
 * and passed in. {@code dbUrl} null means the embedded database in {@code dataDir}; {@code freshDatabase}
 * lets it start empty in a data folder that has secrets but has lost its database; {@code transport}
 * is one of {@link Transports#NAMES}.
 */
public record Settings(
    String host,
    int port,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String mcToken,
    String adminToken,
    Path eventFile,
    String publicUrl,
    String transport,
    Limits limits,
    boolean freshDatabase,
    diemcau.cluster.ClusterSettings cluster) {

  /**
   * What one address may do before the server stops it; defaults that a real audience never meets
   * (a hall's phones behind one NAT address, a room's screens), and that bound an attacker.
   *
   * @param requestTimeoutSeconds a connection must send a whole request head (a page, an API call,
   *     a socket's handshake) within this of opening or of its previous answer, else it is closed
   * @param idleTimeoutSeconds an HTTP connection silent this long is closed (never an open socket:
   *     screens have their own heartbeat)
   * @param connectionsPerAddress connections one address may hold, not counting sockets
   *     identified in their handshake (hall, bridges, consoles), which are never limited
   * @param authFailuresPerMinute wrong tokens and keys one address may present in a minute before
   *     its further wrong ones are answered 429, a second late; a right one is always let in
   * @param proxyProtocol connections arrive through a proxy that sends the PROXY protocol
   *     (HAProxy {@code send-proxy-v2}, nginx {@code proxy_protocol on}): limits then see each
   *     client's own address
   */
  public record Limits(int requestTimeoutSeconds, int idleTimeoutSeconds, int connectionsPerAddress,
      int authFailuresPerMinute, boolean proxyProtocol) {

    public static final Limits DEFAULT = new Limits(10, 60, 1_000, 30, false);

    public Limits {
      positive("DIEMCAU_REQUEST_TIMEOUT / --request-timeout", requestTimeoutSeconds);
      positive("DIEMCAU_IDLE_TIMEOUT / --idle-timeout", idleTimeoutSeconds);
      positive("DIEMCAU_MAX_CONNECTIONS_PER_ADDRESS / --max-connections-per-address", connectionsPerAddress);
      positive("DIEMCAU_MAX_AUTH_FAILURES / --max-auth-failures", authFailuresPerMinute);
    }

    private static void positive(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, got " + value);
      }
    }
  }

  /** Settings of one server on its own (cluster mode off). */
  public Settings(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword, String mcToken,
      String adminToken, Path eventFile, String publicUrl, String transport, Limits limits, boolean freshDatabase) {
    this(host, port, dataDir, dbUrl, dbUser, dbPassword, mcToken, adminToken, eventFile, publicUrl, transport, limits,
        freshDatabase, diemcau.cluster.ClusterSettings.OFF);
  }

  /** Settings with the default {@link Limits}, refusing a data folder that lost its database. */
  public Settings(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword, String mcToken,
      String adminToken, Path eventFile, String publicUrl, String transport) {
    this(host, port, dataDir, dbUrl, dbUser, dbPassword, mcToken, adminToken, eventFile, publicUrl, transport, Limits.DEFAULT,
        false);
  }

  /** Checks what can be checked before anything starts; the message names the setting. */
  public Settings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("DIEMCAU_PORT / --port must be 0..65535, got " + port);
    }
    if (dbUrl != null && !dbUrl.isBlank()) {
      if (dbUrl.startsWith("jdbc:mariadb:")) {
        // Connector/J speaks to MariaDB too; one driver keeps the jar small
        dbUrl = "jdbc:mysql:" + dbUrl.substring("jdbc:mariadb:".length());
      }
      if (!dbUrl.startsWith("jdbc:mysql:")) {
        throw new IllegalArgumentException(
            "DIEMCAU_DB_URL / --db-url must start with jdbc:mysql: or jdbc:mariadb:, got " + dbUrl.split("[;?]")[0]);
      }
    } else {
      dbUrl = null;
    }
    publicUrl = blankToNull(publicUrl);
    if (publicUrl != null) {
      if (!publicUrl.matches("https?://[^/\\s]+(/.*)?")) {
        throw new IllegalArgumentException("DIEMCAU_PUBLIC_URL / --public-url must look like http://host:port, got " + publicUrl);
      }
      publicUrl = publicUrl.replaceAll("/+$", "");
    }
    transport = Transports.requireKnown(transport == null || transport.isBlank() ? "auto" : transport.strip(),
        "DIEMCAU_TRANSPORT / --transport");
    mcToken = blankToNull(mcToken);
    adminToken = blankToNull(adminToken);
    dbUser = blankToNull(dbUser);
    dbPassword = blankToNull(dbPassword);
    for (String[] token : new String[][] {{"DIEMCAU_MC_TOKEN", mcToken}, {"DIEMCAU_ADMIN_TOKEN", adminToken}}) {
      if (token[1] != null && token[1].length() < 12) {
        throw new IllegalArgumentException(token[0] + " must be at least 12 characters");
      }
    }
    limits = limits == null ? Limits.DEFAULT : limits;
    cluster = cluster == null ? diemcau.cluster.ClusterSettings.OFF : cluster;
    if (cluster.enabled() && dbUrl == null) {
      throw new IllegalArgumentException("DIEMCAU_CLUSTER / --cluster needs the shared MySQL/MariaDB database: set "
          + "DIEMCAU_DB_URL / --db-url (the embedded database is one server's own file, other nodes cannot reach it)");
    }
    if (mcToken != null && mcToken.equals(adminToken)) {
      throw new IllegalArgumentException("DIEMCAU_MC_TOKEN and DIEMCAU_ADMIN_TOKEN must differ");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
