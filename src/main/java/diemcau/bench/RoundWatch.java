package diemcau.bench;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One round: from a command sent at {@code sentNanos}, when did each participant get a state or a
 * patch of {@code topic} newer than {@code baseRev}, and how many bytes was the frame it got?
 */
final class RoundWatch {
  final int topic;
  final long baseRev;
  final long[] arrivals;
  /** The size of the frame each participant received (bytes of its WebSocket message). */
  final int[] bytes;
  /** How many of the arrivals were patch frames (the rest were whole states). */
  final AtomicInteger patches = new AtomicInteger();
  final boolean[] expected;
  final AtomicInteger remaining;
  final CompletableFuture<Void> done = new CompletableFuture<>();
  volatile long sentNanos;
  volatile int frameBytes;
  /** The {@code server} time (epoch ms) in the round's frame: when the server published it. */
  volatile long serverMs;
  private final Fleet fleet;

  RoundWatch(Fleet fleet, int topic, long baseRev, int fleetSize, List<Viewer> participants) {
    this.fleet = fleet;
    this.topic = topic;
    this.baseRev = baseRev;
    this.arrivals = new long[fleetSize];
    this.bytes = new int[fleetSize];
    this.expected = new boolean[fleetSize];
    for (Viewer viewer : participants) {
      expected[viewer.index] = true;
    }
    this.remaining = new AtomicInteger(participants.size());
    if (participants.isEmpty()) {
      done.complete(null);
    }
  }

  /** Stops watching: later frames no longer count for this round. */
  void close() {
    fleet.unwatch(this);
  }

  void arrive(Viewer viewer, long now, Buffer frame) {
    if (expected[viewer.index] && arrivals[viewer.index] == 0) {
      arrivals[viewer.index] = now;
      bytes[viewer.index] = frame.length();
      if (FrameScan.isPatch(frame)) {
        patches.incrementAndGet();
      }
      if (serverMs == 0) {
        frameBytes = frame.length();
        serverMs = FrameScan.serverOf(frame);
      }
      if (remaining.decrementAndGet() == 0) {
        done.complete(null);
      }
    }
  }

  /** Milliseconds from the command to the last arrival among {@code group}; NaN if one is missing. */
  double lastMs(List<Viewer> group) {
    long last = Long.MIN_VALUE;
    for (Viewer viewer : group) {
      long at = arrivals[viewer.index];
      if (at == 0) {
        return Double.NaN;
      }
      last = Math.max(last, at);
    }
    return group.isEmpty() ? Double.NaN : (last - sentNanos) / 1e6;
  }

  double firstMs(List<Viewer> group) {
    long first = Long.MAX_VALUE;
    for (Viewer viewer : group) {
      long at = arrivals[viewer.index];
      if (at != 0) {
        first = Math.min(first, at);
      }
    }
    return first == Long.MAX_VALUE ? Double.NaN : (first - sentNanos) / 1e6;
  }

  int missing() {
    return remaining.get();
  }
}
