package diemcau.bench;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * K viewers stop reading while states change quickly: memory stays bounded, the others keep their
 * latency. The baseline is the same sockets, every one reading, in two series: just before the
 * K stop and just after they read again, so that a machine whose speed drifts meets the stuck
 * series between its two halves (rounds of different phases differ by more than the 10% this
 * compares).
 */
final class StuckReadersPhase {

  /** A stuck screen is offered at least this much while it does not read. */
  private static final int STUCK_OFFER_BYTES = 512 * 1024;
  /** At most this many changes in the burst (small patch frames need thousands to offer that much). */
  private static final int MAX_BURST = 5000;

  private final BenchRig rig;
  private final SeriesRunner runner;
  private final ServerUnderTest server;
  /** Where memory and parked states are read: the server, or every node summed. */
  private final Metered metered;
  private final Fleet fleet;

  StuckReadersPhase(BenchRig rig, SeriesRunner runner, ServerUnderTest server, Metered metered, Fleet fleet) {
    this.metered = metered;
    this.rig = rig;
    this.runner = runner;
    this.server = server;
    this.fleet = fleet;
  }

  JsonObject run(List<Viewer> publics) throws Exception {
    int k = Math.min(rig.options.slow(), publics.size());
    List<Viewer> others = publics.subList(0, publics.size() - k);
    List<Viewer> replaced = publics.subList(publics.size() - k, publics.size());
    rig.step("slow readers: %d of %d viewers stop reading", k, publics.size());
    JsonObject before = metered.metrics(true);
    fleet.drop(replaced, 30_000);
    List<Viewer> stuck = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      stuck.add(fleet.add("/ws", "public", null, Viewer.PUBLIC_TOPICS, false, true));
    }
    Fleet.Connected connected = fleet.connect(stuck, rig.options.connectWindow(), 60_000);
    List<Viewer> reading = new ArrayList<>(others);
    reading.addAll(stuck);
    rig.step("  baseline before: %d rounds with every socket reading", rig.options.rounds());
    SeriesFigures baselineBefore = messages(reading, others, rig.options.rounds());
    for (Viewer viewer : stuck) {
      if (viewer.ws != null) {
        viewer.ws.pause();
      }
    }
    // the size of an adjustment's frame as the readers receive it (a patch where the server sends one)
    Operation adjust = Operation.agendaAdjust();
    int agendaBytes = Math.max(runner.warmupRound(server, fleet, adjust, Viewer.connected(others), 0),
        runner.warmupRound(server, fleet, adjust, Viewer.connected(others), 1));
    if (agendaBytes <= 0) {
      agendaBytes = server.state("agenda").encode().getBytes(StandardCharsets.UTF_8).length + 120;
    }
    int burst = Math.max(20, Math.min(MAX_BURST, STUCK_OFFER_BYTES / agendaBytes + 1));
    burst += burst % 2;
    rig.step("  burst of %d agenda changes (~%d B each) as fast as the server takes them", burst, agendaBytes);
    long started = System.nanoTime();
    int burstTopic = FrameScan.AGENDA;
    long burstRev = 0;
    for (int i = 0; i < burst; i++) {
      try {
        burstRev = server.command("agenda.adjust", new JsonObject().put("ms", i % 2 == 0 ? 1000 : -1000)).reply().getLong("rev");
      } catch (IllegalStateException refused) {
        // the agenda is not running (someone ended it): small screen messages still make changes
        burstTopic = FrameScan.SCREEN;
        burstRev = server.command("screen.message", new JsonObject().put("text", Operation.message(-i))).reply().getLong("rev");
      }
    }
    double burstSeconds = (System.nanoTime() - started) / 1e9;
    // the burst floods the readers too: measure once they have it all, with the stuck ones still stuck
    double othersCaughtUp = awaitRev(others, burstTopic, burstRev, 60_000);
    JsonObject during = metered.metrics(true);
    // as many rounds as the two baseline series together: a p99 of a hundred rounds is their one
    // or two slowest, which one slow moment of the machine moves by half
    rig.step("  stuck: %d rounds while %d sockets do not read", 2 * rig.options.rounds(), k);
    SeriesFigures rounds = messages(others, others, 2 * rig.options.rounds());
    JsonObject after = metered.metrics(true);

