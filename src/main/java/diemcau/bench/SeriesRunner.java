package diemcau.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs series of rounds: warm-up first, then the measured rounds, alone or several series in turn. */
final class SeriesRunner {

  /** Unmeasured rounds first, enough for the JIT to settle: about 200,000 deliveries, 30 to 300 rounds. */
  private static final int WARMUP_DELIVERIES = 200_000;
  private static final long ROUND_GAP_MS = 40;
  /** Unmeasured rounds before a series of a server an earlier series has warmed up. */
  private static final int REWARM_ROUNDS = 20;

  final BenchRig rig;
  /** The servers (by address) whose JIT has settled in an earlier series. */
  private final Set<String> warmedUp = new HashSet<>();

  SeriesRunner(BenchRig rig) {
    this.rig = rig;
  }

  /** One series on its own. */
  SeriesFigures alone(Series series) throws Exception {
    return inTurn(List.of(series)).get(0);
  }

  /**
   * Rounds of one or more series taken in turn, round by round, which goes first swapped every
   * round, after each has warmed up. On a shared machine whose speed drifts over seconds and
   * minutes, two series measured one after the other are compared on two different machines;
   * taken in turn, they meet the same one. Series that share a server get no CPU figures: the
   * server's counters cannot tell their messages apart.
   */
  List<SeriesFigures> inTurn(List<Series> sides) throws Exception {
    for (Series side : sides) {
      side.result.warmupRounds = warmUp(side);
    }
    CpuTimes cpuBefore = CpuTimes.now();
    for (Series side : sides) {
      boolean shared = sides.stream().anyMatch(other -> other != side && other.server.address().equals(side.server.address()));
      side.before = shared ? null : side.probe.sample();
    }
    for (int r = 0; r < sides.get(0).count; r++) {
      for (int i = 0; i < sides.size(); i++) {
        sides.get((r + i) % sides.size()).round(r, this);
      }
    }
    CpuTimes cpuAfter = CpuTimes.now();
    List<SeriesFigures> results = new ArrayList<>();
    for (Series side : sides) {
      results.add(side.end(cpuAfter == null ? Double.NaN : cpuAfter.stealPercentSince(cpuBefore)));
    }
    return results;
  }

  /**
   * Unmeasured rounds first. With --warmup-rounds, that many; else about 200,000 deliveries' worth
   * (30 to 300 rounds), then on in steps of 30 while the server's JIT compiler is still busy (more
   * than 40 ms of compiler CPU in the last step), up to 900 rounds: a server that has run for a
   * while has compiled its hot paths, and the figures should not carry the compiler's CPU. A
   * server warmed up by an earlier series gets {@value #REWARM_ROUNDS} rounds: its code is
   * compiled, only its caches have cooled.
   */
  private int warmUp(Series side) throws Exception {
    int fixed = rig.options.warmupRounds();
    if (fixed < 0 && !warmedUp.add(side.server.address())) {
      fixed = REWARM_ROUNDS;
    }
    if (fixed >= 0) {
      for (int r = 0; r < fixed; r++) {
        warmupRound(side.server, side.fleet, side.operation, side.live, r);
      }
      return fixed;
    }
    int minimum = Math.max(30, Math.min(300, WARMUP_DELIVERIES / Math.max(1, side.live.size())));
    int rounds = 0;
    while (rounds < minimum) {
      warmupRound(side.server, side.fleet, side.operation, side.live, rounds++);
    }
    ServerProbe.Sample last = side.probe.sample();
    while (rounds < 900 && last != null && last.threads() != null) {
      for (int i = 0; i < 30; i++) {
        warmupRound(side.server, side.fleet, side.operation, side.live, rounds++);
      }
      ServerProbe.Sample now = side.probe.sample();
      long jitMs = now.threads().getLong("jit", 0L) - last.threads().getLong("jit", 0L);
      last = now;
      if (jitMs <= 40) {
        break;
      }
    }
    return rounds;
  }

  /** An unmeasured round; returns the size of its frame. */
  int warmupRound(ServerUnderTest server, Fleet fleet, Operation operation, List<Viewer> live, int r) throws Exception {
    RoundWatch round = fleet.watch(operation.topic(), Viewer.newestRev(live, operation.topic()), live);
    Operation.Command command = operation.command(-1 - r);
    server.command(command.name(), command.args());
    await(round, -1 - r, live.size(), null);
    pause();
    return round.frameBytes;
  }

  /** Waits for every participant of {@code round}; a round past the timeout counts as failed in {@code result}. */
  void await(RoundWatch round, int r, int viewers, SeriesFigures result) throws Exception {
    try {
      round.done.get(rig.options.roundTimeoutMs(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (result != null) {
        result.failed++;
      }
      rig.step("  round %d: %d of %d viewers did not get the change within %d ms", r, round.missing(), viewers,
          rig.options.roundTimeoutMs());
    } finally {
      round.close();
    }
  }

  static void pause() throws InterruptedException {
    Thread.sleep(ROUND_GAP_MS + (long) (Math.random() * 20));
  }
}
