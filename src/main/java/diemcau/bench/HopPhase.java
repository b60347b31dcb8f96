package diemcau.bench;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The cluster hop: screen messages sent on a follower (forwarded to the writer, committed there,
 * published to every node) in turn, round by round, with the same sent on the writer (the path a
 * single server takes). Per round each node's first viewer marks when the change was on that node
 * ({@link NodeRounds}); the hop is what the follower's path adds: command on the follower → on
 * every node, less command on the writer → on the writer's node. Only with a writer and a
 * follower among {@code --url}.
 */
final class HopPhase {

  private HopPhase() {}

  /** The two series' figures and the hop they make, or null without both a writer and a follower. */
  static JsonObject run(BenchRig rig, SeriesRunner runner, Nodes nodes, Fleet fleet, List<Viewer> publics) throws Exception {
    int writer = nodes.writerIndex();
    int follower = nodes.followerIndex();
    if (writer < 0 || follower < 0) {
      return null;
    }
    rig.step("cluster hop: %d rounds of messages sent on a follower (%s) in turn with the writer (%s), to %d viewers",
        rig.options.rounds(), nodes.all.get(follower).server().address(), nodes.all.get(writer).server().address(), publics.size());
    // one cluster's counters: neither series gets CPU figures of its own
    List<SeriesFigures> both = runner.inTurn(List.of(
        new Series(nodes.all.get(follower).server(), fleet, Operation.screenMessage(), publics, List.of(), publics,
            ServerProbe.none(), rig.options.rounds()),
        new Series(nodes.all.get(writer).server(), fleet, Operation.screenMessage(), publics, List.of(), publics,
            ServerProbe.none(), rig.options.rounds())));
    JsonObject viaFollower = both.get(0).toJson();
    JsonObject viaWriter = both.get(1).toJson();
    JsonObject everyNode = viaFollower.getJsonObject("byNode").getJsonObject("commandToEveryNodeMs");
    JsonObject writerNode = viaWriter.getJsonObject("byNode").getJsonArray("nodes").getJsonObject(writer).getJsonObject("firstMs");
    JsonObject relay = viaWriter.getJsonObject("byNode").getJsonObject("relayMs");
    return new JsonObject()
        .put("followerUrl", nodes.all.get(follower).server().address())
        .put("writerUrl", nodes.all.get(writer).server().address())
        .put("followerToEveryNodeMs", everyNode)
        .put("writerToItsNodeMs", writerNode)
        .put("hopP50Ms", difference(everyNode, writerNode, "p50"))
        .put("hopP99Ms", difference(everyNode, writerNode, "p99"))
        .put("relayMs", relay)
        .put("followerToLastMs", viaFollower.getJsonObject("latencyMs"))
        .put("writerToLastMs", viaWriter.getJsonObject("latencyMs"))
        .put("viaFollower", viaFollower)
        .put("viaWriter", viaWriter);
  }

  private static Double difference(JsonObject a, JsonObject b, String key) {
    Double x = a == null ? null : a.getDouble(key);
    Double y = b == null ? null : b.getDouble(key);
    return x == null || y == null ? null : Stats.round(x - y);
  }
}
