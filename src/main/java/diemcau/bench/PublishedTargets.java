package diemcau.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The published targets (docs/BENCHMARKS.md), checked against one run's report. A target a run did not measure is left out. */
final class PublishedTargets {

  /** Memory per viewer is a difference of two GC'd readings: below this many viewers it is noise. */
  static final int MEMORY_MIN_VIEWERS = 1000;

  private PublishedTargets() {}

  static JsonArray evaluate(JsonObject report) {
    JsonArray targets = new JsonArray();
    JsonObject d = report.getJsonObject("diemcau", new JsonObject());
    JsonObject bare = report.getJsonObject("bare");
    int n = report.getJsonObject("config").getInteger("viewers");

    Double p99 = at(d, "fanout", "latencyMs", "p99");
    if (p99 != null && n <= 5000) {
      double limit = n <= 1000 ? 45 : 80;
      targets.add(check("fan-out p99 at " + n + " viewers", "≤ " + (int) limit + " ms", p99 + " ms", p99 <= limit));
    }
    Double priority = at(d, "priority", "priorityLatencyMs", "p99");
    if (priority != null) {
      targets.add(check("priority tier p99 (" + d.getJsonObject("priority").getInteger("screens") + " screens beside "
          + n + " viewers), command→last", "≤ 10 ms", priority + " ms", priority <= 10));
    }
    agendaSteps(targets, d, n);
    Double hop = at(d, "hop", "hopP50Ms");
    if (hop != null) {
      targets.add(check("cluster hop p50: command on a follower → every node, less on the writer → its node", "≤ 2 ms",
          String.format("%.2f ms (%s vs %s ms; relay %s ms)", hop, at(d, "hop", "followerToEveryNodeMs", "p50"),
              at(d, "hop", "writerToItsNodeMs", "p50"), at(d, "hop", "relayMs", "p50")), hop <= 2));
    }
    Double priorityHub = at(d, "priority", "priorityPublishToLastMs", "p99");
    if (priorityHub != null) {
      targets.add(check("priority tier p99, published→last (the hub's part)", "≤ 10 ms", priorityHub + " ms",
          priorityHub <= 10));
    }
    // the same moments of the machine: diemcau's rounds taken in turn with the bare reference's
    Double cpu = at(d, "fanoutInTurn", "processCpuLessJitUsPerMessage");
    Double bareCpu = bare == null ? null : at(bare, "fanout", "processCpuLessJitUsPerMessage");
    // below 1,000 viewers a command's own cost (HTTP, commit) outweighs the fan-out: not a per-message figure
    if (cpu != null && bareCpu != null && bareCpu > 0 && n >= 1000) {
      double ratio = cpu / bareCpu;
      targets.add(check("server CPU per delivered message vs bare (process less JIT)", "≤ 1.2×",
          String.format("%.2f× (%.1f vs %.1f µs)", ratio, cpu, bareCpu), ratio <= 1.2));
    }
    Double storm = at(d, "storm", "seconds");
    Double stormErrors = at(d, "storm", "errors");
    if (storm != null && n <= 5000) {
      targets.add(check("reconnect storm of " + n, "≤ 5 s, no errors", storm + " s, " + stormErrors.intValue() + " errors",
          storm <= 5 && stormErrors == 0));
    }
    Double other = at(d, "idle", "otherFrames");
    if (other != null) {
      Double gap = at(d, "idle", "minHeartbeatIntervalS");
      // by the server's clock in the beats: after a beat a busy loop made late, a fixed-rate timer
      // fires the next that much early
      boolean holds = other == 0 && (gap == null || gap >= 14.95);
      targets.add(check("idle viewers: heartbeats only, ≥ 15 s apart", "0 other frames",
          other.longValue() + " other frames, shortest heartbeat gap " + (gap == null ? "not seen twice" : gap + " s"), holds));
    }
    Double heap = n >= MEMORY_MIN_VIEWERS ? at(d, "memory", "heapPerViewerKB") : null;
    if (heap != null) {
      Double bareHeap = bare == null ? null : at(bare, "memory", "heapPerViewerKB");
      targets.add(check("heap per idle viewer", "≤ 10 KB", heap + " KB" + (bareHeap == null ? "" : " (bare " + bareHeap + " KB)"),
          heap <= 10));
    }
    Double rss = n >= MEMORY_MIN_VIEWERS ? at(d, "memory", "rssPerViewerKB") : null;
    if (rss != null) {
      Double bareRss = bare == null ? null : at(bare, "memory", "rssPerViewerKB");
      targets.add(check("RSS per idle viewer", "≤ 16 KB", rss + " KB" + (bareRss == null ? "" : " (bare " + bareRss + " KB)"),
          rss <= 16));
    }
    Double ratio = at(d, "slow", "p99Ratio");
    if (ratio != null) {
      JsonObject slow = d.getJsonObject("slow");
      Double parked = at(d, "slow", "parked");
      Double perStuck = at(d, "slow", "heapGrowthPerStuckKB");
      int stuck = slow.getInteger("stuck");
      boolean bounded = parked == null || parked <= 2.0 * stuck;
      targets.add(check(stuck + " stuck viewers: memory bounded", "≤ 1 parked state per topic per stuck socket",
          (parked == null ? "?" : parked.intValue()) + " parked, heap " + (perStuck == null ? "?" : perStuck) + " KB per stuck socket",
          bounded));
      targets.add(check(stuck + " stuck viewers: others' p99", "within 10%",
          String.format("%.2f× (%s vs %s ms)", ratio, at(d, "slow", "othersLatencyMs", "p99"), at(d, "slow", "baselineMs", "p99")),
          ratio <= 1.1));
    }
    return targets;
  }

  /**
   * An agenda step is what the MC does most: at 1,000 viewers and more its command → last viewer
   * p99 within 1.2× of a screen message's in the same rounds (by each door), and the priority
   * tier's p99 ≤ 10 ms for agenda steps as for messages.
   */
  private static void agendaSteps(JsonArray targets, JsonObject d, int n) {
    for (String door : List.of(ServerUnderTest.SOCKET, ServerUnderTest.REST)) {
      JsonObject steps = OperationsPhase.find(d, "agenda.next/previous", door);
      JsonObject messages = OperationsPhase.find(d, "screen.message", door);
      Double stepP99 = steps == null ? null : at(steps, "latencyMs", "p99");
      Double messageP99 = messages == null ? null : at(messages, "latencyMs", "p99");
      if (stepP99 != null && messageP99 != null && messageP99 > 0 && n >= 1000) {
        double ratio = stepP99 / messageP99;
        targets.add(check("agenda step p99 vs screen message p99 (" + door + ", in turn)", "≤ 1.2×",
            String.format("%.2f× (%s vs %s ms; frames %s vs %s B)", ratio, stepP99, messageP99, steps.getValue("frameBytes"),
                messages.getValue("frameBytes")), ratio <= 1.2));
      }
    }
    Double priority = at(d, "priority", "agendaSteps", "priorityLatencyMs", "p99");
    if (priority != null) {
      targets.add(check("priority tier p99 for agenda steps, command→last", "≤ 10 ms", priority + " ms", priority <= 10));
    }
  }

  private static JsonObject check(String name, String target, String measured, boolean holds) {
    return new JsonObject().put("name", name).put("target", target).put("measured", measured).put("holds", holds);
  }

  /** A number at a path of nested objects, or null. */
  static Double at(JsonObject root, String... path) {
    Object value = root;
    for (String key : path) {
      if (!(value instanceof JsonObject object)) {
        return null;
      }
      value = object.getValue(key);
    }
    return value instanceof Number number ? number.doubleValue() : null;
  }
}
