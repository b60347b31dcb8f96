package diemcau.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A short bench run against a real server: every figure is present and sane. Not a timed assertion. */
@DisplayName("bench, a short smoke run (50 viewers, 5 rounds)")
class BenchSmokeTest {

  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("measures agenda steps, adjustments and messages by both doors, fan-out, the priority tier, stuck readers, a storm, idle cost, memory and the bare reference")
  void smokeRun() throws Exception {
    Path json = Files.createTempFile("bench", ".json");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    BenchCommand command = new BenchCommand(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int exit = new CommandLine(command).execute(
        "--url", "http://127.0.0.1:" + server.port,
        "--mc-token", TestServer.MC_TOKEN,
        "--admin-token", TestServer.ADMIN_TOKEN,
        "--viewers", "50", "--rounds", "5", "--priority", "12", "--slow", "3",
        "--idle-seconds", "2", "--warmup-rounds", "3",
        "--json", json.toString());
    String table = printed.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(table).isZero();

    JsonObject report = new JsonObject(Files.readString(json));
    JsonObject d = report.getJsonObject("diemcau");
    assertThat(report.getJsonObject("machine").getInteger("cores")).isPositive();
    assertThat(d.getJsonObject("connect").getInteger("errors")).isZero();
    assertThat(d.getJsonObject("connect").getInteger("readerLoops")).as("the viewers read on every loop of the bench")
        .isEqualTo(Fleet.viewerLoops());

    assertThat(d.getJsonObject("agenda").getBoolean("steppable")).as("the agenda made ready to step").isTrue();
    JsonArray operations = d.getJsonArray("operations");
    assertThat(operations.stream().map(entry -> ((JsonObject) entry).getString("operation") + " " + ((JsonObject) entry).getString("door")))
        .as("agenda steps first, each operation by both doors").containsExactly(
            "agenda.next/previous socket", "agenda.next/previous rest", "agenda.adjust socket", "agenda.adjust rest",
            "screen.message socket", "screen.message rest");
    for (Object entry : operations) {
      assertSaneSeries((JsonObject) entry, 5, 50);
    }
    JsonObject steps = operations.getJsonObject(0);
    JsonObject messages = operations.getJsonObject(4);
    assertThat(steps.getInteger("frameBytes")).as("the agenda frame a viewer received").isPositive();
    assertThat(messages.getInteger("frameBytes")).as("the message frame a viewer received").isBetween(200, 600);
    assertThat(steps.getLong("patchFrames") + steps.getLong("stateFrames")).as("every viewer's frame of every round counted")
        .isEqualTo(5L * 50);
    assertThat(Rest.get(server.port, "/api/state/agenda", null).body().getString("status"))
        .as("next and previous in turn leave the agenda running").isEqualTo("running");

    JsonObject fanout = d.getJsonObject("fanout");
    assertSaneLatency(fanout.getJsonObject("latencyMs"), 5);
    assertThat(fanout.getInteger("failedRounds")).isZero();
    assertThat(fanout.getInteger("frameBytes")).isBetween(200, 600);
    assertThat(fanout.getLong("delivered")).isGreaterThanOrEqualTo(5L * 50);
    assertThat(fanout.getDouble("processCpuUsPerMessage")).isPositive();
    assertThat(fanout.getDouble("eventLoopCpuUsPerMessage")).isPositive();
    assertThat(fanout.getJsonObject("commandToPublishMs").getDouble("p50")).isGreaterThanOrEqualTo(0.0);
    if (CpuTimes.now() != null) {
      assertThat(fanout.getDouble("stealPercent")).as("CPU stolen by the hypervisor during the rounds").isBetween(0.0, 100.0);
    }

    JsonObject priority = d.getJsonObject("priority");
    assertThat(priority.getInteger("screens")).isEqualTo(12);
    assertThat(priority.getInteger("bridges")).as("bridge screens with their keys from the admin links").isEqualTo(11);
    assertSaneLatency(priority.getJsonObject("priorityLatencyMs"), 5);
    assertSaneLatency(priority.getJsonObject("agendaSteps").getJsonObject("priorityLatencyMs"), 5);
    assertThat(priority.getJsonObject("agendaSteps").getInteger("frameBytes")).isPositive();
    assertThat(priority.getJsonArray("perRoundPriorityMs")).hasSize(5)
        .allSatisfy(ms -> assertThat(((Number) ms).doubleValue()).isPositive());
    if ("root".equals(System.getProperty("user.name"))) {
      assertThat(priority.getInteger("readerNice")).as("the priority screens' loop raised").isEqualTo(-10);
    } else if (priority.getValue("readerNice") == null) {
      assertThat(priority.getString("readerNiceRefused")).as("why the priority screens' loop was not raised").isNotBlank();
    }

    JsonObject idle = d.getJsonObject("idle");
    assertThat(idle.getLong("otherFrames")).as("idle viewers get nothing but heartbeats").isZero();
    assertThat(idle.getDouble("cpuPercentOfOneCore")).isNotNull();

    JsonObject memory = d.getJsonObject("memory");
    assertThat(memory.getDouble("heapPerViewerKB")).isNotNull();
    assertThat(memory.getDouble("rssPerViewerKB")).isNotNull();

    JsonObject slow = d.getJsonObject("slow");
    assertThat(slow.getInteger("stuck")).isEqualTo(3);
    assertThat(slow.getInteger("parked")).isBetween(0, 2 * 3);
    assertThat(slow.getInteger("caughtUpAfterReading")).as("stuck screens get the newest state once they read").isEqualTo(3);
    assertSaneLatency(slow.getJsonObject("othersLatencyMs"), 10);
    assertSaneLatency(slow.getJsonObject("baselineMs"), 10);
    assertThat(slow.getDouble("p99Ratio")).as("the others' p99 against both baseline series")
        .isCloseTo(slow.getJsonObject("othersLatencyMs").getDouble("p99") / slow.getJsonObject("baselineMs").getDouble("p99"),
            offset(0.01));

    JsonObject storm = d.getJsonObject("storm");
    assertThat(storm.getInteger("errors")).isZero();
    assertThat(storm.getDouble("seconds")).isPositive();

    JsonObject bare = report.getJsonObject("bare");
    assertSaneLatency(bare.getJsonObject("fanout").getJsonObject("latencyMs"), 5);
    JsonObject inTurn = d.getJsonObject("fanoutInTurn");
    assertSaneLatency(inTurn.getJsonObject("latencyMs"), 5);
    assertThat(inTurn.getDouble("processCpuLessJitUsPerMessage")).isPositive();
    List<Long> alone = sentAt(fanout);
    List<Long> ours = sentAt(inTurn);
    List<Long> theirs = sentAt(bare.getJsonObject("fanout"));
    assertThat(alone).hasSize(5).isSorted();
    assertThat(ours).hasSize(5).isSorted();
    assertThat(theirs).hasSize(5).isSorted();
    assertThat(alone.get(4)).as("the event's figure is measured before the bare reference exists")
        .isLessThan(theirs.get(0));
    assertThat(theirs.get(0)).as("the bare reference's rounds are taken in turn with diemcau's, not after them")
        .isLessThan(ours.get(4));
    assertThat(ours.get(0)).isLessThan(theirs.get(4));
    assertThat(bare.getJsonObject("fanout").getDouble("processCpuUsPerMessage")).isPositive();
    assertThat(bare.getJsonObject("storm").getInteger("errors")).isZero();

    String transport = d.getJsonObject("server").getString("transport");
    assertThat(transport).as("the server's transport, from its metrics").isEqualTo(server.server.transport());
    assertThat(bare.getString("transport")).as("the bare reference runs on the server's transport").isEqualTo(transport);

    assertThat(report.getJsonArray("targets")).isNotEmpty();
    assertThat(table.indexOf("agenda.next/previous, socket")).as("the agenda step is the headline row")
        .isPositive().isLessThan(table.indexOf("connect N")).isLessThan(table.indexOf("screen.message, socket"));
    for (String row : List.of("fan-out by operation", "agenda.next/previous, rest", "agenda.adjust, socket",
        "agenda steps: priority tier", "fan-out command→last", "rounds taken in turn with the bare reference's", "CPU stolen by the hypervisor", "priority tier",
        "the bench's priority screens read at nice", "reconnect storm", "idle", "memory per idle viewer",
        "stuck", "bare broadcast", "server runtime: " + transport + " transport", "targets:")) {
      assertThat(table).contains(row);
    }
    assertThat(table).as("at 50 viewers memory per viewer is two readings' noise, not a figure")
        .containsPattern("memory per idle viewer: heap / RSS \\(KB\\) +\\(noise below 1,000 viewers\\)");
  }

  @Test
  @DisplayName("--door rest sends every command by POST /api/commands and times them as the socket door's")
  void restDoor() throws Exception {
    Path json = Files.createTempFile("bench", ".json");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int exit = new CommandLine(new BenchCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))).execute(
        "--url", "http://127.0.0.1:" + server.port, "--mc-token", TestServer.MC_TOKEN, "--admin-token", TestServer.ADMIN_TOKEN,
        "--door", "rest", "--viewers", "1", "--rounds", "5", "--priority", "0", "--slow", "0", "--no-bare",
        "--idle-seconds", "1", "--warmup-rounds", "2", "--json", json.toString());
    String table = printed.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(table).isZero();
    assertThat(table).contains("commands by POST /api/commands");
    JsonObject report = new JsonObject(Files.readString(json));
    assertThat(report.getJsonObject("config").getString("door")).isEqualTo("rest");
    assertSaneLatency(report.getJsonObject("diemcau").getJsonObject("fanout").getJsonObject("latencyMs"), 5);
    assertThat(report.getJsonObject("diemcau").getJsonObject("fanout").getInteger("failedRounds")).isZero();
    JsonArray operations = report.getJsonObject("diemcau").getJsonArray("operations");
    assertThat(operations).as("agenda steps, adjustments and messages, by the REST door only").hasSize(3);
    for (Object entry : operations) {
      assertThat(((JsonObject) entry).getString("door")).isEqualTo("rest");
      assertSaneSeries((JsonObject) entry, 5, 1);
    }
  }

  @Test
  @DisplayName("several --url: viewers spread round robin over them, each one's /health read, its viewers and its figures in the report")
  void severalUrls() throws Exception {
    Path json = Files.createTempFile("bench", ".json");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    // one server under two names: the spreading and the per-node figures are the bench's, whatever the nodes are
    String first = "http://127.0.0.1:" + server.port;
    String second = "http://localhost:" + server.port;
    int exit = new CommandLine(new BenchCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))).execute(
        "--url", first, "--url", second, "--mc-token", TestServer.MC_TOKEN, "--admin-token", TestServer.ADMIN_TOKEN,
        "--door", "socket", "--viewers", "5", "--rounds", "4", "--priority", "2", "--slow", "0", "--no-bare",
        "--idle-seconds", "1", "--warmup-rounds", "2", "--json", json.toString());
    String table = printed.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(table).isZero();
    JsonObject report = new JsonObject(Files.readString(json));
    assertThat(report.getJsonObject("config").getJsonArray("urls")).containsExactly(first, second);
    JsonObject d = report.getJsonObject("diemcau");
    JsonArray nodes = d.getJsonArray("nodes");
    assertThat(nodes).hasSize(2);
    assertThat(nodes.getJsonObject(0).getInteger("viewers")).as("round robin: viewers 0, 2, 4 on the first").isEqualTo(3);
    assertThat(nodes.getJsonObject(1).getInteger("viewers")).as("viewers 1, 3 on the second").isEqualTo(2);
    assertThat(nodes.getJsonObject(0).getString("role")).as("a server not in cluster mode").isEqualTo(Nodes.SINGLE);
    assertThat(nodes.getJsonObject(0).getBoolean("commands")).as("--commands-to first, the default").isTrue();
    assertThat(nodes.getJsonObject(1).getBoolean("commands")).isFalse();

    JsonObject byNode = d.getJsonObject("fanout").getJsonObject("byNode");
    for (int n = 0; n < 2; n++) {
      JsonObject node = byNode.getJsonArray("nodes").getJsonObject(n);
      assertThat(node.getInteger("viewers")).isEqualTo(n == 0 ? 3 : 2);
      assertSaneLatency(node.getJsonObject("firstMs"), 4);
      assertSaneLatency(node.getJsonObject("lastMs"), 4);
      assertThat(node.getJsonObject("lastMs").getDouble("max")).isGreaterThanOrEqualTo(node.getJsonObject("firstMs").getDouble("min"));
      assertThat(node.getDouble("processCpuMsPerChange")).as("each node's own CPU per change, from its own metrics").isPositive();
      assertThat(node.getDouble("processCpuLessJitMsPerChange")).isNotNull();
    }
    assertSaneLatency(byNode.getJsonObject("commandToEveryNodeMs"), 4);
    assertThat(d.getJsonObject("connect").getInteger("errors")).isZero();
    assertThat(d.getJsonObject("priority").getJsonObject("connect").getInteger("errors")).isZero();
    assertThat(d.containsKey("hop")).as("no follower among the nodes: no cluster hop").isFalse();
    assertThat(report.containsKey("bare")).as("one bare JVM is no reference for several nodes").isFalse();
    assertThat(table).contains("node 0: " + first + ", single, 3 viewers, takes the commands")
        .contains("node 1: " + second + ", single, 2 viewers").contains("0 " + first).contains("1 " + second);
  }

  @Test
  @DisplayName("--commands-to follower with no follower among --url stops the run in one line (exit code 1)")
  void noFollower() {
    Outcome outcome = runWithErrors("--url", "http://127.0.0.1:" + server.port,
        "--mc-token", TestServer.MC_TOKEN, "--commands-to", "follower", "--viewers", "5", "--no-bare");
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.errors()).contains("--commands-to follower").contains("single")
        .doesNotContain("\tat ");
  }

  @Test
  @DisplayName("bad options are refused with exit code 2 before anything connects")
  void badOptions() {
    assertThat(new CommandLine(new BenchCommand()).execute("--url", "ftp://x", "--mc-token", "t")).isEqualTo(2);
    assertThat(new CommandLine(new BenchCommand()).execute("--url", "http://127.0.0.1:1", "--mc-token", "t",
        "--viewers", "0")).isEqualTo(2);
    assertThat(new CommandLine(new BenchCommand()).execute("--url", "http://127.0.0.1:1", "--mc-token", "t",
        "--viewers", "10", "--slow", "10")).isEqualTo(2);
    assertThat(new CommandLine(new BenchCommand()).execute("--url", "http://127.0.0.1:1", "--mc-token", "t",
        "--transport", "carrier-pigeon")).isEqualTo(2);
    assertThat(new CommandLine(new BenchCommand()).execute("--url", "http://127.0.0.1:1", "--mc-token", "t",
        "--priority-nice", "-21")).isEqualTo(2);
    assertThat(new CommandLine(new BenchCommand()).execute("--url", "http://127.0.0.1:1", "--mc-token", "t",
        "--door", "window")).isEqualTo(2);
    assertThat(new CommandLine(new BenchCommand()).execute("--url", "http://127.0.0.1:1,http://127.0.0.1:1", "--mc-token", "t"))
        .as("a node named twice").isEqualTo(2);
    assertThat(new CommandLine(new BenchCommand()).execute("--url", "http://127.0.0.1:1", "--url", "ftp://x", "--mc-token", "t"))
        .isEqualTo(2);
    assertThat(new CommandLine(new BenchCommand()).execute("--url", "http://127.0.0.1:1", "--mc-token", "t",
        "--commands-to", "anyone")).isEqualTo(2);
  }

  @Test
  @DisplayName("a wrong MC token stops the run before it measures anything, said in one line (exit code 1)")
  void wrongMcToken() {
    Outcome outcome = runWithErrors("--url", "http://127.0.0.1:" + server.port,
        "--mc-token", "not-the-mc-token-at-all", "--viewers", "5", "--no-bare");
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.errors()).contains("MC socket").contains("--mc-token").contains("401")
        .doesNotContain("\tat ");
  }

  /** A run's exit code and what it said on stderr. */
  private record Outcome(int exit, String errors) {}

  private static Outcome runWithErrors(String... args) {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    try {
      return new Outcome(new CommandLine(new BenchCommand()).execute(args), errors.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(stderr);
    }
  }

  private static List<Long> sentAt(JsonObject rounds) {
    return rounds.getJsonArray("perRoundSentAtMs").stream().map(at -> ((Number) at).longValue()).toList();
  }

  /** A series of {@code rounds} rounds to {@code viewers} viewers: every round reached them all, with a frame of some size. */
  private static void assertSaneSeries(JsonObject series, int rounds, int viewers) {
    String name = series.getString("operation") + " by " + series.getString("door");
    assertThat(series.getInteger("failedRounds")).as(name).isZero();
    assertSaneLatency(series.getJsonObject("latencyMs"), rounds);
    assertThat(series.getInteger("frameBytes")).as(name + ": frame bytes").isPositive();
    JsonObject received = series.getJsonObject("receivedBytes");
    assertThat(received.getInteger("count")).as(name + ": frames received").isEqualTo(rounds * viewers);
    assertThat(received.getDouble("min")).as(name).isPositive().isLessThanOrEqualTo(received.getDouble("p50"));
    assertThat(received.getDouble("p50")).as(name).isLessThanOrEqualTo(received.getDouble("max"));
  }

  private static void assertSaneLatency(JsonObject stats, int count) {
    assertThat(stats.getInteger("count")).isEqualTo(count);
    double p50 = stats.getDouble("p50");
    double p99 = stats.getDouble("p99");
    assertThat(p50).isPositive().isLessThan(10_000.0);
    assertThat(p99).isGreaterThanOrEqualTo(p50);
    assertThat(stats.getDouble("max")).isGreaterThanOrEqualTo(p99);
  }
}
