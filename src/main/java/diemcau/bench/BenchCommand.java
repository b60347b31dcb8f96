package diemcau.bench;

import diemcau.net.Transports;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar diemcau.jar bench --url URL --mc-token T --viewers N --rounds R …}: opens N
 * viewer sockets against a diemcau server, measures the fan-out of the MC's operations (agenda
 * steps, time adjustments, screen messages, by each door), the priority tier, a reconnect storm,
 * idle cost, memory per viewer and stuck readers, then the same against a bare
 * Vert.x broadcast on this machine, and prints one table (and JSON with {@code --json}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
        "Load and latency test of a diemcau server, beside a bare Vert.x broadcast on this machine.",
        "It changes the live state (screen message; the agenda: the conference's day served, started, stepped and its time adjusted):",
        "run it before the event, and only against your own server;",
        "afterwards rehearsal.reset {parts: [\"agenda\", \"screen\"], confirm: \"DAT LAI\"} (or /admin, \"Đặt lại sau diễn tập\")",
        "puts them back and keeps every printed link."})
public final class BenchCommand implements Callable<Integer> {

  @Option(names = "--url", split = ",", defaultValue = "http://127.0.0.1:8080", description = {
      "The server to test (default: ${DEFAULT-VALUE}); repeated or comma-separated, the nodes of one cluster:",
      "viewers spread over them round robin, each node's /health read for its role."})
  List<String> urls;

  @Option(names = "--commands-to", defaultValue = "first", description = "Which node takes the bench's MC commands: first (the first --url), writer or follower (the cluster hop: forwarded to the writer, then published on every node) (default: ${DEFAULT-VALUE}).")
  String commandsTo;

  @Option(names = "--mc-token", defaultValue = "${env:DIEMCAU_MC_TOKEN}", description = "MC token: the bench sends screen and agenda commands (DIEMCAU_MC_TOKEN).")
  String mcToken;

  @Option(names = "--admin-token", defaultValue = "${env:DIEMCAU_ADMIN_TOKEN}", description = "Admin token: server CPU, heap and RSS from /api/metrics, bridge keys for the priority tier (DIEMCAU_ADMIN_TOKEN). Without it those figures are missing and the priority tier is hall screens.")
  String adminToken;

  @Option(names = "--viewers", defaultValue = "1000", description = "Public viewer sockets (default: ${DEFAULT-VALUE}).")
  int viewers;

  @Option(names = "--rounds", defaultValue = "50", description = "Measured fan-out rounds of each series (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--priority", defaultValue = "115", description = "Priority screens (bridges with their keys, the rest hall screens); 0 skips the tier (default: ${DEFAULT-VALUE}).")
  int priority;

  @Option(names = "--priority-nice", defaultValue = "-10", description = "Scheduling priority (Linux nice, -20..19) of the bench's loop that reads the priority screens: on the day they have their own machines, here they share the cores with the bench's viewers. Below 0 needs root or CAP_SYS_NICE; refused, it reads at 0 and the table says why; 0 leaves it alone (default: ${DEFAULT-VALUE}).")
  int priorityNice;

  @Option(names = "--slow", defaultValue = "-1", description = "Viewers that stop reading; default 5%% of --viewers; 0 skips.")
  int slow;

  @Option(names = "--idle-seconds", defaultValue = "33", description = "Length of the idle window (default: ${DEFAULT-VALUE}: a silent socket gets a beat 15–16 s after its last frame, so every socket sees two).")
  int idleSeconds;

  @Option(names = "--warmup-rounds", defaultValue = "-1", description = "Unmeasured rounds before each series; default: about 200,000 deliveries' worth (30 to 300 rounds) before a server's first series, 20 before its next.")
  int warmupRounds;

  @Option(names = "--json", description = "Also write every figure as JSON to this file.")
  Path json;

  @Option(names = "--source-addresses", split = ",", description = "Local addresses to connect from, e.g. 127.0.0.2,127.0.0.3 (each gives ~28,000 ports). Default: one; from loopback above 20,000 viewers, 127.0.0.1… are used automatically.")
  List<String> sourceAddresses;

  @Option(names = "--no-bare", description = "Skip the bare broadcast reference.")
  boolean noBare;

  @Option(names = "--connect-window", defaultValue = "512", description = "Handshakes in flight while setting up (the reconnect storm always opens all at once; default: ${DEFAULT-VALUE}).")
  int connectWindow;

  @Option(names = "--round-timeout-ms", defaultValue = "30000", description = "A round that has not reached every viewer by then counts as failed (default: ${DEFAULT-VALUE}).")
  long roundTimeoutMs;

  @Option(names = "--door", defaultValue = "both", description = "How the bench sends its MC commands: socket (a command frame on an MC WebSocket, as the MC console does), rest (POST /api/commands, as scripts and button boxes do) or both (the series by operation on either door, in turn; every other phase by the socket) (default: ${DEFAULT-VALUE}).")
  String door;

