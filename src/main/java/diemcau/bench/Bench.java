package diemcau.bench;

import diemcau.bench.Fleet.Connected;
import diemcau.bench.Fleet.Round;
import diemcau.bench.Fleet.Viewer;
import diemcau.net.Transports;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.transport.Transport;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.DoubleStream;

/**
 * One bench run against one diemcau server, beside a bare Vert.x broadcast on this machine.
 * Phases, in order: connect N public viewers; memory per idle viewer; idle cost while an agenda
 * item runs; fan-out rounds with nothing else on the machine (the figure the event will see);
 * the bare reference (connect, memory) and fan-out rounds taken in turn with its own (the
 * comparison); its reconnect storm; then the priority tier (hall and bridges) with the viewers
 * connected; stuck readers; a reconnect storm. Each figure lands in one JSON report.
 */
final class Bench {

  /** What to run; see {@link BenchCommand} for each option's meaning. */
  record Options(URI url, String mcToken, String adminToken, int viewers, int rounds, int priority, int priorityNice, int slow,
      int idleSeconds, Path json, List<String> sourceAddresses, boolean bare, int connectWindow, long roundTimeoutMs,
      int warmupRounds, String transport, String door) {}

  static final List<String> PUBLIC_TOPICS = List.of("agenda", "screen");
  static final List<String> SCREEN_TOPICS = List.of("agenda", "screen", "bridges", "leaderboard", "final");
  /** Unmeasured rounds first, enough for the JIT to settle: about 200,000 deliveries, 30 to 300 rounds. */
  private static final int WARMUP_DELIVERIES = 200_000;
  private static final long ROUND_GAP_MS = 40;
  /** Unmeasured rounds before a series of a server an earlier series has warmed up. */
  private static final int REWARM_ROUNDS = 20;
  /** A stuck screen is offered at least this much while it does not read. */
  private static final int STUCK_OFFER_BYTES = 512 * 1024;

  private final Options options;
  private final PrintStream log;
  private final Vertx vertx;
  /** One event loop for the priority screens alone (see {@link Fleet}). */
  private final Vertx priorityVertx;
  /**
   * Why the priority screens' loop could not be given its nice ({@code --priority-nice}), or null if
   * it was. On the day the hall's and the bridges' screens have their own machines; here, at equal
   * priority, they waited for a core behind the bench's own 5,000 phones with the server's priority
   * writes long done (at 5,000 viewers, published → last priority screen p99: 11–14 ms at nice 0,
   * 3.6–6.7 ms at -10; README, "Load and latency").
   */
  private final String priorityReaderRefused;
  /** One event loop for the MC socket the commands go by. */
  private final Vertx consoleVertx;
  /** The bare reference runs on the server's transport and collector where the server tells them (else the bench's). */
  private String bareTransport;
  private String bareGcOption;
  /** Epoch ms minus nanoTime ms, fixed at the start: turns a nanoTime into wall-clock ms. */
  private final double wallOffsetMs = System.currentTimeMillis() - System.nanoTime() / 1e6;
  /** The servers whose JIT has settled in an earlier series (by identity: one Target per server). */
  private final Set<Target> warmedUp = Collections.newSetFromMap(new IdentityHashMap<>());

