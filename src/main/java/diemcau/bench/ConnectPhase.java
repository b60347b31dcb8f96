package diemcau.bench;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Connects viewers in two halves, with a GC'd reading of the server after each: memory per viewer
 * is the growth between the half and the whole (the cost of one more viewer, once the server's
 * pools, heap and JIT have grown for the first ones), and also from none to all.
 */
final class ConnectPhase {

  private ConnectPhase() {}

  /** Puts {@code connect} and {@code memory} into {@code out}; {@code before} is the server's reading before any viewer. */
  static void run(BenchRig rig, JsonObject out, Metered server, Fleet fleet, List<Viewer> viewers, JsonObject before)
      throws Exception {
    int half = viewers.size() / 2;
    Fleet.Connected first = fleet.connect(viewers.subList(0, half), rig.options.connectWindow(), 120_000);
    Thread.sleep(500);
    JsonObject middle = server.metrics(true);
    Fleet.Connected second = fleet.connect(viewers.subList(half, viewers.size()), rig.options.connectWindow(), 120_000);
    int errors = first.errors() + second.errors();
    out.put("connect", new JsonObject()
        .put("viewers", viewers.size())
        .put("errors", errors)
        .put("seconds", Stats.round(first.seconds() + second.seconds()))
        .put("readerLoops", fleet.readerThreads.size())
        .put("firstError", first.firstError() != null ? first.firstError() : second.firstError()));
    if (errors > 0) {
      rig.step("  %d of %d failed to connect: %s", errors, viewers.size(),
          first.firstError() != null ? first.firstError() : second.firstError());
    }
    Thread.sleep(1000);
    JsonObject after = server.metrics(true);
    JsonObject memory = memory(middle, after, viewers.size() - half);
    JsonObject overall = memory(before, after, viewers.size());
    memory.put("fromNone", overall);
    out.put("memory", memory);
  }

  private static JsonObject memory(JsonObject before, JsonObject after, int viewers) {
    JsonObject memory = new JsonObject().put("viewers", viewers);
    if (before == null || after == null || viewers == 0) {
      return memory.put("note", "needs the admin token (server metrics)");
    }
    memory.put("heapBeforeMB", Units.mb(before.getLong("heapUsed")))
        .put("heapAfterMB", Units.mb(after.getLong("heapUsed")))
        .put("heapPerViewerKB", Units.perKB(after.getLong("heapUsed") - before.getLong("heapUsed"), viewers))
        .put("directPerViewerKB", Units.perKB(after.getLong("directUsed") - before.getLong("directUsed"), viewers));
    if (before.getLong("rss") != null && after.getLong("rss") != null) {
      memory.put("rssPerViewerKB", Units.perKB(after.getLong("rss") - before.getLong("rss"), viewers));
    }
    return memory;
  }
}