  @Option(names = "--transport", defaultValue = "auto", description = "The bench's own network transport: auto (Linux epoll where it loads, else Java NIO), epoll, io_uring or nio (default: ${DEFAULT-VALUE}).")
  String transport;

  private final PrintStream out;

  public BenchCommand() {
    this(System.out);
  }

  BenchCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    BenchRun bench;
    try {
      bench = new BenchRun(options(), out);
    } catch (IllegalArgumentException e) {
      System.err.println("diemcau bench: " + e.getMessage());
      return 2;
    }
    JsonObject report;
    try {
      report = bench.run();
    } catch (IllegalStateException e) {
      // what the server refused or did not answer, said in a line rather than a stack trace
      System.err.println("diemcau bench: " + e.getMessage());
      return 1;
    }
    out.println();
    out.print(ReportTable.format(report));
    if (json != null) {
      Files.writeString(json, report.encodePrettily());
      out.println("JSON written to " + json);
    }
    return 0;
  }

  RunOptions options() {
    List<URI> targets = urls.stream().map(String::strip).filter(url -> !url.isEmpty()).map(BenchCommand::target).toList();
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("--url is empty");
    }
    if (targets.stream().map(URI::toString).distinct().count() < targets.size()) {
      throw new IllegalArgumentException("--url names a node twice: " + targets);
    }
    if (!Nodes.COMMAND_TARGETS.contains(commandsTo)) {
      throw new IllegalArgumentException("--commands-to must be one of " + Nodes.COMMAND_TARGETS + ", got " + commandsTo);
    }
    if (mcToken == null || mcToken.isBlank()) {
      throw new IllegalArgumentException("--mc-token (or DIEMCAU_MC_TOKEN) is required: the bench drives the screens with MC commands");
    }
    if (viewers < 1 || viewers > 200_000) {
      throw new IllegalArgumentException("--viewers must be 1..200000, got " + viewers);
    }
    if (rounds < 1 || rounds > 10_000) {
      throw new IllegalArgumentException("--rounds must be 1..10000, got " + rounds);
    }
    if (priority < 0 || priority > 10_000) {
      throw new IllegalArgumentException("--priority must be 0..10000, got " + priority);
    }
    if (priorityNice < -20 || priorityNice > 19) {
      throw new IllegalArgumentException("--priority-nice must be -20..19, got " + priorityNice);
    }
    if (idleSeconds < 1 || idleSeconds > 3600) {
      throw new IllegalArgumentException("--idle-seconds must be 1..3600, got " + idleSeconds);
    }
    if (warmupRounds > 10_000) {
      throw new IllegalArgumentException("--warmup-rounds must be at most 10000, got " + warmupRounds);
    }
    if (connectWindow < 1) {
      throw new IllegalArgumentException("--connect-window must be at least 1, got " + connectWindow);
    }
    if (roundTimeoutMs < 100) {
      throw new IllegalArgumentException("--round-timeout-ms must be at least 100, got " + roundTimeoutMs);
    }
    Transports.requireKnown(transport, "--transport");
    if (!ServerUnderTest.DOORS.contains(door) && !RunOptions.BOTH.equals(door)) {
      throw new IllegalArgumentException("--door must be socket, rest or both, got " + door);
    }
    int stuck = slow < 0 ? viewers * 5 / 100 : slow;
    if (stuck >= viewers) {
      throw new IllegalArgumentException("--slow must be fewer than --viewers, got " + slow);
    }
    return new RunOptions(targets, commandsTo, mcToken, adminToken, viewers, rounds, priority, priorityNice, stuck, idleSeconds, json,
        sources(targets), !noBare, connectWindow, roundTimeoutMs, warmupRounds, transport, door);
  }

  private static URI target(String url) {
    URI target;
    try {
      target = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url is not a URL: " + url);
    }
    if (target.getHost() == null || !("http".equals(target.getScheme()) || "https".equals(target.getScheme()))) {
      throw new IllegalArgumentException("--url must be http://HOST:PORT or https://HOST:PORT, got " + url);
    }
    return target;
  }

  /** The given source addresses; above 20,000 loopback viewers, enough 127.0.0.x addresses to have ports for all. */
  private List<String> sources(List<URI> targets) {
    if (sourceAddresses != null && !sourceAddresses.isEmpty()) {
      return sourceAddresses.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
    }
    boolean loopback = targets.stream().allMatch(target -> "localhost".equals(target.getHost()) || target.getHost().startsWith("127."));
    if (loopback && viewers > 20_000) {
      int count = (viewers + priority + 19_999) / 20_000;
      return IntStream.rangeClosed(1, count).mapToObj(i -> "127.0.0." + i).toList();
    }
    return List.of();
  }
}
