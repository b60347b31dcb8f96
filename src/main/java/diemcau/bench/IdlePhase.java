package diemcau.bench;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** Idle cost: while an agenda item runs and nothing changes, what does the server spend and send? */
final class IdlePhase {

  private IdlePhase() {}

  static JsonObject run(BenchRig rig, Metered server, Fleet fleet, List<Viewer> viewers) throws Exception {
    JsonObject idle = new JsonObject();
    // after the agenda was started (AgendaPreparation): its frames have reached every viewer
    Thread.sleep(1000);
    rig.step("idle cost: %d s with an agenda item running", rig.options.idleSeconds());
    JsonObject before = server.metrics(false);
    fleet.resetHeartbeatGap();
    long beats = fleet.heartbeats.sum();
    long others = fleet.otherFrames.sum();
    long started = System.nanoTime();
    Thread.sleep(rig.options.idleSeconds() * 1000L);
    double seconds = (System.nanoTime() - started) / 1e9;
    JsonObject after = server.metrics(false);
    long beatCount = fleet.heartbeats.sum() - beats;
    long otherCount = fleet.otherFrames.sum() - others;
    int open = Viewer.connected(viewers).size();
    idle.put("seconds", Stats.round(seconds))
        .put("viewers", open)
        .put("heartbeats", beatCount)
        .put("otherFrames", otherCount)
        .put("framesPerSecondPerViewer", open == 0 ? null : Units.round4((beatCount + otherCount) / seconds / open))
        .put("minHeartbeatIntervalS", fleet.minHeartbeatGapSeconds());
    if (before != null && after != null) {
      double cpu = after.getLong("processCpuNanos") - before.getLong("processCpuNanos");
      double wall = (after.getLong("time") - before.getLong("time")) * 1e6;
      idle.put("cpuPercentOfOneCore", Stats.round(100 * cpu / wall));
    }
    return idle;
  }
}
