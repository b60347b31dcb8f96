package diemcau.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bench's screens: WebSocket clients that say {@code hello} like real screens and note, per
 * topic, the newest revision and when it arrived. Frames are scanned as bytes (type, topic, rev),
 * never decoded as JSON, so the client spends as little of the shared CPU as it can.
 *
 * <p>Clients are kept in fields (Vert.x 5 closes unreachable clients) and spread over the given
 * source addresses, one client per address, so a loopback run is not capped by one address's
 * ephemeral ports.
 */
final class Fleet implements AutoCloseable {

  /**
   * How often a hall or bridge screen pings, as the pages do ({@code client.js}): a bridge site
   * not heard from for 15 s turns stale, and a tier that went stale mid-run would add a
   * {@code bridges} state no real room causes. Public viewers stay silent, the worst case for
   * what the server must send an idle screen.
   */
  static final long SCREEN_PING_MS = 10_000;

  /** Receive buffer of a stuck screen's socket: small, so the server sees it stop reading soon. */
  static final int STUCK_RECEIVE_BUFFER = 4096;

  /** The servers the viewers are spread over, round robin: one, or each node of a cluster. */
  final List<Endpoint> nodes;
  /** The index in {@link #nodes} of the cluster's writer, or -1 (one server, or not known). */
  volatile int writerNode = -1;
  private final List<WebSocketClient> clients = new ArrayList<>();
  /** One context per event loop, round robin: connections are spread over every loop of the bench. */
  private final List<Context> contexts = new ArrayList<>();
  private final List<WebSocketClient> stuckClients = new ArrayList<>();
  /**
   * The priority screens read on an event loop of their own, as the hall's and each bridge
   * site's PC do: on a shared machine they would otherwise wait behind thousands of viewers'
   * frames in the bench's own loops, and the bench would measure itself.
   */
  private final List<WebSocketClient> priorityClients = new ArrayList<>();
  private final Context priorityContext;
  final List<Viewer> viewers = new ArrayList<>();
  /** The threads the public viewers' sockets read on (their names repeat across Vert.x instances). */
  final Set<Thread> readerThreads = ConcurrentHashMap.newKeySet();
  private volatile RoundWatch round;
  final LongAdder heartbeats = new LongAdder();
  final LongAdder otherFrames = new LongAdder();
  /** The shortest gap between two heartbeats of one socket, by the server's clock in them (ms). */
  private final AtomicLong minBeatGap = new AtomicLong(Long.MAX_VALUE);

  Fleet(Vertx vertx, Vertx priorityVertx, Endpoint server, List<String> sourceAddresses) {
    this(vertx, priorityVertx, List.of(server), sourceAddresses);
  }

  /** A fleet whose viewers are spread over {@code nodes}: the i-th viewer added goes to node i mod n. */
  Fleet(Vertx vertx, Vertx priorityVertx, List<Endpoint> nodes, List<String> sourceAddresses) {
    this.nodes = List.copyOf(nodes);
    // not getOrCreateContext(): off a Vert.x thread it returns the same sticky context every
    // time, and every viewer would read on one loop
    for (int i = 0; i < viewerLoops(); i++) {
      contexts.add(((VertxInternal) vertx).createEventLoopContext());
    }
    List<String> sources = sourceAddresses.isEmpty() ? java.util.Collections.singletonList(null) : sourceAddresses;
    for (String source : sources) {
      clients.add(vertx.createWebSocketClient(ViewerSockets.options(source, 0)));
      stuckClients.add(vertx.createWebSocketClient(ViewerSockets.options(source, STUCK_RECEIVE_BUFFER)));
      priorityClients.add(priorityVertx.createWebSocketClient(ViewerSockets.options(source, 0)));
    }
    priorityContext = priorityVertx.getOrCreateContext();
  }

  /** The event loops the public viewers read on: one per core, at least two. */
  static int viewerLoops() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  Viewer add(String uri, String screen, String unit, List<String> topics, boolean priority, boolean stuck) {
    Viewer viewer = new Viewer(viewers.size(), viewers.size() % nodes.size(), uri, screen, unit, topics, priority, stuck);
    viewers.add(viewer);
    return viewer;
  }

  /** How many of {@code group} each node has, by node index. */
  int[] perNode(List<Viewer> group) {
    int[] counts = new int[nodes.size()];
    group.forEach(viewer -> counts[viewer.node]++);
    return counts;
  }

  /** What a batch of connections came to: how long until the last one had its snapshot, and failures. */
  record Connected(int viewers, int errors, double seconds, Stats perViewerMs, String firstError) {
    JsonObject toJson() {
      return new JsonObject().put("viewers", viewers).put("errors", errors).put("seconds", Stats.round(seconds))
          .put("perViewerMs", perViewerMs.toJson()).put("firstError", firstError);
    }
  }

