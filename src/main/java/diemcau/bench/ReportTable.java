package diemcau.bench;

import static diemcau.bench.PublishedTargets.at;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The one table a bench run prints: the machine, N, and every figure beside the bare reference. */
final class ReportTable {

  private static final String ROW = "%-46s %-30s %s%n";
  private static final String OPERATION = "%-36s %-17s %-34s %s%n";
  private static final String NODE = "%-30s %-18s %-8s %-44s %s%n";
  private static final String NONE = "—";
  /** A busy neighbour on a shared virtual machine: it makes the tail of every latency, not ours alone. */
  private static final String STOLEN = "  CPU stolen by the hypervisor meanwhile (%)";

  private ReportTable() {}

  static String format(JsonObject report) {
    JsonObject machine = report.getJsonObject("machine");
    JsonObject config = report.getJsonObject("config");
    JsonObject d = report.getJsonObject("diemcau", new JsonObject());
    JsonObject bare = report.getJsonObject("bare", new JsonObject());
    JsonObject server = d.getJsonObject("server", new JsonObject());
    StringBuilder out = new StringBuilder();
    out.append(String.format("diemcau bench — machine: %d cores, %s, %s%n", machine.getInteger("cores"),
        machine.getString("jvm"), machine.getString("os")));
    out.append(String.format("server %s (%s%s); commands by %s; viewers %d, rounds %d, priority %s, stuck %s, message frame %s B%n",
        String.join(", ", config.getJsonArray("urls", new JsonArray().add(config.getString("url"))).stream()
            .map(String::valueOf).toList()),
        Boolean.TRUE.equals(server.getBoolean("local")) ? "on this machine" : "remote",
        server.getValue("pid") == null ? ", no metrics: pass --admin-token" : ", pid " + server.getValue("pid"),
        door(config.getString("door")), config.getInteger("viewers"), config.getInteger("rounds"), config.getValue("priority"), config.getValue("slow"),
        num(at(d, "fanout", "frameBytes"), 0)));
    if (server.getValue("transport") != null) {
      out.append(String.format("server runtime: %s transport, collectors %s%s%n", server.getValue("transport"),
          server.getValue("collectors"), bare.getValue("transport") == null ? ""
              : String.format("; bare reference: %s, %s", bare.getValue("transport"),
                  bare.getValue("gcOption") == null ? "default collector" : bare.getValue("gcOption"))));
    }
    nodes(out, report);
    operations(out, d);
    out.append(String.format(ROW, "", "diemcau", "bare broadcast"));
    out.append(String.format(ROW, "connect N, all with snapshot (s / errors)",
        pair(at(d, "connect", "seconds"), at(d, "connect", "errors")), pair(at(bare, "connect", "seconds"), at(bare, "connect", "errors"))));
    out.append(String.format(ROW, "fan-out command→last p50 / p99 / max (ms)", triple(d, "fanout", "latencyMs"), NONE));
    out.append(String.format(ROW, "  command→published (commit) p50 / p99 (ms)",
        pair(at(d, "fanout", "commandToPublishMs", "p50"), at(d, "fanout", "commandToPublishMs", "p99")), NONE));
    out.append(String.format(ROW, "  published→last viewer p50 / p99 (ms)",
        pair(at(d, "fanout", "publishToLastMs", "p50"), at(d, "fanout", "publishToLastMs", "p99")), NONE));
    out.append(String.format(ROW, "spread first→last viewer p50 / p99 (ms)",
        pair(at(d, "fanout", "spreadMs", "p50"), at(d, "fanout", "spreadMs", "p99")), NONE));
    out.append(String.format(ROW, STOLEN, num(at(d, "fanout", "stealPercent"), 1), NONE));
    out.append(String.format(ROW, "server CPU per message, process less JIT (µs)",
        num(at(d, "fanout", "processCpuLessJitUsPerMessage"), 2), NONE));
    if (d.containsKey("fanoutInTurn")) {
      out.append("the same, rounds taken in turn with the bare reference's (both fleets connected):\n");
      out.append(String.format(ROW, "fan-out command→last p50 / p99 / max (ms)", triple(d, "fanoutInTurn", "latencyMs"),
          triple(bare, "fanout", "latencyMs")));
      out.append(String.format(ROW, "  command→published (commit) p50 / p99 (ms)",
          pair(at(d, "fanoutInTurn", "commandToPublishMs", "p50"), at(d, "fanoutInTurn", "commandToPublishMs", "p99")),
          pair(at(bare, "fanout", "commandToPublishMs", "p50"), at(bare, "fanout", "commandToPublishMs", "p99"))));
      out.append(String.format(ROW, STOLEN, num(at(d, "fanoutInTurn", "stealPercent"), 1), num(at(bare, "fanout", "stealPercent"), 1)));
      out.append(String.format(ROW, "server CPU per delivered message, loops (µs)",
          num(at(d, "fanoutInTurn", "eventLoopCpuUsPerMessage"), 2), num(at(bare, "fanout", "eventLoopCpuUsPerMessage"), 2)));
      out.append(String.format(ROW, "server CPU per delivered message, process (µs)",
          num(at(d, "fanoutInTurn", "processCpuUsPerMessage"), 2), num(at(bare, "fanout", "processCpuUsPerMessage"), 2)));
      out.append(String.format(ROW, "  the same less JIT compiler threads (µs)",
          num(at(d, "fanoutInTurn", "processCpuLessJitUsPerMessage"), 2), num(at(bare, "fanout", "processCpuLessJitUsPerMessage"), 2)));
      out.append("\n");
    }
    if (d.containsKey("priority")) {
      JsonObject priority = d.getJsonObject("priority");
      out.append(String.format(ROW, String.format("priority tier (%d hall+%d bridge) p50 / p99 (ms)",
              priority.getInteger("hall"), priority.getInteger("bridges")),
          pair(at(d, "priority", "priorityLatencyMs", "p50"), at(d, "priority", "priorityLatencyMs", "p99")), NONE));
      out.append(String.format(ROW, "  published→last priority screen p50 / p99 (ms)",
          pair(at(d, "priority", "priorityPublishToLastMs", "p50"), at(d, "priority", "priorityPublishToLastMs", "p99")), NONE));
      if (priority.containsKey("agendaSteps")) {
        out.append(String.format(ROW, "  agenda steps: priority tier p50 / p99 (ms)",
            pair(at(priority, "agendaSteps", "priorityLatencyMs", "p50"), at(priority, "agendaSteps", "priorityLatencyMs", "p99")),
            NONE));
        out.append(String.format(ROW, "  the same, published→last p50 / p99 (ms)",
            pair(at(priority, "agendaSteps", "priorityPublishToLastMs", "p50"),
                at(priority, "agendaSteps", "priorityPublishToLastMs", "p99")), NONE));
      }
      out.append(String.format(ROW, "  public viewers meanwhile p50 / p99 (ms)",
          pair(at(d, "priority", "latencyMs", "p50"), at(d, "priority", "latencyMs", "p99")), NONE));
      out.append(String.format(ROW, STOLEN, num(at(d, "priority", "stealPercent"), 1), NONE));
      out.append(String.format(ROW, "  the bench's priority screens read at nice", priority.getValue("readerNice") != null
          ? priority.getValue("readerNice") : "0 (not raised: " + priority.getString("readerNiceRefused") + ")", NONE));
    }
    out.append(String.format(ROW, "reconnect storm: all resynced (s / errors)",
        pair(at(d, "storm", "seconds"), at(d, "storm", "errors")), pair(at(bare, "storm", "seconds"), at(bare, "storm", "errors"))));
    if (d.containsKey("idle")) {
      out.append(String.format(ROW, String.format("idle %s s: server CPU (%% of a core)", num(at(d, "idle", "seconds"), 0)),
          num(at(d, "idle", "cpuPercentOfOneCore"), 2), NONE));
      out.append(String.format(ROW, "  frames/s per viewer (other than heartbeat)",
          num(at(d, "idle", "framesPerSecondPerViewer"), 4) + " (" + num(at(d, "idle", "otherFrames"), 0) + ")", NONE));
      out.append(String.format(ROW, "  shortest heartbeat interval (s)", num(at(d, "idle", "minHeartbeatIntervalS"), 2), NONE));
    }
    if (config.getInteger("viewers") >= PublishedTargets.MEMORY_MIN_VIEWERS) {
      out.append(String.format(ROW, "memory per idle viewer: heap / RSS (KB)",
          pair(at(d, "memory", "heapPerViewerKB"), at(d, "memory", "rssPerViewerKB")),
          pair(at(bare, "memory", "heapPerViewerKB"), at(bare, "memory", "rssPerViewerKB"))));
    } else {
      String noise = String.format(Locale.ROOT, "(noise below %,d viewers)", PublishedTargets.MEMORY_MIN_VIEWERS);
      out.append(String.format(ROW, "memory per idle viewer: heap / RSS (KB)", noise, noise));
    }
    if (d.containsKey("slow")) {
      JsonObject slow = d.getJsonObject("slow");
      out.append(String.format(ROW, String.format("%d stuck: others' p99 (ms, × all reading)", slow.getInteger("stuck")),
          num(at(d, "slow", "othersLatencyMs", "p99"), 2) + " (" + num(at(d, "slow", "p99Ratio"), 2) + "×)", NONE));
      out.append(String.format(ROW, "  all reading, before / after / both p99 (ms)",
          num(at(d, "slow", "baselineBeforeP99Ms"), 2) + " / " + num(at(d, "slow", "baselineAfterP99Ms"), 2) + " / "
              + num(at(d, "slow", "baselineMs", "p99"), 2), NONE));
      out.append(String.format(ROW, "  parks / parked now / heap growth MB / caught up",
          num(at(d, "slow", "parks"), 0) + " / " + num(at(d, "slow", "parked"), 0) + " / "
              + num(at(d, "slow", "heapGrowthMB"), 2) + " / " + num(at(d, "slow", "caughtUpAfterReading"), 0), NONE));
    }
    if (report.containsKey("targets")) {
      out.append("targets:\n");
      for (Object entry : report.getJsonArray("targets")) {
        JsonObject target = (JsonObject) entry;
        out.append(String.format("  %-4s %-52s %-16s %s%n", target.getBoolean("holds") ? "ok" : "MISS",
            target.getString("name"), target.getString("target"), target.getString("measured")));
      }
    }
    return out.toString();
  }

