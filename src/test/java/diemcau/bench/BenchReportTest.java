package diemcau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The bench's table and targets for the series by operation")
class BenchReportTest {

  @Test
  @DisplayName("the agenda step leads the table, with its frame's bytes and the share of patch frames")
  void headline() {
    String table = ReportTable.format(report(1000, 40.0, 20.0));
    assertThat(table.indexOf("agenda.next/previous, socket")).isPositive().isLessThan(table.indexOf("screen.message, socket"))
        .isLessThan(table.indexOf("connect N"));
    assertThat(table).containsPattern("agenda\\.next/previous, socket +312 \\(90% patch\\) +10\\.0 / 40\\.0 / 41\\.0")
        .containsPattern("screen\\.message, socket +322 +10\\.0 / 20\\.0 / 21\\.0");
  }

  @Test
  @DisplayName("from 1,000 viewers, an agenda step's p99 is held to 1.2× a message's of the same rounds")
  void stepAgainstMessage() {
    JsonObject twice = find(PublishedTargets.evaluate(report(1000, 40.0, 20.0)), "agenda step p99 vs screen message p99");
    assertThat(twice.getBoolean("holds")).isFalse();
    assertThat(twice.getString("measured")).startsWith("2.00×").contains("312 vs 322 B");
    assertThat(find(PublishedTargets.evaluate(report(1000, 23.0, 20.0)), "agenda step p99 vs screen message p99")
        .getBoolean("holds")).isTrue();
    assertThat(find(PublishedTargets.evaluate(report(50, 40.0, 20.0)), "agenda step p99 vs screen message p99"))
        .as("below 1,000 viewers a command's own cost outweighs the fan-out").isNull();
  }

  @Test
  @DisplayName("with several nodes the table has a row per node (role, viewers, first and last viewer, CPU per change) and the cluster hop")
  void nodesAndHop() {
    JsonObject report = report(1000, 23.0, 20.0);
    JsonObject d = report.getJsonObject("diemcau");
    d.put("nodes", new JsonArray()
        .add(new JsonObject().put("url", "http://127.0.0.1:8081").put("role", "writer").put("viewers", 500).put("commands", false))
        .add(new JsonObject().put("url", "http://127.0.0.1:8082").put("role", "follower").put("viewers", 500).put("commands", true)));
    d.put("fanout", new JsonObject().put("byNode", new JsonObject().put("nodes", new JsonArray()
        .add(node(0, 2.5, 30.0, 0.8))
        .add(node(1, 3.5, 31.0, 0.6)))));
    d.put("hop", hop(4.0, 2.5, 0.9));
    String table = ReportTable.format(report);
    assertThat(table).containsPattern("0 http://127\\.0\\.0\\.1:8081 +writer +500 +2\\.50 / 2\\.50  30\\.00 / 30 +0\\.80")
        .containsPattern("1 http://127\\.0\\.0\\.1:8082 +follower, commands +500 +3\\.50 / 3\\.50  31\\.00 / 31 +0\\.60")
        .containsPattern("on the follower → every node p50 / p99 +4\\.00 / 8")
        .containsPattern("the hop: the difference, p50 / p99 +1\\.50 / 3")
        .containsPattern("relay\\) p50 / p99 +0\\.90 / 1\\.80")
        .containsPattern("on the writer → last viewer p50 / p99 +20\\.00 / 40");
    JsonObject target = find(PublishedTargets.evaluate(report), "cluster hop p50");
    assertThat(target.getBoolean("holds")).isTrue();
    assertThat(target.getString("measured")).startsWith("1.50 ms (4.0 vs 2.5 ms; relay 0.9 ms)");
    d.put("hop", hop(5.0, 2.5, 0.9));
    assertThat(find(PublishedTargets.evaluate(report), "cluster hop p50").getBoolean("holds")).isFalse();
    assertThat(ReportTable.format(report(1000, 23.0, 20.0))).as("one server: no node rows").doesNotContain("cluster hop");
  }

