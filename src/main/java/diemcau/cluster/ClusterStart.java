package diemcau.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Starts a clustered Vert.x on Hazelcast with the members of {@link ClusterSettings}: a fixed
 * TCP-IP member list, multicast and every auto-detection off, this node on one interface and one
 * port (no auto-increment, so a node never wanders onto another's port), and the event bus's own
 * port on the same interface.
 */
public final class ClusterStart {

  /**
   * How long a member may stay silent before the others drop it: a killed node leaves in seconds
   * (a closed socket is seen at once; this bounds a frozen or cut-off one).
   */
  static final int MAX_SILENCE_S = 5;

  private ClusterStart() {}

  /**
   * The clustered Vert.x that carries the cluster's traffic, once this node has joined (or formed)
   * the cluster. It is not the server's own: the server's event bus stays local, so that nothing it
   * sends (state frames, commands, socket reports) consults the cluster's registry on its way, and
   * a node frozen elsewhere cannot stall it. One event loop: the cluster's traffic is one frame per
   * change and one message per forwarded command.
   */
  public static Future<Vertx> join(ClusterSettings cluster) {
    VertxOptions options = new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2);
    options.getEventBusOptions().setHost(cluster.host()).setPort(0);
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(config(cluster))).buildClustered();
  }

  /** Hazelcast's configuration: Vert.x's maps as it ships them, our network and timings. */
  static Config config(ClusterSettings cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName("diemcau");
    // the default waits 5-10 s for other members before a node starts on its own
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(MAX_SILENCE_S));
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // a member that was cut off (or frozen) and comes back rejoins in seconds, not the default 5 minutes
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    NetworkConfig network = config.getNetworkConfig();
    // a node restarted at once after a kill binds its port again despite the old connections' TIME_WAIT
    network.setPort(cluster.port()).setPortAutoIncrement(false).setReuseAddress(true);
    network.getInterfaces().setEnabled(true).setInterfaces(java.util.List.of(cluster.host()));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    return config;
  }
}