  /**
   * With several nodes: each node's role and viewers, its first and last viewer in the fan-out
   * rounds and its CPU per change; then the cluster hop.
   */
  private static void nodes(StringBuilder out, JsonObject report) {
    JsonObject d = report.getJsonObject("diemcau", new JsonObject());
    JsonArray nodes = d.getJsonArray("nodes");
    if (nodes == null || nodes.size() < 2) {
      return;
    }
    JsonArray fanout = d.getJsonObject("fanout", new JsonObject()).getJsonObject("byNode", new JsonObject())
        .getJsonArray("nodes", new JsonArray());
    out.append(String.format(NODE, "node", "role", "viewers", "fan-out first / last viewer p50 / p99 (ms)", "CPU per change, less JIT (ms)"));
    for (int n = 0; n < nodes.size(); n++) {
      JsonObject node = nodes.getJsonObject(n);
      JsonObject figures = n < fanout.size() ? fanout.getJsonObject(n) : new JsonObject();
      out.append(String.format(NODE, n + " " + node.getString("url"),
          node.getString("role") + (Boolean.TRUE.equals(node.getBoolean("commands")) ? ", commands" : ""), node.getValue("viewers"),
          pair(at(figures, "firstMs", "p50"), at(figures, "firstMs", "p99")) + "  "
              + pair(at(figures, "lastMs", "p50"), at(figures, "lastMs", "p99")),
          num(at(figures, "processCpuLessJitMsPerChange"), 2)));
    }
    if (d.containsKey("hop")) {
      JsonObject hop = d.getJsonObject("hop");
      out.append("cluster hop (ms): messages on a follower in turn with messages on the writer; a node's first viewer marks it:\n");
      hopRow(out, "  on the follower → every node p50 / p99", hop, "followerToEveryNodeMs");
      hopRow(out, "  on the writer → its own node p50 / p99", hop, "writerToItsNodeMs");
      out.append(String.format(ROW, "  the hop: the difference, p50 / p99", pair(at(hop, "hopP50Ms"), at(hop, "hopP99Ms")), NONE));
      hopRow(out, "  writer's node → follower's (relay) p50 / p99", hop, "relayMs");
      hopRow(out, "  on the follower → last viewer p50 / p99", hop, "followerToLastMs");
      hopRow(out, "  on the writer → last viewer p50 / p99", hop, "writerToLastMs");
    }
    out.append("\n");
  }

