package diemcau.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.command.CommandException;
import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three cluster nodes, each its own JVM on 127.0.0.1, against one MariaDB database: a command on
 * any node is seen by viewers on the two others; the writer killed, exactly one of the two
 * survivors takes over and the cluster reports the member it lost; then the new writer frozen with
 * commands forwarded to it and killed, and each of those commands answered "outcome unknown" or
 * "not executed", never acknowledged and lost, never refused and applied.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterOfThreeIT {

  @AutoClose
  static TestCluster cluster;

  @BeforeAll
  static void startThreeNodes() throws Exception {
    cluster = TestCluster.of(3);
  }

  @Test
  @Order(1)
  void aCommandOnAnyNodeIsSeenByViewersOnTheTwoOthers() throws Exception {
    List<NodeProcess> nodes = cluster.live();
    List<ScreenClient> viewers = new ArrayList<>();
    try {
      for (NodeProcess node : nodes) {
        ScreenClient viewer = ScreenClient.connect(cluster.vertx, node.port, "/ws").hello("public", "screen");
        viewer.nextState("screen");
        viewers.add(viewer);
      }
      for (int i = 0; i < nodes.size(); i++) {
        String text = "from node " + i + " (" + nodes.get(i).health().getString("role") + ")";
        assertThat(cluster.message(nodes.get(i), text)).as("%s acknowledged", text).isTrue();
        for (int j = 0; j < nodes.size(); j++) {
          assertThat(TestCluster.messageSeen(viewers.get(j), text)).as("%s seen by the viewer on node %d", text, j).isTrue();
        }
      }
    } finally {
      for (ScreenClient viewer : viewers) {
        viewer.close();
      }
    }
    long epoch = cluster.writer().health().getJsonObject("cluster").getLong("writerEpoch");
    for (NodeProcess node : nodes) {
      JsonObject health = node.health().getJsonObject("cluster");
      assertThat(health.getInteger("size")).isEqualTo(3);
      assertThat(health.getInteger("lostMembers")).isZero();
      assertThat(health.getLong("writerEpoch")).isEqualTo(epoch);
    }
  }

  @Test
  @Order(2)
  void theWriterKilledExactlyOneOfTheTwoSurvivorsTakesOverAndNothingAcknowledgedIsLost() throws Exception {
    NodeProcess writer = cluster.writer();
    long epoch = writer.health().getJsonObject("cluster").getLong("writerEpoch");
    List<NodeProcess> survivors = cluster.others(writer);
    Set<NodeProcess> everWriter = ConcurrentHashMap.newKeySet();
    Roles roles = new Roles(survivors, everWriter);
    try (ScreenClient first = ScreenClient.connect(cluster.vertx, survivors.get(0).port, "/ws").hello("public", "screen");
        ScreenClient second = ScreenClient.connect(cluster.vertx, survivors.get(1).port, "/ws").hello("public", "screen")) {
      first.nextState("screen");
      second.nextState("screen");
      // an MC on each survivor: one of them will be the writer, the other forwards to it
      List<TestCluster.Stream> streams = List.of(cluster.new Stream(survivors.get(0), "three a #"),
          cluster.new Stream(survivors.get(1), "three b #"));
      List<CompletableFuture<Void>> streaming = streams.stream().map(CompletableFuture::runAsync).toList();
      CompletableFuture<Void> watching = CompletableFuture.runAsync(roles);
      List<Long> failovers = new ArrayList<>();
      long killedAt;
      try {
        Thread.sleep(1_000);
        killedAt = System.nanoTime();
        writer.kill();
        for (TestCluster.Stream stream : streams) {
          failovers.add(stream.firstAckSentAfter(killedAt));
        }
        Thread.sleep(1_000);
      } finally {
        streams.forEach(stream -> stream.stop = true);
        streaming.forEach(CompletableFuture::join);
      }
      for (long failover : failovers) {
        assertThat(failover).as("a command acknowledged on each survivor within 5 s of the kill: %s", failovers)
            .isLessThanOrEqualTo(ClusterIT.FAILOVER_MS);
      }
      awaitCluster(survivors, 2, 1);
      long seenLost = (System.nanoTime() - killedAt) / 1_000_000;
      Thread.sleep(2_000); // the follower keeps polling for the lock meanwhile: it must not take it
      roles.stop = true;
      watching.join();
      assertThat(everWriter).as("exactly one survivor ever said writer").hasSize(1);
      NodeProcess successor = everWriter.iterator().next();
      NodeProcess follower = survivors.get(0) == successor ? survivors.get(1) : survivors.get(0);
      assertThat(successor.health().getString("role")).isEqualTo("writer");
      assertThat(follower.health().getString("role")).isEqualTo("follower");
      assertThat(successor.health().getJsonObject("cluster").getLong("writerEpoch")).isGreaterThan(epoch);
      assertThat(cluster.message(follower, "after the failover")).as("commands go on").isTrue();
      assertThat(TestCluster.messageSeen(first, "after the failover")).isTrue();
      assertThat(TestCluster.messageSeen(second, "after the failover")).isTrue();
      for (ScreenClient viewer : List.of(first, second)) {
        assertThat(viewer.closeStatus).as("a viewer on a surviving node is never closed").isNull();
        TestCluster.assertNoFrameGoesBackwards(viewer.received);
      }
      cluster.assertEveryAcknowledgedCommandAppliedOnce();
      synchronized (cluster) {
        System.out.println("cluster of three: writer killed, survivor " + (survivors.indexOf(successor) == 0 ? "a" : "b")
            + " took over; first command acknowledged on survivors a and b " + failovers + " ms after the kill; /health said "
            + "size 2, 1 member lost, within " + seenLost + " ms; commands sent " + cluster.sent.size() + ", acknowledged "
            + cluster.acknowledged.size() + " (each applied exactly once)");
      }
    }
  }

  @Test
  @Order(3)
  void commandsInFlightWhenTheWriterDiesAreAnsweredOutcomeUnknownOrNotExecutedNeverOkThenLost() throws Exception {
    NodeProcess writer = cluster.writer();
    NodeProcess follower = cluster.others(writer).get(0);
    int inFlight = 4;
    List<CompletableFuture<Rest.Reply>> replies = new ArrayList<>();
    List<Long> answeredAt = new ArrayList<>();
    try (ScreenClient console = ScreenClient.connect(cluster.vertx, follower.port, "/ws", TestServer.MC_TOKEN)) {
      // frozen, the writer reads nothing more: whatever the follower forwards now is surely with it when it dies
      writer.signal("STOP");
      for (int i = 0; i < inFlight; i++) {
        String text = "in flight #" + i;
        cluster.sent(text);
        replies.add(CompletableFuture.supplyAsync(() -> {
          try {
            return Rest.command(follower.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", text));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      cluster.sent("in flight on a socket");
      console.send(new JsonObject().put("type", "command").put("id", "socket").put("name", "screen.message")
          .put("args", new JsonObject().put("text", "in flight on a socket")));
      Thread.sleep(1_500);
      for (CompletableFuture<Rest.Reply> reply : replies) {
        assertThat(reply).as("no answer while the writer is frozen and its deadline has not come").isNotDone();
      }
      long killedAt = System.nanoTime();
      writer.kill();
      List<String> notExecuted = new ArrayList<>();
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < inFlight; i++) {
        Rest.Reply reply = replies.get(i).get();
        answeredAt.add((System.nanoTime() - killedAt) / 1_000_000);
        String code = reply.body().getJsonObject("error", new JsonObject()).getString("code");
        codes.add(reply.status() + " " + code);
        assertThat(reply.body().getBoolean("ok")).as("in flight #%d: %s", i, reply.body()).isFalse();
        assertThat(code).as("in flight #%d: %s", i, reply.body()).isIn(CommandException.OUTCOME_UNKNOWN, CommandException.NOT_EXECUTED);
        assertThat(reply.status()).isEqualTo(CommandException.OUTCOME_UNKNOWN.equals(code) ? 504 : 503);
        if (CommandException.NOT_EXECUTED.equals(code)) {
          notExecuted.add("in flight #" + i);
        }
      }
      JsonObject ack = console.nextOfType("ack");
      String socketCode = ack.getJsonObject("error", new JsonObject()).getString("code");
      assertThat(ack.getBoolean("ok")).as("the socket's command: %s", ack).isFalse();
      assertThat(socketCode).as("the socket's command: %s", ack).isIn(CommandException.OUTCOME_UNKNOWN, CommandException.NOT_EXECUTED);
      if (CommandException.NOT_EXECUTED.equals(socketCode)) {
        notExecuted.add("in flight on a socket");
      }
      codes.add("socket " + socketCode);

      long deadline = System.currentTimeMillis() + 30_000;
      while (!follower.isWriter() && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertThat(follower.health().getString("role")).as("the last node takes over").isEqualTo("writer");
      assertThat(cluster.message(follower, "after the in-flight kill")).isTrue();
      Thread.sleep(3_000); // time for any command held somewhere to surface
      Map<String, Integer> applied = cluster.applied();
      for (String text : notExecuted) {
        assertThat(applied).as("%s was answered not_executed", text).doesNotContainKey(text);
      }
      cluster.assertEveryAcknowledgedCommandAppliedOnce();
      JsonObject health = follower.health().getJsonObject("cluster");
      assertThat(health.getInteger("size")).isEqualTo(1);
      assertThat(health.getInteger("lostMembers")).isEqualTo(2);
      long appliedInFlight = applied.keySet().stream().filter(text -> text.startsWith("in flight")).count();
      System.out.println("cluster: commands in flight when the frozen writer was killed answered " + codes + ", "
          + answeredAt + " ms after the kill; " + appliedInFlight + " of them applied");
    }
  }

  /** Until every node in {@code nodes} says a cluster of {@code size} that lost {@code lost} members (30 s at most). */
  private static void awaitCluster(List<NodeProcess> nodes, int size, int lost) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    List<JsonObject> seen = new ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      seen.clear();
      for (NodeProcess node : nodes) {
        seen.add(node.health());
      }
      if (seen.stream().allMatch(health -> health != null && health.getJsonObject("cluster").getInteger("size") == size
          && health.getJsonObject("cluster").getInteger("lostMembers") == lost)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the nodes did not report a cluster of " + size + " that lost " + lost + ": " + seen);
  }

  /** Polls the nodes' roles until stopped, recording every node that said writer. */
  private static final class Roles implements Runnable {
    final List<NodeProcess> nodes;
    final Set<NodeProcess> everWriter;
    volatile boolean stop;

    Roles(List<NodeProcess> nodes, Set<NodeProcess> everWriter) {
      this.nodes = nodes;
      this.everWriter = everWriter;
    }

    @Override
    public void run() {
      while (!stop) {
        for (NodeProcess node : nodes) {
          if (node.isWriter()) {
            everWriter.add(node);
          }
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
