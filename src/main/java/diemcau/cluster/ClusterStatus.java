package diemcau.cluster;

import diemcau.command.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * What a cluster node tells {@code /health}: its role, the cluster's size (and how many members it
 * has lost: the MC console shows a standby-server notice then), the writer's epoch and this node's
 * clock offset to the writer. A server not in cluster mode says nothing more than before.
 */
public final class ClusterStatus {

  /** A clock offset beyond this puts two screens on two nodes visibly apart: the node reports itself degraded. */
  public static final long MAX_OFFSET_MS = 250;

  volatile boolean writer;
  /** The writer's command worker runs: {@code /health} says "writer" from then on. */
  volatile boolean serving;
  volatile long epoch;
  volatile int size = 1;
  volatile int largest = 1;
  volatile long offsetMs;

  /** Puts the node's status where {@code /health} reads it ({@link Addresses#HEALTH}). */
  void publish(Vertx vertx) {
    vertx.sharedData().<String, JsonObject>getLocalMap(Addresses.HEALTH).put("node", toJson());
  }

  static void withdraw(Vertx vertx) {
    vertx.sharedData().<String, JsonObject>getLocalMap(Addresses.HEALTH).remove("node");
  }

  void members(int now) {
    size = now;
    largest = Math.max(largest, now);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("role", serving ? "writer" : "follower")
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
