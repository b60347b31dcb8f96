package diemcau.cluster;

import diemcau.command.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Bridge presence over the cluster: the union of every node's bridge sockets, counted by the writer.
 *
 * <p>Each node counts its own bridge screens per unit from its sockets' reports. A follower passes
 * each report to the writer; the writer counts them per node and hands them to its bridges core as
 * if they were its own sockets'. When a node leaves the cluster, its screens stay counted but are
 * no longer seen, so its rooms go stale; when such a room's screen reconnects (on another node),
 * the dead node's screens of that room are closed first. When the writer changes, each node
 * reports its open screens to the new one, which starts with none.
 */
final class PresenceLedger {

  /** Publish, acted on by the writer only: a follower's socket report {@code {node, unit, event}}. */
  static final String REPORTS = "diemcau.cluster.presence";
  private static final String RELAYED = "relayed";

  private final Vertx vertx;
  private final Vertx cluster;
  private final String node;
  private final ClusterStatus status;
  /** This node's bridge screens per unit. */
  private final Map<String, Integer> own = new HashMap<>();
  /** The writer's count of every other node's screens per unit. */
  private final Map<String, Map<String, Integer>> others = new HashMap<>();
  /** The writer's count of the screens of nodes that left, per unit: closed when the unit reconnects. */
  private final Map<String, Integer> orphans = new HashMap<>();

  /** {@code vertx}: the server's own (local) Vert.x; {@code cluster}: the one on the cluster's bus. */
  PresenceLedger(Vertx vertx, Vertx cluster, String node, ClusterStatus status) {
    this.vertx = vertx;
    this.cluster = cluster;
    this.node = node;
    this.status = status;
  }

  void start() {
    vertx.eventBus().<JsonObject>localConsumer(Addresses.PRESENCE, message -> {
      if (message.headers().get(RELAYED) == null) {
        own(message.body());
      }
    });
    cluster.eventBus().<JsonObject>consumer(REPORTS, message -> other(message.body()));
  }

  private synchronized void own(JsonObject report) {
    count(own, report.getString("unit"), report.getString("event"));
    if (status.writer) {
      adopt(report.getString("unit"), report.getString("event"));
    }
    if (!status.writer) {
      cluster.eventBus().publish(REPORTS, report.copy().put("node", node));
    }
  }

  private synchronized void other(JsonObject report) {
    if (status.writer && !node.equals(report.getString("node"))) {
      adopt(report.getString("unit"), report.getString("event"));
      count(others.computeIfAbsent(report.getString("node"), ignored -> new HashMap<>()), report.getString("unit"),
          report.getString("event"));
      relay(report.getString("unit"), report.getString("event"));
    }
  }

  /** The writer's step when a node left: its screens are no longer seen (their rooms go stale). */
  synchronized void left(String gone) {
    Map<String, Integer> screens = others.remove(gone);
    if (screens != null && status.writer) {
      screens.forEach((unit, count) -> orphans.merge(unit, count, Integer::sum));
    }
  }

  /** A screen of {@code unit} opened somewhere: the screens a dead node left of that unit are closed. */
  private void adopt(String unit, String event) {
    Integer orphaned = "opened".equals(event) ? orphans.remove(unit) : null;
    for (int i = 0; orphaned != null && i < orphaned; i++) {
      relay(unit, "closed");
    }
  }

  /** Reports this node's open screens to a new writer (itself, or another node). */
  synchronized void replay() {
    others.clear();
    orphans.clear();
    own.forEach((unit, count) -> {
      for (int i = 0; i < count; i++) {
        JsonObject report = new JsonObject().put("unit", unit).put("event", "opened");
        if (status.writer) {
          relay(unit, "opened");
        } else {
          cluster.eventBus().publish(REPORTS, report.put("node", node));
        }
      }
    });
  }

  private void relay(String unit, String event) {
    vertx.eventBus().publish(Addresses.PRESENCE, new JsonObject().put("unit", unit).put("event", event),
        new DeliveryOptions().addHeader(RELAYED, "1"));
  }

  private static void count(Map<String, Integer> screens, String unit, String event) {
    switch (event) {
      case "opened" -> screens.merge(unit, 1, Integer::sum);
      case "closed" -> screens.computeIfPresent(unit, (ignored, count) -> count > 1 ? count - 1 : null);
      default -> { }
    }
  }
}
