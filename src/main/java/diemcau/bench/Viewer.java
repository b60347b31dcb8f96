package diemcau.bench;

import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One of the bench's screens: what it says in hello, and what it has seen. Mutated only on its
 * connection's event loop.
 */
final class Viewer {
  /** What a public viewer (a phone) asks for. */
  static final List<String> PUBLIC_TOPICS = List.of("agenda", "screen");
  /** What a hall or bridge screen asks for. */
  static final List<String> SCREEN_TOPICS = List.of("agenda", "screen", "bridges", "leaderboard", "final");

  final int index;
  /** The node (index in {@link Fleet#nodes}) it connects to. */
  final int node;
  final String uri;
  final String hello;
  final int wantMask;
  final boolean priority;
  final boolean stuck;
  final long[] revs = new long[FrameScan.TOPICS.size()];
  volatile WebSocket ws;
  volatile int seenMask;
  volatile CompletableFuture<Long> ready = new CompletableFuture<>();
  volatile boolean closed;
  long lastBeatServerMs;

  Viewer(int index, int node, String uri, String screen, String unit, List<String> topics, boolean priority, boolean stuck) {
    this.index = index;
    this.node = node;
    this.uri = uri;
    JsonObject hello = new JsonObject().put("type", "hello").put("screen", screen).put("topics", new JsonArray(topics));
    if (unit != null) {
      hello.put("unit", unit);
    }
    this.hello = hello.encode();
    int mask = 0;
    for (String topic : topics) {
      mask |= 1 << FrameScan.TOPICS.indexOf(topic);
    }
    this.wantMask = mask;
    this.priority = priority;
    this.stuck = stuck;
  }

  /** Its socket is open: connected and not closed since. */
  boolean open() {
    return ws != null && !closed;
  }

  /** The viewers of {@code group} whose socket is open. */
  static List<Viewer> connected(List<Viewer> group) {
    return group.stream().filter(Viewer::open).toList();
  }

  /** The newest revision of {@code topic} any of {@code group} has seen. */
  static long newestRev(List<Viewer> group, int topic) {
    long max = 0;
    for (Viewer viewer : group) {
      max = Math.max(max, viewer.revs[topic]);
    }
    return max;
  }
}