  Bench(Options options, PrintStream log) {
    this.options = options;
    this.log = log;
    Transport transport = Transports.named(options.transport(), "--transport");
    this.vertx = Transports.vertx(new VertxOptions().setEventLoopPoolSize(viewerLoops()).setWorkerPoolSize(2), transport);
    this.priorityVertx = Transports.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1), transport);
    this.consoleVertx = Transports.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1), transport);
    this.bareTransport = transport.name();
    this.priorityReaderRefused = options.priorityNice() == 0 ? null : renicePriorityReader(options.priorityNice());
  }

  /** Renices the priority screens' event loop; null if done, else why not. */
  private String renicePriorityReader(int nice) {
    CompletableFuture<String> reniced = new CompletableFuture<>();
    priorityVertx.getOrCreateContext().runOnContext(onLoop -> reniced.complete(ThreadNice.set(nice)));
    try {
      return reniced.get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      return e.toString();
    }
  }

  /** The event loops the public viewers read on: one per core, at least two. */
  static int viewerLoops() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  JsonObject run() throws Exception {
    JsonObject report = new JsonObject()
        .put("machine", machine())
        .put("config", new JsonObject()
            .put("url", options.url().toString())
            .put("viewers", options.viewers())
            .put("rounds", options.rounds())
            .put("priority", options.priority())
            .put("slow", options.slow())
            .put("idleSeconds", options.idleSeconds())
            .put("door", options.door())
            .put("sourceAddresses", new JsonArray(options.sourceAddresses())));
    try {
      JsonObject diemcau = new JsonObject();
      report.put("diemcau", diemcau);
      JsonObject bare = null;
      if (options.bare()) {
        mirrorServer();
        bare = new JsonObject();
        report.put("bare", bare);
      }
      runDiemcau(diemcau, bare);
      report.put("targets", Targets.evaluate(report));
      return report;
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
      priorityVertx.close().await(30, TimeUnit.SECONDS);
      consoleVertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  /** Takes the server's transport and collector for the bare reference, when it is on this machine and tells them. */
  private void mirrorServer() throws Exception {
    try (Target target = new Target(options.url(), options.mcToken(), options.adminToken(), consoleVertx, Target.SOCKET)) {
      JsonObject metrics = target.local() ? target.metrics(false) : null;
      if (metrics == null) {
        return;
      }
      bareTransport = metrics.getString("transport", bareTransport);
      bareGcOption = BareProcess.gcOption(metrics.getJsonArray("collectors", new JsonArray()));
    }
  }

  // --- diemcau -----------------------------------------------------------------------------------

  /** Measures the server at {@code --url}; with {@code bare}, the bare reference's figures go there. */
  private void runDiemcau(JsonObject out, JsonObject bare) throws Exception {
    URI url = options.url();
    try (Target target = new Target(url, options.mcToken(), options.adminToken(), consoleVertx, options.door());
        Fleet fleet = new Fleet(vertx, priorityVertx, target.host, target.port, target.ssl, options.sourceAddresses())) {
      // a wrong MC token stops the run here, before anything is connected or measured
      target.consoleSocket();
      JsonObject before = target.metrics(true);
      out.put("server", serverInfo(before, target));
      int n = options.viewers();

      step("connecting %d public viewers (memory measured between %d and %d)", n, n / 2, n);
      List<Viewer> publics = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        publics.add(fleet.add("/ws", "public", null, PUBLIC_TOPICS, false, false));
      }
      connectMeasured(out, target, fleet, publics, before);

      out.put("idle", idle(target, fleet, publics));

      step("fan-out: %d rounds to %d viewers", options.rounds(), n);
      out.put("fanout", rounds(target, fleet, publics, List.of(), publics, metricsProbe(target)).toJson());
      if (bare != null) {
        out.put("fanoutInTurn", fanoutBesideBare(target, fleet, publics, bare).toJson());
      }

      if (options.priority() > 0) {
        out.put("priority", priority(target, fleet, publics));
      }
      if (options.slow() > 0) {
        out.put("slow", slow(target, fleet, publics));
      }

      step("reconnect storm: dropping %d viewers and reconnecting them at once", n);
      fleet.drop(publics, 30_000);
      Thread.sleep(500);
      Connected storm = fleet.connect(publics, 0, 120_000);
      out.put("storm", storm.toJson());

      JsonObject after = target.metrics(false);
      if (after != null) {
        out.put("serverAfter", new JsonObject().put("connections", after.getValue("connections"))
            .put("offLoopSockets", after.getValue("offLoopSockets")));
      }
      try {
        target.command("screen.clear", null);
      } catch (Exception e) {
        step("  could not clear the bench's message: %s", e.getMessage());
      }
      fleet.drop(fleet.viewers, 30_000);
    }
  }

  /**
   * Connects {@code viewers} in two halves, with a GC'd reading of the server after each: memory
   * per viewer is the growth between the half and the whole (the cost of one more viewer, once
   * the server's pools, heap and JIT have grown for the first ones), and also from none to all.
   */
  private void connectMeasured(JsonObject out, Target target, Fleet fleet, List<Viewer> viewers, JsonObject before)
      throws Exception {
    int half = viewers.size() / 2;
    Connected first = fleet.connect(viewers.subList(0, half), options.connectWindow(), 120_000);
    Thread.sleep(500);
    JsonObject middle = target.metrics(true);
    Connected second = fleet.connect(viewers.subList(half, viewers.size()), options.connectWindow(), 120_000);
    int errors = first.errors() + second.errors();
    out.put("connect", new JsonObject()
        .put("viewers", viewers.size())
        .put("errors", errors)
        .put("seconds", Stats.round(first.seconds() + second.seconds()))
        .put("readerLoops", fleet.readerThreads.size())
        .put("firstError", first.firstError() != null ? first.firstError() : second.firstError()));
    if (errors > 0) {
      step("  %d of %d failed to connect: %s", errors, viewers.size(),
          first.firstError() != null ? first.firstError() : second.firstError());
    }
    Thread.sleep(1000);
    JsonObject after = target.metrics(true);
    JsonObject memory = memory(middle, after, viewers.size() - half);
    JsonObject overall = memory(before, after, viewers.size());
    memory.put("fromNone", overall);
    out.put("memory", memory);
  }

  private JsonObject serverInfo(JsonObject metrics, Target target) {
    JsonObject server = new JsonObject().put("local", target.local()).put("metrics", metrics != null);
    if (metrics != null) {
      server.put("pid", metrics.getValue("pid")).put("cores", metrics.getValue("cores"))
          .put("jvm", metrics.getValue("jvm")).put("os", metrics.getValue("os"))
          .put("transport", metrics.getValue("transport")).put("collectors", metrics.getValue("collectors"));
    }
    return server;
  }

  private static JsonObject memory(JsonObject before, JsonObject after, int viewers) {
    JsonObject memory = new JsonObject().put("viewers", viewers);
    if (before == null || after == null || viewers == 0) {
      return memory.put("note", "needs the admin token (server metrics)");
    }
    memory.put("heapBeforeMB", mb(before.getLong("heapUsed")))
        .put("heapAfterMB", mb(after.getLong("heapUsed")))
        .put("heapPerViewerKB", perKB(after.getLong("heapUsed") - before.getLong("heapUsed"), viewers))
        .put("directPerViewerKB", perKB(after.getLong("directUsed") - before.getLong("directUsed"), viewers));
    if (before.getLong("rss") != null && after.getLong("rss") != null) {
      memory.put("rssPerViewerKB", perKB(after.getLong("rss") - before.getLong("rss"), viewers));
    }
    return memory;
  }

  /** Idle cost: while an agenda item runs and nothing changes, what does the server spend and send? */
  private JsonObject idle(Target target, Fleet fleet, List<Viewer> viewers) throws Exception {
    JsonObject idle = new JsonObject();
    String status = target.state("agenda").getString("status");
    if ("idle".equals(status) || "ended".equals(status)) {
      target.command("agenda.start", null);
      idle.put("started", true);
    } else if ("paused".equals(status)) {
      target.command("agenda.resume", null);
      idle.put("resumed", true);
    }
    Thread.sleep(1000);
    step("idle cost: %d s with an agenda item running", options.idleSeconds());
    JsonObject before = target.metrics(false);
    fleet.resetHeartbeatGap();
    long beats = fleet.heartbeats.sum();
    long others = fleet.otherFrames.sum();
    long started = System.nanoTime();
    Thread.sleep(options.idleSeconds() * 1000L);
    double seconds = (System.nanoTime() - started) / 1e9;
    JsonObject after = target.metrics(false);
    long beatCount = fleet.heartbeats.sum() - beats;
    long otherCount = fleet.otherFrames.sum() - others;
    int open = Fleet.open(viewers);
    idle.put("seconds", Stats.round(seconds))
        .put("viewers", open)
        .put("heartbeats", beatCount)
        .put("otherFrames", otherCount)
        .put("framesPerSecondPerViewer", open == 0 ? null : round4((beatCount + otherCount) / seconds / open))
        .put("minHeartbeatIntervalS", fleet.minHeartbeatGapSeconds());
    if (before != null && after != null) {
      double cpu = after.getLong("processCpuNanos") - before.getLong("processCpuNanos");
      double wall = (after.getLong("time") - before.getLong("time")) * 1e6;
      idle.put("cpuPercentOfOneCore", Stats.round(100 * cpu / wall));
    }
    return idle;
  }

  /** The hall and bridge screens, connected beside the public viewers: do they get each change first? */
  private JsonObject priority(Target target, Fleet fleet, List<Viewer> publics) throws Exception {
    int wanted = options.priority();
    List<Viewer> tier = new ArrayList<>();
    JsonObject links = null;
    try {
      links = target.bridgeLinks();
    } catch (Exception e) {
      step("  bridge and hall links unavailable (%s): the tier's screens connect without keys, as public viewers", e.getMessage());
    }
    // the hall's link key puts a hall screen in the priority tier; without it, it is a public viewer
    String hall = links == null ? "/ws" : "/ws?" + URI.create(links.getJsonObject("hall").getString("url")).getRawQuery().replace("key=", "hall=");
    int bridges = 0;
    if (links != null) {
      for (Object entry : links.getJsonArray("links")) {
        if (tier.size() >= wanted - 1) {
          break;
        }
        JsonObject link = (JsonObject) entry;
        URI page = URI.create(link.getString("url"));
        tier.add(fleet.add("/ws?" + page.getRawQuery(), "bridge", link.getString("unit"), SCREEN_TOPICS, true, false));
        bridges++;
      }
    }
    while (tier.size() < wanted) {
      tier.add(fleet.add(hall, "hall", null, SCREEN_TOPICS, true, false));
    }
    step("priority tier: %d hall + %d bridge screens beside %d viewers", wanted - bridges, bridges, publics.size());
    Connected connected = fleet.connect(tier, options.connectWindow(), 60_000);
    Thread.sleep(2000);
    List<Viewer> everyone = new ArrayList<>(publics);
    everyone.addAll(tier);
    Rounds rounds = rounds(target, fleet, everyone, tier, publics, metricsProbe(target));
    return rounds.toJson()
        .put("readerNice", priorityReaderRefused == null ? options.priorityNice() : null)
        .put("readerNiceRefused", priorityReaderRefused)
        .put("screens", tier.size())
        .put("hall", wanted - bridges)
        .put("bridges", bridges)
        .put("connect", connected.toJson());
  }

  /**
   * K viewers stop reading while states change quickly: memory stays bounded, the others keep their
   * latency. The baseline is the same sockets, every one reading, in two series: just before the
   * K stop and just after they read again, so that a machine whose speed drifts meets the stuck
   * series between its two halves (rounds of different phases differ by more than the 10% this
   * compares).
   */
  private JsonObject slow(Target target, Fleet fleet, List<Viewer> publics) throws Exception {
    int k = Math.min(options.slow(), publics.size());
    List<Viewer> others = publics.subList(0, publics.size() - k);
    List<Viewer> replaced = publics.subList(publics.size() - k, publics.size());
    step("slow readers: %d of %d viewers stop reading", k, publics.size());
    JsonObject before = target.metrics(true);
    fleet.drop(replaced, 30_000);
    List<Viewer> stuck = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      stuck.add(fleet.add("/ws", "public", null, PUBLIC_TOPICS, false, true));
    }
    Connected connected = fleet.connect(stuck, options.connectWindow(), 60_000);
    List<Viewer> reading = new ArrayList<>(others);
    reading.addAll(stuck);
    step("  baseline before: %d rounds with every socket reading", options.rounds());
    Rounds baselineBefore = rounds(target, fleet, reading, List.of(), others, metricsProbe(target));
    for (Viewer viewer : stuck) {
      if (viewer.ws != null) {
        viewer.ws.pause();
      }
    }
    int agendaBytes = target.state("agenda").encode().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 120;
    int burst = Math.max(20, Math.min(400, STUCK_OFFER_BYTES / agendaBytes + 1));
    burst += burst % 2;
    step("  burst of %d agenda changes (~%d B each) as fast as the server takes them", burst, agendaBytes);
    long started = System.nanoTime();
    int burstTopic = Fleet.AGENDA;
    long burstRev = 0;
    for (int i = 0; i < burst; i++) {
      try {
        burstRev = target.command("agenda.adjust", new JsonObject().put("ms", i % 2 == 0 ? 1000 : -1000)).reply().getLong("rev");
      } catch (IllegalStateException refused) {
        // the agenda is not running (someone ended it): small screen messages still make changes
        burstTopic = Fleet.SCREEN;
        burstRev = target.command("screen.message", new JsonObject().put("text", message(-i))).reply().getLong("rev");
      }
    }
    double burstSeconds = (System.nanoTime() - started) / 1e9;
    // the burst floods the readers too: measure once they have it all, with the stuck ones still stuck
    double othersCaughtUp = awaitRev(others, burstTopic, burstRev, 60_000);
    JsonObject during = target.metrics(true);
    // as many rounds as the two baseline series together: a p99 of 100 rounds is their one or two
    // slowest, and one slow round of the machine's moved it by half (measured: p50 and p90 within
    // 4% of the baseline's, p99 1.53×)
    step("  stuck: %d rounds while %d sockets do not read", 2 * options.rounds(), k);
    Rounds rounds = rounds(target, fleet, others, List.of(), others, metricsProbe(target), 2 * options.rounds());
    JsonObject after = target.metrics(true);

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
      slow.put("parked", during.getValue("parked"))
          .put("parks", during.getLong("parks", 0L) - before.getLong("parks", 0L))
          .put("heapGrowthMB", mb(Math.max(during.getLong("heapUsed"), after.getLong("heapUsed")) - before.getLong("heapUsed")))
          .put("heapGrowthPerStuckKB", perKB(Math.max(during.getLong("heapUsed"), after.getLong("heapUsed"))
              - before.getLong("heapUsed"), k))
          .put("directGrowthMB", mb(during.getLong("directUsed") - before.getLong("directUsed")));
      if (before.getLong("rss") != null) {
        slow.put("rssGrowthMB", mb(after.getLong("rss") - before.getLong("rss")));
      }
    }
    for (Viewer viewer : stuck) {
      if (viewer.ws != null) {
        viewer.ws.resume();
      }
    }
    long newestAgenda = Fleet.newestRev(others, Fleet.AGENDA);
    long deadline = System.currentTimeMillis() + 15_000;
    int caughtUp = 0;
    while (System.currentTimeMillis() < deadline) {
      caughtUp = 0;
      for (Viewer viewer : stuck) {
        if (viewer.revs[Fleet.AGENDA] >= newestAgenda) {
          caughtUp++;
        }
      }
      if (caughtUp == stuck.size()) {
        break;
      }
      Thread.sleep(100);
    }
    slow.put("caughtUpAfterReading", caughtUp);
    step("  baseline after: %d rounds with every socket reading again", options.rounds());
    Rounds baselineAfter = rounds(target, fleet, reading, List.of(), others, metricsProbe(target));
    Stats baseline = Stats.of(finite(
        DoubleStream.concat(Arrays.stream(baselineBefore.perRound), Arrays.stream(baselineAfter.perRound)).toArray()));
    slow.put("baselineMs", baseline.toJson())
        .put("baselineBeforeP99Ms", Stats.round(baselineBefore.latency.p99()))
        .put("baselineAfterP99Ms", Stats.round(baselineAfter.latency.p99()))
        .put("baseline", "the same viewers, every one reading, just before the stuck ones stopped and after they read again")
        .put("p99Ratio", Stats.round(rounds.latency.p99() / baseline.p99()));
    fleet.drop(stuck, 30_000);
    return slow;
  }

  /** Seconds until every viewer of {@code group} has at least {@code rev} of {@code topic}; throws past the deadline. */
  private static double awaitRev(List<Viewer> group, int topic, long rev, long timeoutMs) throws InterruptedException {
    long started = System.nanoTime();
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (group.stream().anyMatch(viewer -> viewer.ws != null && !viewer.closed && viewer.revs[topic] < rev)) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("viewers did not get rev " + rev + " within " + timeoutMs + " ms");
      }
      Thread.sleep(20);
    }
    return (System.nanoTime() - started) / 1e9;
  }

  // --- the bare reference ------------------------------------------------------------------------

  /**
   * diemcau's fan-out rounds and the bare reference's, taken in turn ({@link #inTurn}): a child JVM
   * on this machine, on the server's transport and collector, with as many viewers and a frame as
   * large as diemcau's. Its memory per viewer and a reconnect storm are measured too. Both fleets
   * read on the bench's same loops; each idles while the other's round runs.
   */
  private Rounds fanoutBesideBare(Target target, Fleet fleet, List<Viewer> publics, JsonObject out) throws Exception {
    int frameBytes = warmupRound(target, fleet, connected(publics), 0);
    int loops = viewerLoops();
    step("bare broadcast reference: a child JVM (%s, %s), %d event loops, %d-byte frame, %d viewers", bareTransport,
        bareGcOption == null ? "default collector" : bareGcOption, loops, frameBytes, options.viewers());
    try (BareProcess bare = BareProcess.start("127.0.0.1", loops, frameBytes, bareTransport, bareGcOption);
        Target bareTarget = new Target(URI.create("http://127.0.0.1:" + bare.port), "bare", "bare", consoleVertx, Target.SOCKET);
        Fleet bareFleet = new Fleet(vertx, priorityVertx, "127.0.0.1", bare.port, false, options.sourceAddresses())) {
      out.put("frameBytes", frameBytes).put("eventLoops", loops).put("transport", bareTransport)
          .put("gcOption", bareGcOption);
      JsonObject before = bareTarget.metrics(true);
      List<Viewer> viewers = new ArrayList<>();
      for (int i = 0; i < options.viewers(); i++) {
        viewers.add(bareFleet.add("/ws", "public", null, PUBLIC_TOPICS, false, false));
      }
      connectMeasured(out, bareTarget, bareFleet, viewers, before);
      step("fan-out: %d rounds to %d viewers, in turn with as many of the bare reference's", options.rounds(),
          publics.size());
      List<Rounds> both = inTurn(List.of(
          new Series(target, fleet, publics, List.of(), publics, metricsProbe(target), options.rounds()),
          new Series(bareTarget, bareFleet, viewers, List.of(), viewers, metricsProbe(bareTarget), options.rounds())));
      out.put("fanout", both.get(1).toJson());
      step("bare: reconnect storm");
      bareFleet.drop(viewers, 30_000);
      Thread.sleep(500);
      out.put("storm", bareFleet.connect(viewers, 0, 120_000).toJson());
      bareFleet.drop(viewers, 30_000);
      return both.get(0);
    }
  }

  // --- rounds ------------------------------------------------------------------------------------

  /** CPU and delivery counters of a server, read before and after the rounds. */
  record Sample(long loopCpuNanos, long processCpuNanos, long delivered, JsonObject threads) {}

  interface Probe {
    Sample sample() throws Exception;
  }

  private static Probe metricsProbe(Target target) {
    return () -> {
      JsonObject metrics = target.metrics(false);
      return metrics == null ? null
          : new Sample(metrics.getLong("eventLoopCpuNanos"), metrics.getLong("processCpuNanos"), metrics.getLong("framesSent"),
              metrics.getJsonObject("cpuByThreads"));
    };
  }

  /** The figures of a series of rounds. */
  static final class Rounds {
    Stats latency = Stats.EMPTY;
    Stats priorityLatency = Stats.EMPTY;
    Stats spread = Stats.EMPTY;
    Stats first = Stats.EMPTY;
    Stats ack = Stats.EMPTY;
    Stats publishToLast = Stats.EMPTY;
    Stats publishToLastPriority = Stats.EMPTY;
    Stats commandToPublish = Stats.EMPTY;
    double[] perRound = new double[0];
    /** Each round's command → last priority screen (ms), where the series had a priority tier. */
    double[] perRoundPriority = new double[0];
    /** When each round's command was sent (epoch ms): to lay rounds beside a GC log or another series. */
    long[] sentAt = new long[0];
    JsonObject cpuMsByThreads;
    int frameBytes;
    int failed;
    int warmupRounds;
    long delivered;
    double loopCpuUsPerMessage = Double.NaN;
    double processCpuUsPerMessage = Double.NaN;
    /** Process CPU less the JIT compiler threads: compiling is a warm-up cost a long-running server has paid. */
    double steadyCpuUsPerMessage = Double.NaN;
    /** The bench machine's CPU time the hypervisor gave to others during the rounds (%). */
    double stealPercent = Double.NaN;

    JsonObject toJson() {
      JsonObject json = new JsonObject()
          .put("latencyMs", latency.toJson())
          .put("spreadMs", spread.toJson())
          .put("firstMs", first.toJson())
          .put("ackMs", ack.toJson())
          .put("frameBytes", frameBytes)
          .put("failedRounds", failed)
          .put("warmupRounds", warmupRounds)
          .put("delivered", delivered)
          .put("eventLoopCpuUsPerMessage", Stats.round(loopCpuUsPerMessage))
          .put("processCpuUsPerMessage", Stats.round(processCpuUsPerMessage))
          .put("processCpuLessJitUsPerMessage", Stats.round(steadyCpuUsPerMessage))
          .put("stealPercent", Stats.round(stealPercent));
      if (priorityLatency.count() > 0) {
        json.put("priorityLatencyMs", priorityLatency.toJson());
      }
      if (publishToLast.count() > 0) {
        json.put("publishToLastMs", publishToLast.toJson());
        json.put("commandToPublishMs", commandToPublish.toJson());
      }
      if (publishToLastPriority.count() > 0) {
        json.put("priorityPublishToLastMs", publishToLastPriority.toJson());
      }
      if (cpuMsByThreads != null) {
        json.put("serverCpuMsByThreads", cpuMsByThreads);
      }
      if (perRoundPriority.length > 0) {
        json.put("perRoundPriorityMs", rounded(perRoundPriority));
      }
      return json.put("perRoundMs", rounded(perRound)).put("perRoundSentAtMs", new JsonArray(Arrays.stream(sentAt).boxed().toList()));
    }

    private static JsonArray rounded(double[] values) {
      return new JsonArray(Arrays.stream(values).mapToObj(Stats::round).toList());
    }
  }

  /**
   * Sends {@code screen.message} commands one after another and notes, per round, when the last of
   * {@code publics} and the last of {@code tier} got the new state.
   */
  private Rounds rounds(Target target, Fleet fleet, List<Viewer> participants, List<Viewer> tier, List<Viewer> publics,
      Probe probe) throws Exception {
    return rounds(target, fleet, participants, tier, publics, probe, options.rounds());
  }

  private Rounds rounds(Target target, Fleet fleet, List<Viewer> participants, List<Viewer> tier, List<Viewer> publics,
      Probe probe, int count) throws Exception {
    return inTurn(List.of(new Series(target, fleet, participants, tier, publics, probe, count))).get(0);
  }

  /**
   * Rounds of one or more servers taken in turn, round by round, which goes first swapped every
   * round, after each has warmed up. On a shared machine whose speed drifts over seconds and
   * minutes (measured: the same build's p50 at 5,000 viewers went from 52 to 94 ms between two
   * series five minutes apart), two servers measured one after the other are compared on two
   * different machines; taken in turn, they meet the same one.
   */
  private List<Rounds> inTurn(List<Series> sides) throws Exception {
    for (Series side : sides) {
      side.result.warmupRounds = warmUp(side.target, side.fleet, side.live, side.probe);
    }
    CpuTimes cpuBefore = CpuTimes.now();
    for (Series side : sides) {
      side.before = side.probe.sample();
    }
    for (int r = 0; r < sides.get(0).count; r++) {
      for (int i = 0; i < sides.size(); i++) {
        sides.get((r + i) % sides.size()).round(r);
      }
    }
    CpuTimes cpuAfter = CpuTimes.now();
    List<Rounds> results = new ArrayList<>();
    for (Series side : sides) {
      results.add(side.end(cpuAfter == null ? Double.NaN : cpuAfter.stealPercentSince(cpuBefore)));
    }
    return results;
  }

  /** One server's part of a series of rounds: who takes part, and what each round measured. */
  private final class Series {
    final Target target;
    final Fleet fleet;
    final List<Viewer> live;
    final List<Viewer> liveTier;
    final List<Viewer> livePublics;
    final Probe probe;
    final int count;
    /** Server and bench on one machine: one clock, so the server's publish time splits each round. */
    final boolean serverClock;
    final double[] latency;
    final double[] priority;
    final double[] spread;
    final double[] first;
    final double[] ack;
    final double[] published;
    final double[] toPublish;
    final double[] publishedPriority;
    final long[] sentAt;
    final Rounds result = new Rounds();
    Sample before;
    int done;

    Series(Target target, Fleet fleet, List<Viewer> participants, List<Viewer> tier, List<Viewer> publics, Probe probe,
        int count) {
      this.count = count;
      this.target = target;
      this.fleet = fleet;
      this.probe = probe;
      this.serverClock = target.local();
      this.live = connected(participants);
      this.liveTier = connected(tier);
      this.livePublics = connected(publics);
      latency = new double[count];
      priority = new double[liveTier.isEmpty() ? 0 : count];
      spread = new double[count];
      first = new double[count];
      ack = new double[count];
      published = new double[count];
      toPublish = new double[count];
      publishedPriority = new double[liveTier.isEmpty() ? 0 : count];
      sentAt = new long[count];
    }

    void round(int r) throws Exception {
      long base = Fleet.newestRev(live, Fleet.SCREEN);
      Round round = fleet.watch(Fleet.SCREEN, base, live);
      Target.Sent sent = target.command("screen.message", new JsonObject().put("text", message(r)));
      long acked = System.nanoTime();
      round.sentNanos = sent.sentNanos();
      sentAt[done] = Math.round(sent.sentNanos() / 1e6 + wallOffsetMs);
      awaitRound(round, r, live.size(), result);
      latency[done] = round.lastMs(livePublics);
      if (priority.length > 0) {
        priority[done] = round.lastMs(liveTier);
      }
      double firstMs = round.firstMs(live);
      first[done] = firstMs;
      ack[done] = (acked - sent.sentNanos()) / 1e6;
      if (serverClock && round.serverMs > 0) {
        // same machine, same clock: from the server's publish (after its commit) to the last receipt
        double publishedMs = round.serverMs - (sent.sentNanos() / 1e6 + wallOffsetMs);
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
      done++;
      result.frameBytes = round.frameBytes;
      pause();
    }

    Rounds end(double stealPercent) throws Exception {
      Sample after = probe.sample();
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
      if (before != null && after != null) {
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
      return result;
    }
  }

  /**
   * Unmeasured rounds first. With --warmup-rounds, that many; else about 200,000 deliveries' worth
   * (30 to 300 rounds), then on in steps of 30 while the server's JIT compiler is still busy (more
   * than 40 ms of compiler CPU in the last step), up to 900 rounds: a server that has run for a
   * while has compiled its hot paths, and the figures should not carry the compiler's CPU. A
   * server warmed up by an earlier series gets {@value #REWARM_ROUNDS} rounds: its code is
   * compiled, only its caches have cooled.
   */
  private int warmUp(Target target, Fleet fleet, List<Viewer> live, Probe probe) throws Exception {
    int fixed = options.warmupRounds();
    if (fixed < 0 && !warmedUp.add(target)) {
      fixed = REWARM_ROUNDS;
    }
    if (fixed >= 0) {
      for (int r = 0; r < fixed; r++) {
        warmupRound(target, fleet, live, r);
      }
      return fixed;
    }
    int minimum = Math.max(30, Math.min(300, WARMUP_DELIVERIES / Math.max(1, live.size())));
    int rounds = 0;
    while (rounds < minimum) {
      warmupRound(target, fleet, live, rounds++);
    }
    Sample last = probe.sample();
    while (rounds < 900 && last != null && last.threads() != null) {
      for (int i = 0; i < 30; i++) {
        warmupRound(target, fleet, live, rounds++);
      }
      Sample now = probe.sample();
      long jitMs = now.threads().getLong("jit", 0L) - last.threads().getLong("jit", 0L);
      last = now;
      if (jitMs <= 40) {
        break;
      }
    }
    return rounds;
  }

  /** An unmeasured round; returns the size of its state frame. */
  private int warmupRound(Target target, Fleet fleet, List<Viewer> live, int r) throws Exception {
    Round round = fleet.watch(Fleet.SCREEN, Fleet.newestRev(live, Fleet.SCREEN), live);
    target.command("screen.message", new JsonObject().put("text", message(-1 - r)));
    awaitRound(round, -1 - r, live.size(), null);
    pause();
    return round.frameBytes;
  }

  private void awaitRound(Round round, int r, int viewers, Rounds result) throws Exception {
    try {
      round.done.get(options.roundTimeoutMs(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      if (result != null) {
        result.failed++;
      }
      step("  round %d: %d of %d viewers did not get the change within %d ms", r, round.missing(), viewers,
          options.roundTimeoutMs());
    } finally {
      round.close();
    }
  }

  private static void pause() throws InterruptedException {
    Thread.sleep(ROUND_GAP_MS + (long) (Math.random() * 20));
  }

  private static List<Viewer> connected(List<Viewer> viewers) {
    return viewers.stream().filter(viewer -> viewer.ws != null && !viewer.closed).toList();
  }

  private static double[] finite(double[] values) {
    return Arrays.stream(values).filter(Double::isFinite).toArray();
  }

  /** A screen message of about 150 characters, so the state frame is about 300 bytes. */
  static String message(int round) {
    String text = "diemcau bench, round " + round + ": kiem tra do tre phat song toi moi man hinh. ";
    StringBuilder padded = new StringBuilder(text);
    while (padded.length() < 150) {
      padded.append("x");
    }
    return padded.toString();
  }

  // --- helpers -----------------------------------------------------------------------------------

  static JsonObject machine() {
    Runtime runtime = Runtime.getRuntime();
    return new JsonObject()
        .put("cores", runtime.availableProcessors())
        .put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
        .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"))
        .put("benchMaxHeapMB", runtime.maxMemory() / (1024 * 1024));
  }

  private void step(String format, Object... args) {
    log.printf("[bench] " + format + "%n", args);
    log.flush();
  }

  private static Double mb(long bytes) {
    return Stats.round(bytes / (1024.0 * 1024.0));
  }

  private static Double perKB(long bytes, int count) {
    return count == 0 ? null : Stats.round(bytes / 1024.0 / count);
  }

  private static Double round4(double value) {
    return Double.isFinite(value) ? Math.round(value * 10_000) / 10_000.0 : null;
  }
}
