package diemcau.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A series' rounds node by node: from the command, when the first and the last of each node's
 * viewers got the change; from the writer's publish (its time in the frame, to the millisecond)
 * to each node's first viewer; and each node's server CPU per change. A node's first viewer is
 * the nearest the bench gets to "published on that node": the node has taken the change off its
 * bus and begun writing it out. So, per round: command → on every node (the slowest node's first
 * viewer), and the writer's node → each follower's (the relay).
 */
final class NodeRounds {

  private final List<List<Viewer>> byNode = new ArrayList<>();
  private final int writer;
  private final double[][] first;
  private final double[][] last;
  private final double[][] published;
  private JsonArray cpu;

  /** {@code publics}: the series' public viewers; {@code writer}: the writer's node index, or -1. */
  NodeRounds(List<Viewer> publics, int nodes, int writer, int count) {
    this.writer = writer;
    for (int n = 0; n < nodes; n++) {
      byNode.add(new ArrayList<>());
    }
    publics.forEach(viewer -> byNode.get(viewer.node).add(viewer));
    first = new double[nodes][count];
    last = new double[nodes][count];
    published = new double[nodes][count];
  }

  /** Round {@code r}: {@code publishedMs} is the writer's publish, from the command (NaN when its clock is not ours). */
  void round(int r, RoundWatch watch, double publishedMs) {
    for (int n = 0; n < byNode.size(); n++) {
      first[n][r] = watch.firstMs(byNode.get(n));
      last[n][r] = watch.lastMs(byNode.get(n));
      published[n][r] = first[n][r] - publishedMs;
    }
  }

  /** Each node's server CPU over the rounds, from two readings of every node ({@link Nodes#metrics}). */
  void cpu(JsonArray before, JsonArray after, int changes) {
    cpu = new JsonArray();
    for (int n = 0; n < Math.min(before.size(), after.size()); n++) {
      JsonObject was = before.getJsonObject(n);
      JsonObject now = after.getJsonObject(n);
      double processMs = (now.getLong("processCpuNanos") - was.getLong("processCpuNanos")) / 1e6;
      JsonObject threads = new JsonObject();
      JsonObject kinds = now.getJsonObject("cpuByThreads", new JsonObject());
      kinds.fieldNames().forEach(kind -> threads.put(kind,
          kinds.getLong(kind) - was.getJsonObject("cpuByThreads", new JsonObject()).getLong(kind, 0L)));
      // compiling is a warm-up cost a long-running node has paid (cpuByThreads: 10 ms ticks)
      cpu.add(new JsonObject()
          .put("processCpuMsPerChange", Stats.round(processMs / changes))
          .put("processCpuLessJitMsPerChange", Stats.round((processMs - threads.getLong("jit", 0L)) / changes))
          .put("framesSent", now.getLong("framesSent", 0L) - was.getLong("framesSent", 0L))
          .put("cpuMsByThreads", threads));
    }
  }

  /** Per node ({@code nodes}) and across them ({@code commandToEveryNodeMs}; {@code relayMs} with a writer and a follower). */
  JsonObject toJson(int rounds) {
    JsonArray nodes = new JsonArray();
    for (int n = 0; n < byNode.size(); n++) {
      JsonObject node = new JsonObject().put("node", n).put("viewers", byNode.get(n).size());
      if (!byNode.get(n).isEmpty()) {
        node.put("firstMs", stats(first[n], rounds)).put("lastMs", stats(last[n], rounds))
            .put("publishedToFirstMs", stats(published[n], rounds));
      }
      if (cpu != null && n < cpu.size()) {
        node.mergeIn(cpu.getJsonObject(n));
      }
      nodes.add(node);
    }
    JsonObject json = new JsonObject().put("nodes", nodes).put("commandToEveryNodeMs", stats(everyNode(rounds), rounds));
    double[] relay = relay(rounds);
    if (relay != null) {
      json.put("relayMs", stats(relay, rounds)).put("writerNode", writer);
    }
    return json;
  }

  /** Per round, the slowest node's first viewer (NaN where a node with viewers had none of them). */
  private double[] everyNode(int rounds) {
    double[] every = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      for (int n = 0; n < byNode.size(); n++) {
        if (!byNode.get(n).isEmpty()) {
          every[r] = Math.max(every[r], first[n][r]);
        }
      }
    }
    return every;
  }

  /** Per round, the latest follower's first viewer less the writer's node's; null without both. */
  private double[] relay(int rounds) {
    if (writer < 0 || byNode.get(writer).isEmpty()) {
      return null;
    }
    double[] relay = null;
    for (int n = 0; n < byNode.size(); n++) {
      if (n == writer || byNode.get(n).isEmpty()) {
        continue;
      }
      if (relay == null) {
        relay = new double[rounds];
        java.util.Arrays.fill(relay, Double.NEGATIVE_INFINITY);
      }
      for (int r = 0; r < rounds; r++) {
        relay[r] = Math.max(relay[r], first[n][r] - first[writer][r]);
      }
    }
    return relay;
  }

  private static JsonObject stats(double[] values, int rounds) {
    return Stats.of(Series.finite(java.util.Arrays.copyOf(values, rounds))).toJson();
  }
}