  @Test
  @DisplayName("a round node by node: each node's first and last viewer, the slowest node's first, the writer's node → the follower's")
  void nodeRounds() {
    List<Viewer> viewers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      viewers.add(new Viewer(i, i % 2, "/ws", "public", null, Viewer.PUBLIC_TOPICS, false, false));
    }
    RoundWatch watch = new RoundWatch(null, FrameScan.SCREEN, 1, viewers.size(), viewers);
    long sent = 1_000_000_000L;
    watch.sentNanos = sent;
    Buffer frame = Buffer.buffer("{\"type\":\"state\",\"topic\":\"screen\",\"rev\":2,\"server\":5}");
    // node 0, the writer: its viewers at 2 and 6 ms; node 1: at 3.5 and 9 ms
    watch.arrive(viewers.get(0), sent + 2_000_000, frame);
    watch.arrive(viewers.get(2), sent + 6_000_000, frame);
    watch.arrive(viewers.get(1), sent + 3_500_000, frame);
    watch.arrive(viewers.get(3), sent + 9_000_000, frame);
    NodeRounds rounds = new NodeRounds(viewers, 2, 0, 1);
    rounds.round(0, watch, 1.0);
    JsonObject json = rounds.toJson(1);
    JsonObject writer = json.getJsonArray("nodes").getJsonObject(0);
    JsonObject follower = json.getJsonArray("nodes").getJsonObject(1);
    assertThat(writer.getInteger("viewers")).isEqualTo(2);
    assertThat(writer.getJsonObject("firstMs").getDouble("p50")).isEqualTo(2.0);
    assertThat(writer.getJsonObject("lastMs").getDouble("p50")).isEqualTo(6.0);
    assertThat(writer.getJsonObject("publishedToFirstMs").getDouble("p50")).as("from the writer's publish, 1 ms after the command")
        .isEqualTo(1.0);
    assertThat(follower.getJsonObject("firstMs").getDouble("p50")).isEqualTo(3.5);
    assertThat(follower.getJsonObject("lastMs").getDouble("p50")).isEqualTo(9.0);
    assertThat(json.getJsonObject("commandToEveryNodeMs").getDouble("p50")).as("the slowest node's first viewer").isEqualTo(3.5);
    assertThat(json.getJsonObject("relayMs").getDouble("p50")).as("the follower's first viewer less the writer's").isEqualTo(1.5);
    assertThat(new NodeRounds(viewers, 2, -1, 1).toJson(1).containsKey("relayMs")).as("no writer known: no relay").isFalse();
  }

  private static JsonObject node(int index, double first, double last, double cpu) {
    return new JsonObject().put("node", index).put("viewers", 500).put("processCpuLessJitMsPerChange", cpu)
        .put("firstMs", new JsonObject().put("p50", first).put("p99", first))
        .put("lastMs", new JsonObject().put("p50", last).put("p99", last));
  }

  private static JsonObject hop(double everyNode, double writer, double relay) {
    return new JsonObject()
        .put("followerToEveryNodeMs", new JsonObject().put("p50", everyNode).put("p99", 2 * everyNode))
        .put("writerToItsNodeMs", new JsonObject().put("p50", writer).put("p99", 2 * writer))
        .put("hopP50Ms", everyNode - writer).put("hopP99Ms", 2 * (everyNode - writer))
        .put("relayMs", new JsonObject().put("p50", relay).put("p99", 2 * relay))
        .put("writerToLastMs", new JsonObject().put("p50", 20.0).put("p99", 40.0));
  }

  private static JsonObject find(JsonArray targets, String prefix) {
    return targets.stream().map(JsonObject.class::cast).filter(target -> target.getString("name").startsWith(prefix))
        .findFirst().orElse(null);
  }

  private static JsonObject report(int viewers, double stepP99, double messageP99) {
    JsonArray operations = new JsonArray()
        .add(series("agenda.next/previous", 312, 900, 100, stepP99))
        .add(series("screen.message", 322, 0, 1000, messageP99));
    return new JsonObject()
        .put("machine", new JsonObject().put("cores", 2).put("jvm", "jvm").put("os", "os"))
        .put("config", new JsonObject().put("url", "http://127.0.0.1:8080").put("viewers", viewers).put("rounds", 50)
            .put("priority", 0).put("slow", 0).put("door", "socket"))
        .put("diemcau", new JsonObject().put("operations", operations));
  }

  private static JsonObject series(String operation, int frameBytes, long patches, long states, double p99) {
    return new JsonObject().put("operation", operation).put("door", "socket").put("frameBytes", frameBytes)
        .put("patchFrames", patches).put("stateFrames", states)
        .put("latencyMs", new JsonObject().put("p50", 10.0).put("p99", p99).put("max", p99 + 1));
  }
}
