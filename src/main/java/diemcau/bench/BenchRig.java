package diemcau.bench;

import diemcau.net.Transports;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What every phase of a run shares: the options, the bench's own event loops and its log. */
final class BenchRig implements AutoCloseable {

  final RunOptions options;
  /** The event loops the public viewers read on (see {@link Fleet}). */
  final Vertx vertx;
  /** One event loop for the priority screens alone (see {@link Fleet}). */
  final Vertx priorityVertx;
  /** One event loop for the MC socket the commands go by. */
  final Vertx consoleVertx;
  /** The bench's own transport, which the bare reference takes when the server does not tell its own. */
  final String transportName;
  /**
   * Why the priority screens' loop could not be given its nice ({@code --priority-nice}), or null if
   * it was. On the day the hall's and the bridges' screens have their own machines; here, at equal
   * priority, they would wait for a core behind the bench's own phones with the server's priority
   * writes long done (docs/BENCHMARKS.md).
   */
  final String priorityReaderRefused;
  /** Epoch ms minus nanoTime ms, fixed at the start: turns a nanoTime into wall-clock ms. */
  final double wallOffsetMs = System.currentTimeMillis() - System.nanoTime() / 1e6;
  private final PrintStream log;

  BenchRig(RunOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
    Transport transport = Transports.named(options.transport(), "--transport");
    this.vertx = Transports.vertx(new VertxOptions().setEventLoopPoolSize(Fleet.viewerLoops()).setWorkerPoolSize(2), transport);
    this.priorityVertx = Transports.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1), transport);
    this.consoleVertx = Transports.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1), transport);
    this.transportName = transport.name();
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

  /** Wall-clock ms of a {@link System#nanoTime()} reading. */
  double wallMs(long nanos) {
    return nanos / 1e6 + wallOffsetMs;
  }

  /** A progress line on the bench's output. */
  void step(String format, Object... args) {
    log.printf("[bench] " + format + "%n", args);
    log.flush();
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
    priorityVertx.close().await(30, TimeUnit.SECONDS);
    consoleVertx.close().await(30, TimeUnit.SECONDS);
  }
}