  /**
   * Connects every viewer of {@code batch} (at most {@code inFlight} handshakes at once; 0 = all at
   * once), sends hello, and waits until each has a state of every topic it asked for.
   */
  Connected connect(List<Viewer> batch, int inFlight, long timeoutMs) throws InterruptedException {
    Semaphore window = new Semaphore(inFlight <= 0 ? Integer.MAX_VALUE : inFlight);
    long started = System.nanoTime();
    long deadline = started + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    for (Viewer viewer : batch) {
      viewer.ready = new CompletableFuture<>();
      viewer.seenMask = 0;
      viewer.closed = false;
      if (!window.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        viewer.ready.completeExceptionally(new IllegalStateException("not started: the connect window stayed full"));
        continue;
      }
      viewer.ready.whenComplete((at, failure) -> window.release());
      open(viewer);
    }
    double[] times = new double[batch.size()];
    int errors = 0;
    int ok = 0;
    long last = started;
    String firstError = null;
    for (Viewer viewer : batch) {
      try {
        long at = viewer.ready.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        times[ok++] = (at - started) / 1e6;
        last = Math.max(last, at);
      } catch (Exception e) {
        errors++;
        if (firstError == null) {
          Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
          firstError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
      }
    }
    return new Connected(batch.size(), errors, (last - started) / 1e9, Stats.of(java.util.Arrays.copyOf(times, ok)), firstError);
  }

  private void open(Viewer viewer) {
    List<WebSocketClient> pool = viewer.stuck ? stuckClients : viewer.priority ? priorityClients : clients;
    // each node's viewers over every loop too: with as many loops as nodes, i mod loops would put a node on one loop
    Context context = viewer.priority ? priorityContext : contexts.get(viewer.index / nodes.size() % contexts.size());
    WebSocketClient client = pool.get(viewer.index % pool.size());
    Endpoint node = nodes.get(viewer.node);
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(node.host()).setPort(node.port()).setSsl(node.ssl()).setURI(viewer.uri).setTimeout(30_000);
    CompletableFuture<Long> ready = viewer.ready;
    context.runOnContext(onLoop -> client.connect(options).onComplete(done -> {
      if (done.failed()) {
        ready.completeExceptionally(done.cause());
        return;
      }
      WebSocket ws = done.result();
      viewer.ws = ws;
      if (!viewer.priority) {
        readerThreads.add(Thread.currentThread());
      }
      ws.handler(bytes -> onFrame(viewer, bytes));
      ws.exceptionHandler(failure -> ready.completeExceptionally(failure));
      long pings = viewer.priority ? context.owner().setPeriodic(SCREEN_PING_MS, id -> ping(ws, id)) : -1;
      ws.closeHandler(ignored -> {
        context.owner().cancelTimer(pings);
        if (viewer.ws == ws) {
          viewer.closed = true;
        }
        ready.completeExceptionally(new IllegalStateException("closed by the server before its snapshot"));
      });
      ws.writeTextMessage(viewer.hello);
    }));
  }

  private static void ping(WebSocket ws, long id) {
    ws.writeTextMessage("{\"type\":\"ping\",\"id\":" + id + ",\"t0\":" + System.currentTimeMillis() + "}");
  }

  private void onFrame(Viewer viewer, Buffer bytes) {
    long now = System.nanoTime();
    int topic = FrameScan.topicOf(bytes);
    if (topic == FrameScan.HEARTBEAT) {
      heartbeats.increment();
      // the server's time in the beat, not its arrival: delivery jitter is not the server's period
      long server = FrameScan.serverOf(bytes);
      if (viewer.lastBeatServerMs != 0 && server > 0) {
        minBeatGap.accumulateAndGet(server - viewer.lastBeatServerMs, Math::min);
      }
      viewer.lastBeatServerMs = server;
      return;
    }
    if (topic == FrameScan.PONG) {
      return;
    }
    otherFrames.increment();
    if (topic < 0) {
      return;
    }
    long rev = FrameScan.revOf(bytes);
    if (rev > viewer.revs[topic]) {
      viewer.revs[topic] = rev;
    }
    int seen = viewer.seenMask | (1 << topic);
    viewer.seenMask = seen;
    if ((seen & viewer.wantMask) == viewer.wantMask && !viewer.ready.isDone()) {
      viewer.ready.complete(now);
    }
    RoundWatch current = round;
    if (current != null && topic == current.topic && rev > current.baseRev) {
      current.arrive(viewer, now, bytes);
    }
  }

  /** Starts watching for a round; the caller sends the command and sets {@code sentNanos} just before. */
  RoundWatch watch(int topic, long baseRev, List<Viewer> participants) {
    RoundWatch next = new RoundWatch(this, topic, baseRev, viewers.size(), participants);
    round = next;
    return next;
  }

  /** Stops watching {@code watch}, if it is still the round watched. */
  void unwatch(RoundWatch watch) {
    if (round == watch) {
      round = null;
    }
  }

  void resetHeartbeatGap() {
    minBeatGap.set(Long.MAX_VALUE);
  }

  /** The shortest time between two heartbeats on one socket since the last reset, or null if none was seen twice. */
  Double minHeartbeatGapSeconds() {
    long gap = minBeatGap.get();
    return gap == Long.MAX_VALUE ? null : Stats.round(gap / 1e3);
  }

  /** Closes the given viewers' sockets, as a dropped link would, and waits until they are closed. */
  void drop(List<Viewer> batch, long timeoutMs) {
    List<Future<Void>> closing = new ArrayList<>();
    for (Viewer viewer : batch) {
      WebSocket ws = viewer.ws;
      if (ws != null && !viewer.closed) {
        closing.add(ws.close());
      }
    }
    try {
      Future.join(closing).await(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (Exception ignored) {
      // a socket that does not finish its close handshake in time is left to the OS
    }
  }

  @Override
  public void close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (WebSocketClient client : clients) {
      closing.add(client.close());
    }
    for (WebSocketClient client : stuckClients) {
      closing.add(client.close());
    }
    for (WebSocketClient client : priorityClients) {
      closing.add(client.close());
    }
    try {
      Future.join(closing).await(20, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // closing is best effort at the end of a run
    }
  }
}
