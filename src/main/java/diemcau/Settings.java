package diemcau;

import diemcau.net.Transports;
import diemcau.web.ConnectionLimits;
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
    ConnectionLimits limits,
    boolean freshDatabase,
    diemcau.cluster.ClusterSettings cluster) {

  /** Settings of one server on its own (cluster mode off). */
  public Settings(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword, String mcToken,
      String adminToken, Path eventFile, String publicUrl, String transport, ConnectionLimits limits, boolean freshDatabase) {
    this(host, port, dataDir, dbUrl, dbUser, dbPassword, mcToken, adminToken, eventFile, publicUrl, transport, limits,
        freshDatabase, diemcau.cluster.ClusterSettings.OFF);
  }

  /** Settings with the default {@link ConnectionLimits}, refusing a data folder that lost its database. */
  public Settings(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword, String mcToken,
      String adminToken, Path eventFile, String publicUrl, String transport) {
    this(host, port, dataDir, dbUrl, dbUser, dbPassword, mcToken, adminToken, eventFile, publicUrl, transport, ConnectionLimits.DEFAULT,
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
    limits = limits == null ? ConnectionLimits.DEFAULT : limits;
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
