package diemcau.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.command.Credentials;
import diemcau.event.EventLoader;
import diemcau.event.Unit;
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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two cluster nodes, each its own JVM on 127.0.0.1, against one MariaDB database: a command on
 * either node is seen on the other; the writer killed again and again, a follower takes over within
 * 5 s and no acknowledged command is lost or applied twice; a paused writer commits nothing after
 * its successor took over. Kills: {@code -Dcluster.kills=20} (3 by default: each restart of a JVM
 * costs tens of seconds on a busy machine).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static final long FAILOVER_MS = 5_000;

  static String db;
  static Path data;
  static final List<Integer> clusterPorts = new ArrayList<>();
  static final NodeProcess[] nodes = new NodeProcess[2];
  static Vertx vertx;
  /** Every command the nodes answered ok, by its text; and every one sent. */
  static final List<String> acknowledged = new ArrayList<>();
  static final List<String> sent = new ArrayList<>();
  static final List<Long> failovers = new ArrayList<>();

  @BeforeAll
  static void startTwoNodes() throws Exception {
    db = Databases.freshMariaDb();
    data = Files.createTempDirectory("diemcau-cluster");
    for (int i = 0; i < nodes.length; i++) {
      clusterPorts.add(clusterPort());
    }
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = NodeProcess.start(data, db, clusterPorts.get(i), clusterPorts);
    }
    vertx = Vertx.vertx();
    awaitOneWriterOf(nodes.length, 30_000);
  }

  @AfterAll
  static void stop() throws Exception {
    for (NodeProcess node : nodes) {
      if (node != null) {
        node.close();
      }
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (db != null) {
      Databases.drop(db);
    }
  }

  @Test
  @Order(1)
  void aCommandOnEitherNodeIsSeenByAViewerOnTheOther() throws Exception {
    NodeProcess writer = writer();
    NodeProcess follower = other(writer);
    try (ScreenClient onWriter = ScreenClient.connect(vertx, writer.port, "/ws").hello("public", "screen");
        ScreenClient onFollower = ScreenClient.connect(vertx, follower.port, "/ws").hello("public", "screen")) {
      onWriter.nextState("screen");
      onFollower.nextState("screen");
      assertThat(message(follower, "from the follower")).isTrue();
      assertThat(messageSeen(onWriter, "from the follower")).isTrue();
      assertThat(messageSeen(onFollower, "from the follower")).isTrue();
      assertThat(message(writer, "from the writer")).isTrue();
      assertThat(messageSeen(onFollower, "from the writer")).isTrue();
    }
    // a screen that says hello later, on the follower, gets the current state at once
    try (ScreenClient late = ScreenClient.connect(vertx, follower.port, "/ws").hello("public", "screen")) {
      assertThat(late.nextState("screen").getJsonObject("data").getJsonObject("message").getString("text"))
          .isEqualTo("from the writer");
    }
    JsonObject health = follower.health();
    assertThat(health.getString("role")).isEqualTo("follower");
    // two nodes on one machine share its clock: the measured offset is the measurement's own error
    assertThat(Math.abs(health.getJsonObject("cluster").getLong("clockOffsetMs"))).isLessThanOrEqualTo(50);
    assertThat(health.getJsonObject("cluster").getInteger("size")).isEqualTo(2);
    assertThat(writer.health().getJsonObject("cluster").getLong("writerEpoch"))
        .isEqualTo(health.getJsonObject("cluster").getLong("writerEpoch"));
  }

  @Test
  @Order(2)
  void theWriterKilledAFollowerTakesOverAndNoAcknowledgedCommandIsLostOrDoubled() throws Exception {
    int kills = Integer.getInteger("cluster.kills", 3);
    for (int kill = 1; kill <= kills; kill++) {
      NodeProcess writer = writer();
      NodeProcess follower = other(writer);
      String prefix = "kill " + kill + " #";
      try (ScreenClient viewer = ScreenClient.connect(vertx, follower.port, "/ws").hello("public", "screen")) {
        viewer.nextState("screen");
        Stream stream = new Stream(follower, prefix);
        CompletableFuture<Void> streaming = CompletableFuture.runAsync(stream);
        Thread.sleep(1_000);
        long killedAt = System.nanoTime();
        writer.kill();
        long failover;
        try {
          failover = stream.firstAckSentAfter(killedAt);
        } finally {
          stream.stop = true;
          streaming.join();
          replace(writer);
        }
        failovers.add(failover);
        assertThat(failover).as("kill %d: a command accepted on the surviving node within 5 s", kill).isLessThanOrEqualTo(FAILOVER_MS);
        assertThat(viewer.closeStatus).as("a viewer on the surviving node is never closed").isNull();
        assertNoFrameGoesBackwards(viewer.received);
      }
      awaitOneWriterOf(nodes.length, 30_000);
    }
    assertEveryAcknowledgedCommandAppliedOnce();
    synchronized (ClusterIT.class) {
      System.out.println("cluster failover times (ms) over " + kills + " kills: " + failovers + "; commands sent " + sent.size()
          + ", acknowledged " + acknowledged.size() + " (each applied exactly once)");
    }
  }

  @Test
  @Order(3)
  void aPausedWriterCommitsNothingAfterItsSuccessorTookOver() throws Exception {
    NodeProcess writer = writer();
    NodeProcess follower = other(writer);
    long epoch = writer.health().getJsonObject("cluster").getLong("writerEpoch");
    writer.signal("STOP");
    long pausedAt = System.nanoTime();
    // sent to the frozen writer: read by it only once it runs again
    CompletableFuture<Rest.Reply> toFrozen = CompletableFuture.supplyAsync(() -> {
      try {
        return Rest.command(writer.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "to the paused writer"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    synchronized (ClusterIT.class) {
      sent.add("to the paused writer");
    }
    while (!follower.isWriter()) {
      assertThat(System.nanoTime() - pausedAt).as("the follower takes over once the paused writer's lock session ends")
          .isLessThan(30_000_000_000L);
      Thread.sleep(100);
    }
    long takeover = (System.nanoTime() - pausedAt) / 1_000_000;
    assertThat(message(follower, "after the takeover")).as("the new writer takes commands").isTrue();
    writer.signal("CONT");
    Rest.Reply reply = toFrozen.get();
    if (reply.body().getBoolean("ok", false)) {
      synchronized (ClusterIT.class) {
        acknowledged.add("to the paused writer");
      }
    }
    long deadline = System.currentTimeMillis() + 30_000;
    while (writer.isWriter() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(writer.health().getString("role")).as("the old writer follows once it runs again").isEqualTo("follower");
    assertThat(follower.health().getJsonObject("cluster").getLong("writerEpoch")).isGreaterThan(epoch);
    assertEveryAcknowledgedCommandAppliedOnce();
    System.out.println("cluster takeover after SIGSTOP of the writer: " + takeover + " ms; the paused writer's command: " + reply.body());
  }

  @Test
  @Order(4)
  void theRoomsOfADeadNodeGoStaleAndComeBackWhenTheyReconnectElsewhere() throws Exception {
    NodeProcess writer = writer();
    NodeProcess follower = other(writer);
    Unit unit = EventLoader.loadDefault().units().stream().filter(candidate -> candidate.kind().communeLevel()).findFirst().orElseThrow();
    String bridge = "/ws?unit=" + unit.code() + "&key=" + Credentials.load(data, TestServer.MC_TOKEN, TestServer.ADMIN_TOKEN).bridgeKey(unit.code());
    try (ScreenClient desk = ScreenClient.connect(vertx, writer.port, "/ws").hello("admin", "bridges")) {
      ScreenClient room = ScreenClient.connect(vertx, follower.port, bridge).hello("bridge", "bridges");
      assertThat(roomStatus(desk, unit.code(), "online")).as("a room on a follower is online on the writer").isTrue();
      follower.kill();
      long killedAt = System.nanoTime();
      assertThat(roomStatus(desk, unit.code(), "stale")).as("the dead node's room goes stale").isTrue();
      long stale = (System.nanoTime() - killedAt) / 1_000_000;
      room.close();
      try (ScreenClient again = ScreenClient.connect(vertx, writer.port, bridge).hello("bridge", "bridges")) {
        assertThat(roomStatus(desk, unit.code(), "online")).as("the room reconnected on another node is online").isTrue();
      }
      System.out.println("cluster: a dead node's room stale after " + stale + " ms");
    } finally {
      replace(follower);
      awaitOneWriterOf(nodes.length, 60_000);
    }
  }

  @Test
  @Order(5)
  void aViewerThroughHaproxySurvivesTheKillOfItsNode() throws Exception {
    Path haproxy = Path.of("/usr/sbin/haproxy");
    if (!Files.isExecutable(haproxy)) {
      Assumptions.abort("test skipped: it runs the shipped deploy/haproxy.cfg and " + haproxy + " is missing (apt-get install haproxy)");
    }
    int proxyPort = TestServer.freePort();
    Path config = Files.createTempFile("diemcau-haproxy", ".cfg");
    Files.writeString(config, Files.readString(Path.of("deploy", "haproxy.cfg"))
        .replace("bind :8080", "bind 127.0.0.1:" + proxyPort)
        .replace("node1:8080", "127.0.0.1:" + nodes[0].port)
        .replace("node2:8080", "127.0.0.1:" + nodes[1].port));
    Process proxy = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString())
        .redirectErrorStream(true).redirectOutput(Files.createTempFile("diemcau-haproxy", ".log").toFile()).start();
    try {
      ScreenClient viewer = connectThrough(proxyPort);
      assertThat(message(writer(), "before the node's kill")).isTrue();
      assertThat(messageSeen(viewer, "before the node's kill")).isTrue();
      NodeProcess carrying = nodes[0].health().getInteger("connections") > 0 ? nodes[0] : nodes[1];
      carrying.kill();
      long killedAt = System.nanoTime();
      long closeDeadline = System.currentTimeMillis() + 10_000;
      while (viewer.closeStatus == null && System.currentTimeMillis() < closeDeadline) {
        Thread.sleep(20);
      }
      viewer.close();
      // as the pages do: the same address again, then hello
      ScreenClient again = connectThrough(proxyPort);
      long resynced = (System.nanoTime() - killedAt) / 1_000_000;
      JsonObject state = again.received.stream().filter(frame -> "screen".equals(frame.getString("topic"))).findFirst().orElseThrow();
      assertThat(state.getJsonObject("data").getJsonObject("message").getString("text")).isEqualTo("before the node's kill");
      NodeProcess survivor = other(carrying);
      long deadline = System.currentTimeMillis() + 15_000;
      boolean ok = false;
      while (!ok && System.currentTimeMillis() < deadline) {
        ok = message(survivor, "after the node's kill");
      }
      assertThat(ok).isTrue();
      assertThat(messageSeen(again, "after the node's kill")).isTrue();
      again.close();
      System.out.println("cluster: a viewer through HAProxy resynced " + resynced + " ms after its node was killed");
    } finally {
      proxy.destroyForcibly().waitFor();
    }
  }

  private static ScreenClient connectThrough(int proxyPort) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (true) {
      try {
        ScreenClient screen = ScreenClient.connect(vertx, proxyPort, "/ws").hello("public", "screen");
        screen.nextState("screen");
        return screen;
      } catch (Exception | AssertionError notYet) {
        if (System.currentTimeMillis() > deadline) {
          throw notYet;
        }
        Thread.sleep(200);
      }
    }
  }

  /** Until the bridges topic shows {@code unit} with {@code status} (within 30 s: staleness takes 15 s). */
  static boolean roomStatus(ScreenClient desk, String unit, String status) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      JsonObject frame;
      try {
        frame = desk.next(received -> "state".equals(received.getString("type")) || "patch".equals(received.getString("type")));
      } catch (AssertionError quiet) {
        continue; // no frame for 10 s: the next one comes when a status changes
      }
      JsonObject data = frame.getJsonObject("data");
      JsonObject rooms = data == null ? null : data.getJsonObject("rooms");
      JsonObject room = rooms == null ? null : rooms.getJsonObject(unit);
      if (room != null && status.equals(room.getString("status"))) {
        return true;
      }
    }
    return false;
  }

  /** Sends screen.message commands one after another to a node, each with its own text, until stopped. */
  static final class Stream implements Runnable {
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
        synchronized (ClusterIT.class) {
          sent.add(text);
        }
        try {
          Rest.Reply reply = Rest.command(node.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", text));
          boolean ok = reply.body().getBoolean("ok", false);
          if (ok) {
            synchronized (ClusterIT.class) {
              acknowledged.add(text);
            }
          }
          acks.put(at, ok);
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

  static void assertEveryAcknowledgedCommandAppliedOnce() throws Exception {
    Map<String, Integer> applied = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(db, "root", null);
        Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT args FROM audit_log WHERE command = 'screen.message'")) {
      while (rows.next()) {
        applied.merge(new JsonObject(rows.getString(1)).getString("text"), 1, Integer::sum);
      }
    }
    synchronized (ClusterIT.class) {
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

  static boolean message(NodeProcess node, String text) throws Exception {
    synchronized (ClusterIT.class) {
      sent.add(text);
    }
    boolean ok = Rest.command(node.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", text))
        .body().getBoolean("ok", false);
    if (ok) {
      synchronized (ClusterIT.class) {
        acknowledged.add(text);
      }
    }
    return ok;
  }

  static boolean messageSeen(ScreenClient screen, String text) throws InterruptedException {
    JsonObject frame = screen.next(received -> "state".equals(received.getString("type")) && "screen".equals(received.getString("topic"))
        && received.getJsonObject("data").getJsonObject("message") != null
        && text.equals(received.getJsonObject("data").getJsonObject("message").getString("text")));
    return frame != null;
  }

  static NodeProcess writer() {
    for (NodeProcess node : nodes) {
      if (node.isWriter()) {
        return node;
      }
    }
    throw new AssertionError("no node is writer");
  }

  static NodeProcess other(NodeProcess node) {
    return nodes[0] == node ? nodes[1] : nodes[0];
  }

  /**
   * A new node in the dead one's place, on a new cluster port (the dead one's may still be held by
   * its closing connections); it joins the others by their ports, as a replacement machine would.
   */
  static void replace(NodeProcess dead) throws Exception {
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] == dead) {
        clusterPorts.set(i, clusterPort());
        nodes[i] = NodeProcess.start(data, db, clusterPorts.get(i), clusterPorts);
      }
    }
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

  /** Until exactly one node says writer and every node sees the whole cluster. */
  static void awaitOneWriterOf(int size, long ms) throws Exception {
    NodeProcess.awaitOneWriterOf(List.of(nodes), size, ms);
  }
}
