package diemcau.bench;

import io.vertx.core.json.JsonObject;

/** CPU and delivery counters of a server, read before and after a series of rounds. */
interface ServerProbe {

  /** One reading: event-loop and process CPU, frames sent, CPU by kind of thread; null without metrics. */
  record Sample(long loopCpuNanos, long processCpuNanos, long delivered, JsonObject threads) {}

  Sample sample() throws Exception;

  /** Reads the server's {@code /api/metrics} (admin token); null samples without it. */
  static ServerProbe of(ServerUnderTest server) {
    return () -> {
      JsonObject metrics = server.metrics(false);
      return metrics == null ? null
          : new Sample(metrics.getLong("eventLoopCpuNanos"), metrics.getLong("processCpuNanos"), metrics.getLong("framesSent"),
              metrics.getJsonObject("cpuByThreads"));
    };
  }
}
