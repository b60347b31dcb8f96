package diemcau.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A follower's clock offset to the writer, measured by event-bus round trips: the writer answers
 * with its time, and of the last {@link #KEPT} round trips the shortest gives the offset (the
 * writer's time plus half the round trip, less this node's time when the answer came): a short
 * round trip bounds the error by half of it, a long one (a busy loop, a GC) says little.
 */
final class ClockSync {

  static final long EVERY_MS = 2_000;
  static final int KEPT = 15;
  private static final String ADDRESS = "diemcau.cluster.writer.clock";

  private record Sample(long rttNanos, long offsetMs) {}

  private final Vertx cluster;
  private final WriterClock clock;
  private final ClusterStatus status;
  private final Deque<Sample> samples = new ArrayDeque<>();

  /** {@code cluster}: the Vert.x on the cluster's bus. */
  ClockSync(Vertx cluster, WriterClock clock, ClusterStatus status) {
    this.cluster = cluster;
    this.clock = clock;
    this.status = status;
  }

  /** The writer's side: answers with its time. */
  MessageConsumer<Long> serve() {
    return cluster.eventBus().<Long>consumer(ADDRESS, message -> message.reply(clock.millis()));
  }

  /** One round trip; the offset follows the shortest kept one. */
  void sample() {
    long sent = System.nanoTime();
    cluster.eventBus().<Long>request(ADDRESS, null, new DeliveryOptions().setSendTimeout(EVERY_MS))
        .onSuccess(reply -> {
          long rtt = System.nanoTime() - sent;
          long offset = reply.body() + rtt / 2_000_000 - clock.base();
          samples.addLast(new Sample(rtt, offset));
          if (samples.size() > KEPT) {
            samples.removeFirst();
          }
          Sample best = samples.stream().min(java.util.Comparator.comparingLong(Sample::rttNanos)).orElseThrow();
          if (!status.writer) {
            clock.offset(best.offsetMs());
            status.offsetMs = best.offsetMs();
          }
        });
  }
}
