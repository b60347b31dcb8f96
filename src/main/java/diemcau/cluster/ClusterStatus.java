package diemcau.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a cluster node tells {@code /health}: its role, the cluster's size (and how many members it
 * has lost: the MC console shows a standby-server notice then), the writer's epoch and this node's
 * clock offset to the writer. A server not in cluster mode says nothing more than before.
 */
public final class ClusterStatus {

  /** A clock offset beyond this puts two screens on two nodes visibly apart: the node reports itself degraded. */
  public static final long MAX_OFFSET_MS = 250;

  private static final Map<Vertx, ClusterStatus> NODES = new ConcurrentHashMap<>();

  volatile boolean writer;
  volatile long epoch;
  volatile int size = 1;
  volatile int largest = 1;
  volatile long offsetMs;

  static ClusterStatus register(Vertx vertx) {
    ClusterStatus status = new ClusterStatus();
    NODES.put(vertx, status);
    return status;
  }

  static void unregister(Vertx vertx) {
    NODES.remove(vertx);
  }

  /** The fields {@code /health} adds for {@code vertx}'s node: none unless it runs in cluster mode. */
  public static JsonObject health(Vertx vertx) {
    ClusterStatus status = NODES.get(vertx);
    return status == null ? new JsonObject() : status.toJson();
  }

  void members(int now) {
    size = now;
    largest = Math.max(largest, now);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("role", writer ? "writer" : "follower")
        .put("cluster", new JsonObject()
            .put("size", size)
            .put("lostMembers", Math.max(0, largest - size))
            .put("writerEpoch", epoch)
            .put("clockOffsetMs", offsetMs));
    if (Math.abs(offsetMs) > MAX_OFFSET_MS) {
      json.put("status", "DEGRADED");
    }
    return json;
  }
}