  private static void hopRow(StringBuilder out, String label, JsonObject hop, String stats) {
    out.append(String.format(ROW, label, pair(at(hop, stats, "p50"), at(hop, stats, "p99")), NONE));
  }

  /** The headline: each operation by each door, rounds taken in turn, with the frame its viewers received. */
  private static void operations(StringBuilder out, JsonObject d) {
    JsonArray operations = d.getJsonArray("operations");
    if (operations == null || operations.isEmpty()) {
      return;
    }
    out.append(String.format(OPERATION, "fan-out by operation, in turn", "frame (B)", "command→last p50 / p99 / max (ms)",
        "published→last p50 / p99 (ms)"));
    for (Object entry : operations) {
      JsonObject series = (JsonObject) entry;
      long patches = series.getLong("patchFrames", 0L);
      long states = series.getLong("stateFrames", 0L);
      String frame = num(at(series, "frameBytes"), 0)
          + (patches == 0 ? "" : String.format(Locale.ROOT, " (%d%% patch)", Math.round(100.0 * patches / (patches + states))));
      out.append(String.format(OPERATION, "  " + series.getString("operation") + ", " + series.getString("door"), frame,
          triple(series, "latencyMs"), pair(at(series, "publishToLastMs", "p50"), at(series, "publishToLastMs", "p99"))));
    }
  }

  private static String triple(JsonObject series, String stats) {
    return num(at(series, stats, "p50"), 1) + " / " + num(at(series, stats, "p99"), 1) + " / " + num(at(series, stats, "max"), 1);
  }

  private static String triple(JsonObject root, String phase, String stats) {
    return triple(root.getJsonObject(phase, new JsonObject()), stats);
  }

  private static String pair(Double a, Double b) {
    return num(a, a != null && a == Math.rint(a) && Math.abs(a) > 100 ? 0 : 2) + " / "
        + num(b, b != null && b == Math.rint(b) ? 0 : 2);
  }

  private static String door(String door) {
    return switch (door) {
      case "rest" -> "POST /api/commands";
      case "both" -> "an MC socket (and POST /api/commands for the series by operation)";
      default -> "an MC socket";
    };
  }

  static String num(Double value, int decimals) {
    if (value == null || value.isNaN()) {
      return NONE;
    }
    return String.format("%." + decimals + "f", value);
  }
}
