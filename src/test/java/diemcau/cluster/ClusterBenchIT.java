package diemcau.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.bench.BenchCommand;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench} with two {@code --url}s against two cluster nodes (each its own JVM on 127.0.0.1,
 * one MariaDB database): its viewers spread over both nodes, its commands sent on the follower,
 * every round reaches every viewer on either node, and the report names the writer and carries
 * each node's figures and the cluster hop. Not a timed assertion: the figures are printed.
 */
@DisplayName("bench against a cluster of two nodes")
class ClusterBenchIT {

  @AutoClose
  static TestCluster cluster;
  static List<NodeProcess> nodes;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    cluster = TestCluster.of(2);
    nodes = cluster.live();
  }

  @Test
  @DisplayName("viewers spread over both nodes, commands on the follower: every round reaches both, the writer is named, the hop measured")
  void benchSpreadsViewersOverTwoNodes() throws Exception {
    Path json = Files.createTempFile("cluster-bench", ".json");
    String first = "http://127.0.0.1:" + nodes.get(0).port;
    String second = "http://127.0.0.1:" + nodes.get(1).port;
    int exit = new CommandLine(new BenchCommand()).execute("--url", first + "," + second, "--commands-to", "follower",
        "--mc-token", TestServer.MC_TOKEN, "--admin-token", TestServer.ADMIN_TOKEN, "--viewers", "10", "--rounds", "10",
        "--priority", "2", "--slow", "0", "--idle-seconds", "1", "--warmup-rounds", "3", "--door", "socket",
        "--json", json.toString());
    assertThat(exit).isZero();
    JsonObject report = new JsonObject(Files.readString(json));
    JsonObject d = report.getJsonObject("diemcau");

    JsonArray described = d.getJsonArray("nodes");
    String writer = nodes.get(0).isWriter() ? first : second;
    for (int n = 0; n < 2; n++) {
      JsonObject node = described.getJsonObject(n);
      boolean isWriter = node.getString("url").equals(writer);
      assertThat(node.getString("role")).as(node.getString("url") + " in /health").isEqualTo(isWriter ? "writer" : "follower");
      assertThat(node.getInteger("clusterSize")).isEqualTo(2);
      assertThat(node.getInteger("viewers")).as("10 viewers round robin over 2 nodes").isEqualTo(5);
      assertThat(node.getBoolean("commands")).as("--commands-to follower").isEqualTo(!isWriter);
    }

    JsonObject fanout = d.getJsonObject("fanout");
    assertThat(fanout.getInteger("failedRounds")).as("every round reached every viewer on both nodes").isZero();
    JsonArray byNode = fanout.getJsonObject("byNode").getJsonArray("nodes");
    for (int n = 0; n < 2; n++) {
      assertThat(byNode.getJsonObject(n).getJsonObject("lastMs").getInteger("count")).isEqualTo(10);
      assertThat(byNode.getJsonObject(n).getDouble("processCpuMsPerChange")).as("each node's own CPU").isPositive();
    }
    assertThat(fanout.getJsonObject("byNode").getJsonObject("relayMs").getInteger("count")).isEqualTo(10);

    JsonObject hop = d.getJsonObject("hop");
    assertThat(hop.getString("writerUrl")).isEqualTo(writer);
    assertThat(hop.getJsonObject("followerToEveryNodeMs").getInteger("count")).isEqualTo(10);
    assertThat(hop.getJsonObject("writerToItsNodeMs").getInteger("count")).isEqualTo(10);
    assertThat(hop.getJsonObject("relayMs").getDouble("p50")).as("the follower's first viewer less the writer's, each round")
        .isNotNull();
    assertThat(hop.getDouble("hopP50Ms")).isNotNull();
    assertThat(report.getJsonArray("targets").stream().map(target -> ((JsonObject) target).getString("name")))
        .anyMatch(name -> name.startsWith("cluster hop p50"));
    System.out.printf("cluster bench, 2 nodes × 5 viewers, 10 rounds: hop p50 %s ms (follower → every node %s, writer → its node %s,"
            + " relay %s ms p50)%n", hop.getValue("hopP50Ms"), hop.getJsonObject("followerToEveryNodeMs").getValue("p50"),
        hop.getJsonObject("writerToItsNodeMs").getValue("p50"), hop.getJsonObject("relayMs").getValue("p50"));
  }
}
