package diemcau.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** CPU and delivery counters of a server (or of every node of a cluster), read before and after a series of rounds. */
interface ServerProbe {

  /**
   * One reading: event-loop and process CPU, frames sent, CPU by kind of thread; with several nodes,
   * each node's own reading under {@code nodes} (else null).
   */
  record Sample(long loopCpuNanos, long processCpuNanos, long delivered, JsonObject threads, JsonArray nodes) {}

  Sample sample() throws Exception;

  /** Reads {@code GET /api/metrics} (admin token) of a server or of every node; null samples without it. */
  static ServerProbe of(Metered server) {
    return () -> {
      JsonObject metrics = server.metrics(false);
      return metrics == null ? null
          : new Sample(metrics.getLong("eventLoopCpuNanos"), metrics.getLong("processCpuNanos"), metrics.getLong("framesSent"),
              metrics.getJsonObject("cpuByThreads"), metrics.getJsonArray("nodes"));
    };
  }

  /** No readings: for series whose server's counters another series shares. */
  static ServerProbe none() {
    return () -> null;
  }
}
