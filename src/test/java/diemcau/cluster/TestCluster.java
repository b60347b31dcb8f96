package diemcau.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.store.Databases;
import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Node JVMs on 127.0.0.1 that form one cluster on a fresh MariaDB database, for one test class,
 * and what the cluster tests check of them: every command sent to a node and whether it was
 * acknowledged, so that each acknowledged one is found applied exactly once in the audit log.
 */
final class TestCluster implements AutoCloseable {

  final String db;
  final Path data;
  final List<Integer> clusterPorts = new ArrayList<>();
  /** The nodes by slot; a killed node stays in its slot until {@link #replace} starts another there. */
  final NodeProcess[] nodes;
  final Vertx vertx = Vertx.vertx();
  /** Every command the nodes answered ok, by its text; and every one sent. Guarded by this. */
  final List<String> acknowledged = new ArrayList<>();
  final List<String> sent = new ArrayList<>();

  private TestCluster(int size) throws Exception {
    db = Databases.freshMariaDb();
    data = Files.createTempDirectory("diemcau-cluster");
    nodes = new NodeProcess[size];
    for (int i = 0; i < size; i++) {
      clusterPorts.add(clusterPort());
    }
  }

  /** {@code size} slots and their cluster ports, no node started yet (see {@link #start(int, String, Map)}). */
  static TestCluster slots(int size) throws Exception {
    return new TestCluster(size);
  }

  /** {@code size} nodes, started one after another, settled on one writer. */
  static TestCluster of(int size) throws Exception {
    TestCluster cluster = new TestCluster(size);
    for (int i = 0; i < size; i++) {
      cluster.start(i, cluster.db, Map.of());
    }
    cluster.awaitOneWriterOf(size, 60_000);
    return cluster;
  }

  /** Starts slot {@code i}'s node on the database at {@code dbUrl}, with {@code env} added to its environment. */
  NodeProcess start(int i, String dbUrl, Map<String, String> env) throws Exception {
    nodes[i] = NodeProcess.start(data, dbUrl, clusterPorts.get(i), clusterPorts, env);
    return nodes[i];
  }

  /** The nodes whose process runs. */
  List<NodeProcess> live() {
    List<NodeProcess> live = new ArrayList<>();
    for (NodeProcess node : nodes) {
      if (node != null && node.process.isAlive()) {
        live.add(node);
      }
    }
    return live;
  }

  NodeProcess writer() {
    for (NodeProcess node : live()) {
      if (node.isWriter()) {
        return node;
      }
    }
    throw new AssertionError("no node is writer");
  }

  /** The live nodes but {@code node}. */
  List<NodeProcess> others(NodeProcess node) {
    List<NodeProcess> others = live();
    others.remove(node);
    return others;
  }

