package diemcau.bench;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * One server's part of a series of rounds: who takes part, what each round sends, and what each
 * round measured. {@link SeriesRunner} runs the rounds, alone or in turn with other series.
 */
final class Series {
  final ServerUnderTest server;
  final Fleet fleet;
  final Operation operation;
  /** Every viewer whose receipt ends a round. */
  final List<Viewer> live;
  /** The priority screens among them (their own latency), or none. */
  final List<Viewer> liveTier;
  /** The public viewers among them: the series' latency is theirs. */
  final List<Viewer> livePublics;
  final ServerProbe probe;
  final int count;
  /** Server and bench on one machine: one clock, so the server's publish time splits each round. */
  private final boolean serverClock;
  private final double[] latency;
  private final double[] priority;
  private final double[] spread;
  private final double[] first;
  private final double[] ack;
  private final double[] published;
  private final double[] toPublish;
  private final double[] publishedPriority;
  private final long[] sentAt;
  /** The size of every frame a participant received in a measured round. */
  private final double[] received;
  private int receivedCount;
  private long patches;
  /** The rounds node by node (one node: its first and last viewer). */
  private final NodeRounds nodes;
  final SeriesFigures result = new SeriesFigures();
  ServerProbe.Sample before;
  private int done;

  Series(ServerUnderTest server, Fleet fleet, Operation operation, List<Viewer> participants, List<Viewer> tier,
      List<Viewer> publics, ServerProbe probe, int count) {
    this.count = count;
    this.server = server;
    this.fleet = fleet;
    this.operation = operation;
    this.probe = probe;
    this.serverClock = server.local();
    this.live = Viewer.connected(participants);
    this.liveTier = Viewer.connected(tier);
    this.livePublics = Viewer.connected(publics);
    latency = new double[count];
    priority = new double[liveTier.isEmpty() ? 0 : count];
    spread = new double[count];
    first = new double[count];
    ack = new double[count];
    published = new double[count];
    toPublish = new double[count];
    publishedPriority = new double[liveTier.isEmpty() ? 0 : count];
    sentAt = new long[count];
    received = new double[count * live.size()];
    nodes = new NodeRounds(livePublics, fleet.nodes.size(), fleet.writerNode, count);
  }

  void round(int r, SeriesRunner runner) throws Exception {
    RoundWatch round = fleet.watch(operation.topic(), Viewer.newestRev(live, operation.topic()), live);
    Operation.Command command = operation.command(r);
    ServerUnderTest.Sent sent = server.command(command.name(), command.args());
    long acked = System.nanoTime();
    round.sentNanos = sent.sentNanos();
    double sentMs = runner.rig.wallMs(sent.sentNanos());
    sentAt[done] = Math.round(sentMs);
    runner.await(round, r, live.size(), result);
    latency[done] = round.lastMs(livePublics);
    if (priority.length > 0) {
      priority[done] = round.lastMs(liveTier);
    }
    double firstMs = round.firstMs(live);
    first[done] = firstMs;
    ack[done] = (acked - sent.sentNanos()) / 1e6;
    if (serverClock && round.serverMs > 0) {
      // same machine, same clock: from the server's publish (after its commit) to the last receipt
      double publishedMs = round.serverMs - sentMs;
      published[done] = latency[done] - publishedMs;
      toPublish[done] = publishedMs;
      if (publishedPriority.length > 0) {
        publishedPriority[done] = priority[done] - publishedMs;
      }
    } else {
      published[done] = Double.NaN;
      toPublish[done] = Double.NaN;
    }
    spread[done] = round.lastMs(live) - firstMs;
    nodes.round(done, round, toPublish[done]);
    done++;
    for (Viewer viewer : live) {
      if (round.bytes[viewer.index] > 0) {
        received[receivedCount++] = round.bytes[viewer.index];
      }
    }
    patches += round.patches.get();
    SeriesRunner.pause();
  }

  SeriesFigures end(double stealPercent) throws Exception {
    ServerProbe.Sample after = before == null ? null : probe.sample();
    result.stealPercent = stealPercent;
    result.latency = Stats.of(finite(latency));
    result.priorityLatency = Stats.of(finite(priority));
    result.spread = Stats.of(finite(spread));
    result.first = Stats.of(finite(first));
    result.ack = Stats.of(finite(ack));
    result.publishToLast = Stats.of(finite(published));
    result.commandToPublish = Stats.of(finite(toPublish));
    result.publishToLastPriority = Stats.of(finite(publishedPriority));
    result.perRound = latency.clone();
    result.perRoundPriority = priority.clone();
    result.sentAt = sentAt.clone();
    result.receivedBytes = Stats.of(Arrays.copyOf(received, receivedCount));
    result.frameBytes = receivedCount == 0 ? 0 : (int) result.receivedBytes.p50();
    result.patchFrames = patches;
    result.stateFrames = receivedCount - patches;
    if (before != null && after != null) {
      cpu(before, after);
      if (before.nodes() != null && after.nodes() != null) {
        nodes.cpu(before.nodes(), after.nodes(), done);
      }
    }
    result.nodes = nodes.toJson(done);
    return result;
  }

  /** The server's CPU per delivered message between two readings, by kind of thread and less the JIT compiler. */
  private void cpu(ServerProbe.Sample before, ServerProbe.Sample after) {
    long delivered = after.delivered() - before.delivered();
    result.delivered = delivered;
    if (before.threads() != null && after.threads() != null) {
      JsonObject delta = new JsonObject();
      for (String kind : after.threads().fieldNames()) {
        delta.put(kind, after.threads().getLong(kind) - before.threads().getLong(kind, 0L));
      }
      result.cpuMsByThreads = delta;
    }
    if (delivered > 0) {
      result.loopCpuUsPerMessage = (after.loopCpuNanos() - before.loopCpuNanos()) / 1e3 / delivered;
      if (after.processCpuNanos() >= 0) {
        result.processCpuUsPerMessage = (after.processCpuNanos() - before.processCpuNanos()) / 1e3 / delivered;
        if (result.cpuMsByThreads != null) {
          long jitMs = result.cpuMsByThreads.getLong("jit", 0L);
          result.steadyCpuUsPerMessage = (after.processCpuNanos() - before.processCpuNanos() - jitMs * 1e6) / 1e3 / delivered;
        }
      }
    }
  }

  static double[] finite(double[] values) {
    return Arrays.stream(values).filter(Double::isFinite).toArray();
  }
}