    JsonObject slow = new JsonObject()
        .put("stuck", k)
        .put("others", others.size())
        .put("connect", connected.toJson())
        .put("burst", burst)
        .put("burstBytesOffered", (long) burst * agendaBytes)
        .put("burstSeconds", Stats.round(burstSeconds))
        .put("othersCaughtUpSeconds", Stats.round(othersCaughtUp))
        .put("othersLatencyMs", rounds.latency.toJson());
    if (before != null && during != null && after != null) {
      memory(slow, before, during, after, k);
    }
    for (Viewer viewer : stuck) {
      if (viewer.ws != null) {
        viewer.ws.resume();
      }
    }
    slow.put("caughtUpAfterReading", caughtUp(stuck, Viewer.newestRev(others, FrameScan.AGENDA)));
    rig.step("  baseline after: %d rounds with every socket reading again", rig.options.rounds());
    SeriesFigures baselineAfter = messages(reading, others, rig.options.rounds());
    Stats baseline = Stats.of(Series.finite(
        DoubleStream.concat(Arrays.stream(baselineBefore.perRound), Arrays.stream(baselineAfter.perRound)).toArray()));
    slow.put("baselineMs", baseline.toJson())
        .put("baselineBeforeP99Ms", Stats.round(baselineBefore.latency.p99()))
        .put("baselineAfterP99Ms", Stats.round(baselineAfter.latency.p99()))
        .put("baseline", "the same viewers, every one reading, just before the stuck ones stopped and after they read again")
        .put("p99Ratio", Stats.round(rounds.latency.p99() / baseline.p99()));
    fleet.drop(stuck, 30_000);
    return slow;
  }

  private SeriesFigures messages(List<Viewer> participants, List<Viewer> publics, int count) throws Exception {
    return runner.alone(new Series(server, fleet, Operation.screenMessage(), participants, List.of(), publics,
        ServerProbe.of(metered), count));
  }

  private static void memory(JsonObject slow, JsonObject before, JsonObject during, JsonObject after, int k) {
    long grown = Math.max(during.getLong("heapUsed"), after.getLong("heapUsed")) - before.getLong("heapUsed");
    slow.put("parked", during.getValue("parked"))
        .put("parks", during.getLong("parks", 0L) - before.getLong("parks", 0L))
        .put("heapGrowthMB", Units.mb(grown))
        .put("heapGrowthPerStuckKB", Units.perKB(grown, k))
        .put("directGrowthMB", Units.mb(during.getLong("directUsed") - before.getLong("directUsed")));
    if (before.getLong("rss") != null) {
      slow.put("rssGrowthMB", Units.mb(after.getLong("rss") - before.getLong("rss")));
    }
  }

  /** How many of the stuck screens have {@code rev} of the agenda within 15 s of reading again. */
  private static int caughtUp(List<Viewer> stuck, long rev) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    int caughtUp = 0;
    while (System.currentTimeMillis() < deadline) {
      caughtUp = 0;
      for (Viewer viewer : stuck) {
        if (viewer.revs[FrameScan.AGENDA] >= rev) {
          caughtUp++;
        }
      }
      if (caughtUp == stuck.size()) {
        break;
      }
      Thread.sleep(100);
    }
    return caughtUp;
  }

  /** Seconds until every viewer of {@code group} has at least {@code rev} of {@code topic}; throws past the deadline. */
  private static double awaitRev(List<Viewer> group, int topic, long rev, long timeoutMs) throws InterruptedException {
    long started = System.nanoTime();
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (group.stream().anyMatch(viewer -> viewer.open() && viewer.revs[topic] < rev)) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("viewers did not get rev " + rev + " within " + timeoutMs + " ms");
      }
      Thread.sleep(20);
    }
    return (System.nanoTime() - started) / 1e9;
  }
}