  /** Sends a screen.message with this text to {@code node}; true if it was acknowledged. */
  boolean message(NodeProcess node, String text) throws Exception {
    sent(text);
    return acknowledged(text, Rest.command(node.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", text)));
  }

  /** Records a command as sent (before it is, or whatever its answer). */
  synchronized void sent(String text) {
    sent.add(text);
  }

  /** Records the screen.message of this text as acknowledged if {@code reply} says ok; true if it does. */
  synchronized boolean acknowledged(String text, Rest.Reply reply) {
    boolean ok = reply.body().getBoolean("ok", false);
    if (ok) {
      acknowledged.add(text);
    }
    return ok;
  }

  static boolean messageSeen(ScreenClient screen, String text) throws InterruptedException {
    JsonObject frame = screen.next(received -> "state".equals(received.getString("type")) && "screen".equals(received.getString("topic"))
        && received.getJsonObject("data").getJsonObject("message") != null
        && text.equals(received.getJsonObject("data").getJsonObject("message").getString("text")));
    return frame != null;
  }

  /** How many times the audit log holds a screen.message of each text. */
  Map<String, Integer> applied() throws Exception {
    Map<String, Integer> applied = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(db, "root", null);
        Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT args FROM audit_log WHERE command = 'screen.message'")) {
      while (rows.next()) {
        applied.merge(new JsonObject(rows.getString(1)).getString("text"), 1, Integer::sum);
      }
    }
    return applied;
  }

  void assertEveryAcknowledgedCommandAppliedOnce() throws Exception {
    Map<String, Integer> applied = applied();
    synchronized (this) {
      for (String text : acknowledged) {
        assertThat(applied.get(text)).as("acknowledged command %s applied exactly once", text).isEqualTo(1);
      }
      applied.forEach((text, times) -> assertThat(times).as("command %s applied once at most", text).isEqualTo(1));
      assertThat(sent).containsAll(applied.keySet());
    }
  }

  /** Within one epoch, each topic's revisions only go up. */
  static void assertNoFrameGoesBackwards(List<JsonObject> frames) {
    Map<String, Long> last = new HashMap<>();
    synchronized (frames) {
      for (JsonObject frame : frames) {
        assertThat(frame.getString("type")).as("every patch applies to the state the node sent before").isNotEqualTo("unapplied_patch");
        if ("state".equals(frame.getString("type"))) {
          String key = frame.getString("epoch") + "/" + frame.getString("topic");
          Long before = last.put(key, frame.getLong("rev"));
          assertThat(before == null || before < frame.getLong("rev")).as("frame %s after rev %s", frame, before).isTrue();
        }
      }
    }
  }

  /**
   * A new node in the dead one's place, on a new cluster port (the dead one's may still be held by
   * its closing connections); it joins the others by their ports, as a replacement machine would.
   */
  void replace(NodeProcess dead) throws Exception {
    replace(dead, Map.of());
  }

  /** As {@link #replace(NodeProcess)}, with {@code env} added to the new node's environment; the new node. */
  NodeProcess replace(NodeProcess dead, Map<String, String> env) throws Exception {
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] == dead) {
        clusterPorts.set(i, clusterPort());
        return start(i, db, env);
      }
    }
    throw new IllegalArgumentException("not a node of this cluster: " + dead);
  }

  /**
   * A free port below Linux's ephemeral range (32768-60999): a node restarted on its cluster port
   * must find it free, and a port from that range may meanwhile be some outgoing connection's.
   */
  static int clusterPort() throws java.io.IOException {
    java.util.Random random = new java.util.Random();
    while (true) {
      int port = 20_000 + random.nextInt(10_000);
      try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        return port;
      } catch (java.io.IOException taken) {
        // try another
      }
    }
  }

  /** Until exactly one live node says writer and every live node sees a cluster of {@code size}. */
  void awaitOneWriterOf(int size, long ms) throws Exception {
    long deadline = System.currentTimeMillis() + ms;
    while (System.currentTimeMillis() < deadline) {
      int writers = 0;
      int whole = 0;
      List<NodeProcess> live = live();
      for (NodeProcess node : live) {
        JsonObject health = node.health();
        if (health != null) {
          writers += "writer".equals(health.getString("role")) ? 1 : 0;
          whole += health.getJsonObject("cluster").getInteger("size") == size ? 1 : 0;
        }
      }
      if (writers == 1 && whole == live.size()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the cluster did not settle on one writer of " + size + " nodes within " + ms + " ms");
  }

  /** Sends screen.message commands one after another to a node, each with its own text, until stopped. */
  final class Stream implements Runnable {
    final NodeProcess node;
    final String prefix;
    volatile boolean stop;
    final Map<Long, Boolean> acks = new java.util.concurrent.ConcurrentHashMap<>();

    Stream(NodeProcess node, String prefix) {
      this.node = node;
      this.prefix = prefix;
    }

    @Override
    public void run() {
      for (int i = 0; !stop; i++) {
        String text = prefix + i;
        long at = System.nanoTime();
        sent(text);
        try {
          acks.put(at, acknowledged(text, Rest.command(node.port, TestServer.MC_TOKEN, "screen.message",
              new JsonObject().put("text", text))));
        } catch (Exception e) {
          acks.put(at, false);
        }
      }
    }

    /** Milliseconds from {@code killedAt} until a command sent after it was acknowledged. */
    long firstAckSentAfter(long killedAt) throws InterruptedException {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (System.nanoTime() < deadline) {
        for (Map.Entry<Long, Boolean> ack : acks.entrySet()) {
          if (ack.getKey() > killedAt && ack.getValue()) {
            return (System.nanoTime() - killedAt) / 1_000_000;
          }
        }
        Thread.sleep(5);
      }
      return Long.MAX_VALUE;
    }
  }

  @Override
  public void close() throws Exception {
    for (NodeProcess node : nodes) {
      if (node != null) {
        node.close();
      }
    }
    vertx.close().await();
    Databases.drop(db);
  }
}
