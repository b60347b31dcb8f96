package diemcau.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/** The figures of one series of rounds: latencies, the frame's size, failures and the server's CPU per delivered message. */
final class SeriesFigures {
  Stats latency = Stats.EMPTY;
  Stats priorityLatency = Stats.EMPTY;
  Stats spread = Stats.EMPTY;
  Stats first = Stats.EMPTY;
  Stats ack = Stats.EMPTY;
  Stats publishToLast = Stats.EMPTY;
  Stats publishToLastPriority = Stats.EMPTY;
  Stats commandToPublish = Stats.EMPTY;
  double[] perRound = new double[0];
  /** Each round's command → last priority screen (ms), where the series had a priority tier. */
  double[] perRoundPriority = new double[0];
  /** When each round's command was sent (epoch ms): to lay rounds beside a GC log or another series. */
  long[] sentAt = new long[0];
  JsonObject cpuMsByThreads;
  /** The size of the frame a viewer received in a round (bytes of the WebSocket message): the median, and all of them. */
  int frameBytes;
  Stats receivedBytes = Stats.EMPTY;
  /** Of the frames received, how many were patches (what changed) and how many whole states. */
  long patchFrames;
  long stateFrames;
  int failed;
  int warmupRounds;
  long delivered;
  double loopCpuUsPerMessage = Double.NaN;
  double processCpuUsPerMessage = Double.NaN;
  /** Process CPU less the JIT compiler threads: compiling is a warm-up cost a long-running server has paid. */
  double steadyCpuUsPerMessage = Double.NaN;
  /** The rounds node by node ({@link NodeRounds}). */
  JsonObject nodes;
  /** The bench machine's CPU time the hypervisor gave to others during the rounds (%). */
  double stealPercent = Double.NaN;

  JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("latencyMs", latency.toJson())
        .put("spreadMs", spread.toJson())
        .put("firstMs", first.toJson())
        .put("ackMs", ack.toJson())
        .put("frameBytes", frameBytes)
        .put("receivedBytes", receivedBytes.toJson())
        .put("patchFrames", patchFrames)
        .put("stateFrames", stateFrames)
        .put("failedRounds", failed)
        .put("warmupRounds", warmupRounds)
        .put("delivered", delivered)
        .put("eventLoopCpuUsPerMessage", Stats.round(loopCpuUsPerMessage))
        .put("processCpuUsPerMessage", Stats.round(processCpuUsPerMessage))
        .put("processCpuLessJitUsPerMessage", Stats.round(steadyCpuUsPerMessage))
        .put("stealPercent", Stats.round(stealPercent));
    if (priorityLatency.count() > 0) {
      json.put("priorityLatencyMs", priorityLatency.toJson());
    }
    if (publishToLast.count() > 0) {
      json.put("publishToLastMs", publishToLast.toJson());
      json.put("commandToPublishMs", commandToPublish.toJson());
    }
    if (publishToLastPriority.count() > 0) {
      json.put("priorityPublishToLastMs", publishToLastPriority.toJson());
    }
    if (cpuMsByThreads != null) {
      json.put("serverCpuMsByThreads", cpuMsByThreads);
    }
    if (nodes != null) {
      json.put("byNode", nodes);
    }
    if (perRoundPriority.length > 0) {
      json.put("perRoundPriorityMs", rounded(perRoundPriority));
    }
    return json.put("perRoundMs", rounded(perRound)).put("perRoundSentAtMs", new JsonArray(Arrays.stream(sentAt).boxed().toList()));
  }

  private static JsonArray rounded(double[] values) {
    return new JsonArray(Arrays.stream(values).mapToObj(Stats::round).toList());
  }
}
