package diemcau.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Cluster mode's settings: off by default (one server, as always). On, the node joins the other
 * members by a fixed TCP-IP list (never multicast: a venue's network must not decide who is in
 * the cluster) and listens for them on {@code host:port} only, one interface, never all of them.
 *
 * @param members the other nodes' (or all nodes') cluster addresses, {@code host:port}
 */
public record ClusterSettings(boolean enabled, String host, int port, List<String> members) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 5701;
  public static final ClusterSettings OFF = new ClusterSettings(false, DEFAULT_HOST, DEFAULT_PORT, List.of());

  /** Checks every field; the message names the setting and what is wrong. */
  public ClusterSettings {
    host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
    if (!host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
      throw new IllegalArgumentException("DIEMCAU_CLUSTER_HOST / --cluster-host must be this node's IPv4 address on the "
          + "cluster's network (one interface, e.g. 10.0.0.5), got " + host);
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("DIEMCAU_CLUSTER_PORT / --cluster-port must be 1..65535, got " + port);
    }
    members = List.copyOf(members == null ? List.of() : members);
    if (enabled && members.isEmpty()) {
      throw new IllegalArgumentException("DIEMCAU_CLUSTER_MEMBERS / --cluster-members must list the cluster's members "
          + "as host:port,host:port when DIEMCAU_CLUSTER / --cluster is on");
    }
  }

  /** Reads {@code host:port,host:port}; throws, naming the setting and the entry, on anything else. */
  public static List<String> parseMembers(String list) {
    List<String> members = new ArrayList<>();
    if (list == null || list.isBlank()) {
      return members;
    }
    for (String raw : list.split(",", -1)) {
      String entry = raw.strip();
      int colon = entry.lastIndexOf(':');
      String host = colon < 0 ? "" : entry.substring(0, colon);
      String port = colon < 0 ? "" : entry.substring(colon + 1);
      if (host.isEmpty() || !host.matches("[A-Za-z0-9.\\-]+") || !port.matches("[0-9]{1,5}")
          || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
        throw new IllegalArgumentException("DIEMCAU_CLUSTER_MEMBERS / --cluster-members must be host:port,host:port "
            + "(a port 1..65535 each); the entry \"" + entry + "\" is not");
      }
      members.add(host + ":" + Integer.parseInt(port));
    }
    return members;
  }
}
