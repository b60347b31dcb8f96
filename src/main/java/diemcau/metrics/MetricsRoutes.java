package diemcau.metrics;

import com.sun.management.OperatingSystemMXBean;
import diemcau.net.Transports;
import diemcau.command.Credentials;
import diemcau.command.Role;
import diemcau.live.LiveHub;
import diemcau.web.FeatureRoutes;
import diemcau.web.Http;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The server's figures, both with the admin token: {@code GET /metrics}, the Prometheus text of
 * {@link ServerMetrics} for an operations team's scraper; and {@code GET /api/metrics[?gc=true]},
 * what a load test needs to read the server's cost — heap (optionally after a requested GC),
 * direct buffers, RSS, process and event-loop CPU time, open sockets and frames written, read from
 * JMX at the request.
 */
public final class MetricsRoutes implements FeatureRoutes {

  /** Vert.x names its event-loop threads with this prefix. */
  public static final String EVENT_LOOP_PREFIX = "vert.x-eventloop-thread-";

  private final Credentials credentials;
  private final LiveHub hub;
  private final ServerMetrics metrics;
  private final Supplier<JsonObject> addresses;

  /** {@code addresses}: what the per-address limits have seen (refusals, throttled addresses). */
  public MetricsRoutes(Credentials credentials, LiveHub hub, ServerMetrics metrics, Supplier<JsonObject> addresses) {
    this.credentials = credentials;
    this.hub = hub;
    this.metrics = metrics;
    this.addresses = addresses;
  }

  @Override
  public void mount(Router router) {
    router.get("/metrics").handler(this::prometheus);
    router.get("/api/metrics").handler(this::metrics);
  }

  private void prometheus(RoutingContext ctx) {
    if (Http.require(ctx, credentials, Role.ADMIN).isEmpty()) {
      return;
    }
    ctx.vertx().executeBlocking(metrics::scrape, false)
        .onSuccess(text -> ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(text))
        .onFailure(ctx::fail);
  }

  private void metrics(RoutingContext ctx) {
    if (Http.require(ctx, credentials, Role.ADMIN).isEmpty()) {
      return;
    }
    boolean gc = "true".equals(ctx.request().getParam("gc"));
    Vertx vertx = ctx.vertx();
    vertx.<JsonObject>executeBlocking(() -> {
      if (gc) {
        System.gc();
        System.gc();
      }
      return snapshot(vertx, hub).put("gc", gc).put("addresses", addresses.get());
    }, false).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  /** The figures of this process now; safe from any thread. */
  public static JsonObject snapshot(Vertx vertx, LiveHub hub) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long direct = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if ("direct".equals(pool.getName())) {
        direct = pool.getMemoryUsed();
      }
    }
    JsonObject json = new JsonObject()
        .put("pid", ProcessHandle.current().pid())
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
        .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"))
        .put("transport", Transports.name(vertx))
        .put("collectors", collectors())
        .put("time", System.currentTimeMillis())
        .put("heapUsed", heap.getUsed())
        .put("heapCommitted", heap.getCommitted())
        .put("directUsed", direct)
        .put("rss", rss())
        .put("processCpuNanos", processCpuNanos())
        .put("eventLoopCpuNanos", threadCpuNanos(EVENT_LOOP_PREFIX))
        .put("cpuByThreads", cpuByThreads());
    if (hub != null) {
      json.put("connections", hub.connections())
          .put("prioritySockets", hub.prioritySockets())
          .put("framesSent", hub.framesSent())
          .put("parked", hub.parked())
          .put("parks", hub.parks())
          .put("offLoopSockets", hub.offLoopSockets());
    }
    return json;
  }

  /** The names of the JVM's garbage collectors ("G1 Young Generation", "ZGC Pauses", …): which GC the server runs. */
  public static JsonArray collectors() {
    JsonArray names = new JsonArray();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.add(collector.getName());
    }
    return names;
  }

  /** CPU time of the whole process (user + system), or -1 where the JVM cannot tell. */
  public static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Summed CPU time (user + system) of the live threads whose name starts with {@code prefix}. */
  public static long threadCpuNanos(String prefix) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()) {
      return -1;
    }
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(prefix)) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          total += cpu;
        }
      }
    }
    return total;
  }

  /**
   * CPU time in milliseconds per kind of thread, from {@code /proc/self/task} (so GC and JIT threads
   * count too), or null off Linux. Resolution: the kernel's clock tick (10 ms).
   */
  public static JsonObject cpuByThreads() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return null;
    }
    java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
    try (var stream = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) stream::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String name = stat.substring(open + 1, close);
          String[] fields = stat.substring(close + 2).split(" ");
          long cpu = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          ticks.merge(threadKind(name), cpu, Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended while we looked
        }
      }
    } catch (IOException e) {
      return null;
    }
    JsonObject json = new JsonObject();
    ticks.forEach((kind, tick) -> json.put(kind, tick * 10));
    return json;
  }

  private static String threadKind(String name) {
    if (name.startsWith("vert.x-eventloo")) {
      return "eventLoops";
    }
    if (name.startsWith("vert.x-worker") || name.startsWith("diemcau-db") || name.startsWith("vert.x-internal")) {
      return "workers";
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
      return "gc";
    }
    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
      return "jit";
    }
    return "other";
  }

  /** Resident set size in bytes from {@code /proc/self/status}, or null off Linux. */
  public static Long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }
}
