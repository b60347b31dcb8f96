package diemcau.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers a run spreads its viewers over: one, or every node of a cluster (several
 * {@code --url}). Each node's {@code /health} says its role (writer or follower) and the cluster's
 * size; the bench's commands go to one node ({@code --commands-to}); the server's cost is every
 * node's figures summed, so that CPU per delivered message and memory per viewer count the cluster.
 */
final class Nodes implements Metered, AutoCloseable {

  /** {@code --commands-to}: the first {@code --url}, the cluster's writer, or a follower (the cluster hop). */
  static final List<String> COMMAND_TARGETS = List.of("first", "writer", "follower");

  /** Figures of {@code /api/metrics} that add up over nodes. */
  private static final List<String> SUMMED = List.of("heapUsed", "heapCommitted", "directUsed", "rss", "processCpuNanos",
      "eventLoopCpuNanos", "connections", "prioritySockets", "framesSent", "parked", "parks", "offLoopSockets");

  /** What {@code /health} of a server not in cluster mode stands for: it is its own writer. */
  static final String SINGLE = "single";

  /** One node: its server (commands, state, metrics) and what its {@code /health} said. */
  record Node(int index, ServerUnderTest server, String role, int clusterSize) {
    boolean writer() {
      return "writer".equals(role) || SINGLE.equals(role);
    }
  }

  final List<Node> all;
  /** The node the bench's commands go to. */
  final Node commands;

  private Nodes(List<Node> all, Node commands) {
    this.all = all;
    this.commands = commands;
  }

  /** Opens every {@code --url}, reads its {@code /health} and picks the node of the commands; refuses a cluster without that role. */
  static Nodes open(RunOptions options, Vertx console) {
    List<Node> all = new ArrayList<>();
    try {
      for (URI url : options.urls()) {
        ServerUnderTest server = new ServerUnderTest(url, options.mcToken(), options.adminToken(), console, options.mainDoor());
        JsonObject health = health(server);
        JsonObject cluster = health.getJsonObject("cluster");
        all.add(new Node(all.size(), server, health.getString("role", SINGLE), cluster == null ? 1 : cluster.getInteger("size", 1)));
      }
      return new Nodes(all, pick(all, options.commandsTo()));
    } catch (RuntimeException e) {
      all.forEach(node -> node.server().close());
      throw e;
    }
  }

  private static JsonObject health(ServerUnderTest server) {
    try {
      return server.get("/health", null);
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("GET " + server.url() + "/health failed: " + e);
    }
  }

  private static Node pick(List<Node> all, String target) {
    if ("first".equals(target)) {
      return all.get(0);
    }
    boolean writer = "writer".equals(target);
    return all.stream().filter(node -> node.writer() == writer).findFirst().orElseThrow(() -> new IllegalStateException(
        "--commands-to " + target + ": no node among --url says so in /health (roles: "
            + all.stream().map(Node::role).toList() + ")"));
  }

  /** Where the fleet's viewers connect, in {@code --url} order. */
  List<Endpoint> endpoints() {
    return all.stream().map(node -> node.server().endpoint()).toList();
  }

  /** The writer's index, or -1 if no node says writer. */
  int writerIndex() {
    return all.stream().filter(Node::writer).mapToInt(Node::index).findFirst().orElse(-1);
  }

  /** A follower's index, or -1. */
  int followerIndex() {
    return all.stream().filter(node -> !node.writer()).mapToInt(Node::index).findFirst().orElse(-1);
  }

  /** Every node's {@code /api/metrics} summed (one server: its own), with each node's under {@code nodes}; null without the admin token. */
  @Override
  public JsonObject metrics(boolean gc) throws Exception {
    if (all.size() == 1) {
      return commands.server().metrics(gc);
    }
    List<JsonObject> each = new ArrayList<>();
    for (Node node : all) {
      JsonObject metrics = node.server().metrics(gc);
      if (metrics == null) {
        return null;
      }
      each.add(metrics);
    }
    return sum(each);
  }

  /** The figures that add up summed; CPU by kind of thread too; the latest reading's time; each node's own under {@code nodes}. */
  static JsonObject sum(List<JsonObject> each) {
    JsonObject total = each.get(0).copy();
    for (String key : SUMMED) {
      boolean known = each.stream().allMatch(metrics -> metrics.getValue(key) instanceof Number);
      total.put(key, known ? each.stream().mapToLong(metrics -> metrics.getLong(key)).sum() : null);
    }
    total.put("time", each.stream().mapToLong(metrics -> metrics.getLong("time", 0L)).max().orElse(0));
    JsonObject threads = each.stream().allMatch(metrics -> metrics.getJsonObject("cpuByThreads") != null) ? new JsonObject() : null;
    if (threads != null) {
      for (JsonObject metrics : each) {
        JsonObject own = metrics.getJsonObject("cpuByThreads");
        own.fieldNames().forEach(kind -> threads.put(kind, threads.getLong(kind, 0L) + own.getLong(kind)));
      }
    }
    String pids = String.join("+", each.stream().map(metrics -> String.valueOf(metrics.getValue("pid"))).toList());
    return total.put("cpuByThreads", threads).put("pid", pids).put("nodes", new JsonArray(new ArrayList<>(each)));
  }

  /** Each node: its URL, role, the cluster's size, its share of {@code viewers} and whether it takes the commands. */
  JsonArray toJson(int[] viewers) {
    JsonArray nodes = new JsonArray();
    for (Node node : all) {
      nodes.add(new JsonObject().put("url", node.server().address()).put("role", node.role())
          .put("clusterSize", node.clusterSize()).put("viewers", viewers[node.index()]).put("commands", node == commands));
    }
    return nodes;
  }

  @Override
  public void close() {
    all.forEach(node -> node.server().close());
  }
}
