package diemcau.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.ScreenClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Clocks agree across nodes though the machines' clocks do not: one node's JVM runs
 * {@link #SKEW_MS} ahead (libfaketime), and screens synced to either node, as the pages sync
 * (ping/pong, the least-delayed round trip), compute the same server time to within
 * {@link #AGREE_MS}; the follower's {@code /health} reports its offset to the writer and says
 * DEGRADED, the offset being past 250 ms. First with the skewed node as writer (the screens' server
 * time is then ahead of this test's clock: the skew is real), then as a follower.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterClockIT {

  static final long SKEW_MS = 400;
  static final long AGREE_MS = 50;
  /**
   * Debian's libfaketime, in its single-threaded form: the multi-threaded one serialises every
   * reading of the clock, and a JVM reads it so often that it barely starts.
   */
  static final String FAKETIME = "faketime/libfaketime.so.1";
  /** The node's wall clock {@link #SKEW_MS} ahead; its monotonic clock (timers, timeouts) left alone. */
  static Map<String, String> skewedClock;

  @AutoClose
  static TestCluster cluster;

  @BeforeAll
  static void startASkewedWriterAndAFollower() throws Exception {
    Path library;
    try (var lib = Files.list(Path.of("/usr/lib"))) {
      library = lib.map(dir -> dir.resolve(FAKETIME)).filter(Files::exists).findFirst().orElse(null);
    }
    if (library == null) {
      Assumptions.abort("test skipped: it skews a node's clock with /usr/lib/*/" + FAKETIME + ", which is missing "
          + "(apt-get install faketime)");
    }
    skewedClock = Map.of("LD_PRELOAD", library.toString(), "FAKETIME", "+" + SKEW_MS / 1000.0, "FAKETIME_DONT_FAKE_MONOTONIC", "1");
    cluster = TestCluster.slots(2);
    cluster.start(0, cluster.db, skewedClock);
    cluster.awaitOneWriterOf(1, 60_000);
    cluster.start(1, cluster.db, Map.of());
    cluster.awaitOneWriterOf(2, 60_000);
  }

  @Test
  @Order(1)
  void aSkewedWritersFollowerAnswersScreensInTheWritersTime() throws Exception {
    NodeProcess skewed = cluster.nodes[0];
    NodeProcess follower = cluster.nodes[1];
    assertThat(skewed.isWriter()).isTrue();
    JsonObject health = awaitOffsetPast(follower, ClusterStatus.MAX_OFFSET_MS);
    assertThat(health.getJsonObject("cluster").getLong("clockOffsetMs")).as("%s", health).isBetween(SKEW_MS - 100, SKEW_MS + 100);
    assertThat(health.getString("status")).isEqualTo("DEGRADED");
    assertThat(skewed.health().getString("status")).isEqualTo("UP");
    Offsets offsets = Offsets.of(cluster, skewed, follower);
    assertThat(offsets.onFirst).as("the screens' server time runs the skew ahead of this test's clock").isBetween(SKEW_MS - 100, SKEW_MS + 100);
    assertThat(offsets.disagreement()).as("the two screens' server times: %s", offsets).isLessThanOrEqualTo(AGREE_MS);
    System.out.println("cluster clocks, writer " + SKEW_MS + " ms ahead: the follower's /health clockOffsetMs "
        + health.getJsonObject("cluster").getLong("clockOffsetMs") + " (" + health.getString("status") + "); " + offsets);
  }

  @Test
  @Order(2)
  void aSkewedFollowerAnswersScreensInTheWritersTime() throws Exception {
    NodeProcess writer = cluster.nodes[1];
    NodeProcess old = cluster.nodes[0];
    old.kill();
    long deadline = System.currentTimeMillis() + 30_000;
    while (!writer.isWriter() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    NodeProcess skewed = cluster.replace(old, skewedClock);
    cluster.awaitOneWriterOf(2, 60_000);
    JsonObject health = awaitOffsetPast(skewed, ClusterStatus.MAX_OFFSET_MS);
    assertThat(health.getJsonObject("cluster").getLong("clockOffsetMs")).as("%s", health).isBetween(-SKEW_MS - 100, -SKEW_MS + 100);
    assertThat(health.getString("status")).isEqualTo("DEGRADED");
    assertThat(writer.health().getString("status")).isEqualTo("UP");
    Offsets offsets = Offsets.of(cluster, writer, skewed);
    assertThat(Math.abs(offsets.onFirst)).as("the writer runs on this machine's clock").isLessThanOrEqualTo(AGREE_MS);
    assertThat(offsets.disagreement()).as("the two screens' server times: %s", offsets).isLessThanOrEqualTo(AGREE_MS);
    System.out.println("cluster clocks, follower " + SKEW_MS + " ms ahead: its /health clockOffsetMs "
        + health.getJsonObject("cluster").getLong("clockOffsetMs") + " (" + health.getString("status") + "); " + offsets);
  }

  /** The node's {@code /health} once its clock offset is past {@code ms} (30 s at most: it samples every 2 s). */
  private static JsonObject awaitOffsetPast(NodeProcess node, long ms) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    JsonObject health = node.health();
    while (health == null || Math.abs(health.getJsonObject("cluster").getLong("clockOffsetMs")) <= ms) {
      assertThat(System.currentTimeMillis()).as("the node measures its offset to the writer: %s", health).isLessThan(deadline);
      Thread.sleep(200);
      health = node.health();
    }
    Thread.sleep(2 * ClockSync.EVERY_MS); // a few more round trips: the shortest of them counts
    return node.health();
  }

  /**
   * Two screens' offsets from this test's clock to the server time of the node each is connected
   * to, each measured as the pages do: {@link #SAMPLES} pings, and the offset of the least-delayed
   * pong (its server time plus half the round trip, less the time it came).
   */
  record Offsets(long onFirst, long rttFirst, long onSecond, long rttSecond) {

    static final int SAMPLES = 10;

    static Offsets of(TestCluster cluster, NodeProcess first, NodeProcess second) throws Exception {
      try (ScreenClient a = ScreenClient.connect(cluster.vertx, first.port, "/ws");
          ScreenClient b = ScreenClient.connect(cluster.vertx, second.port, "/ws")) {
        long[] onA = measure(a);
        long[] onB = measure(b);
        return new Offsets(onA[0], onA[1], onB[0], onB[1]);
      }
    }

    /** {offset, round trip} of the least-delayed of {@link #SAMPLES} pongs, 200 ms apart as the pages send them. */
    private static long[] measure(ScreenClient screen) throws InterruptedException {
      long[] best = null;
      for (int i = 0; i < SAMPLES; i++) {
        screen.send(new JsonObject().put("type", "ping").put("id", i).put("t0", System.currentTimeMillis()));
        JsonObject pong = screen.nextOfType("pong");
        long now = System.currentTimeMillis();
        long rtt = now - pong.getLong("t0");
        long offset = pong.getLong("server") + rtt / 2 - now;
        if (best == null || rtt < best[1]) {
          best = new long[] {offset, rtt};
        }
        Thread.sleep(200);
      }
      return best;
    }

    long disagreement() {
      return Math.abs(onFirst - onSecond);
    }

    @Override
    public String toString() {
      return "screens' offsets to this test's clock " + onFirst + " ms (rtt " + rttFirst + ") and " + onSecond + " ms (rtt "
          + rttSecond + "): they disagree by " + disagreement() + " ms";
    }
  }
}
