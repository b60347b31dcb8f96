package diemcau.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One bench run against one diemcau server, beside a bare Vert.x broadcast on this machine, or
 * against the nodes of a cluster ({@link Nodes}: viewers spread round robin, no bare reference).
 * Phases, in order: connect N public viewers; memory per idle viewer; the agenda made ready to
 * step; idle cost while an agenda item runs; fan-out by operation (agenda steps, a time
 * adjustment, a screen message; by each door), taken in turn; screen-message rounds alone; with a
 * writer and a follower, the cluster hop ({@link HopPhase}); the bare reference (connect, memory) and fan-out rounds taken in turn with its own (the
 * comparison); its reconnect storm; then the priority tier (hall and bridges) with the viewers
 * connected; stuck readers; a reconnect storm. Each figure lands in one JSON report.
 */
final class BenchRun {

  private final RunOptions options;
  /** Opened here, so that a transport that cannot run on this machine is refused as a bad option. */
  private final BenchRig rig;

  BenchRun(RunOptions options, PrintStream log) {
    this.options = options;
    this.rig = new BenchRig(options, log);
  }

  JsonObject run() throws Exception {
    JsonObject report = new JsonObject()
        .put("machine", machine())
        .put("config", new JsonObject()
            .put("url", options.url().toString())
            .put("urls", new JsonArray(options.urls().stream().map(Object::toString).toList()))
            .put("commandsTo", options.commandsTo())
            .put("viewers", options.viewers())
            .put("rounds", options.rounds())
            .put("priority", options.priority())
            .put("slow", options.slow())
            .put("idleSeconds", options.idleSeconds())
            .put("door", options.door())
            .put("sourceAddresses", new JsonArray(options.sourceAddresses())));
    try (rig) {
      JsonObject diemcau = new JsonObject();
      report.put("diemcau", diemcau);
      // one bare JVM is no reference for several nodes
      BarePhase bare = options.bare() && options.urls().size() == 1 ? BarePhase.mirroring(rig) : null;
      JsonObject bareOut = null;
      if (bare != null) {
        bareOut = new JsonObject();
        report.put("bare", bareOut);
      }
      runDiemcau(rig, diemcau, bare, bareOut);
      report.put("targets", PublishedTargets.evaluate(report));
      return report;
    }
  }

  /** Measures the server at {@code --url}; with {@code bare}, the bare reference's figures go to {@code bareOut}. */
  private void runDiemcau(BenchRig rig, JsonObject out, BarePhase bare, JsonObject bareOut) throws Exception {
    SeriesRunner runner = new SeriesRunner(rig);
    try (Nodes nodes = Nodes.open(options, rig.consoleVertx);
        Fleet fleet = new Fleet(rig.vertx, rig.priorityVertx, nodes.endpoints(), options.sourceAddresses())) {
      ServerUnderTest server = nodes.commands.server();
      fleet.writerNode = nodes.all.size() > 1 ? nodes.writerIndex() : -1;
      // a wrong MC token stops the run here, before anything is connected or measured
      server.consoleSocket();
      JsonObject before = nodes.metrics(true);
      out.put("server", serverInfo(before, server));
      int n = options.viewers();
      List<Viewer> publics = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        publics.add(fleet.add("/ws", "public", null, Viewer.PUBLIC_TOPICS, false, false));
      }
      out.put("nodes", nodes.toJson(fleet.perNode(publics)));
      describe(rig, nodes, fleet.perNode(publics));
      rig.step("connecting %d public viewers (memory measured between %d and %d)", n, n / 2, n);
      ConnectPhase.run(rig, out, nodes, fleet, publics, before);

      JsonObject agenda = AgendaPreparation.run(rig, server);
      out.put("agenda", agenda);
      // one alternation of next and previous for the whole run, so the agenda stays on two items
      Operation steps = agenda.getBoolean("steppable") ? Operation.agendaSteps() : null;
      out.put("idle", IdlePhase.run(rig, nodes, fleet, publics));

      out.put("operations", OperationsPhase.run(rig, runner, server, fleet, publics, steps));

      rig.step("fan-out: %d rounds to %d viewers", options.rounds(), n);
      out.put("fanout", runner.alone(new Series(server, fleet, Operation.screenMessage(), publics, List.of(), publics,
          ServerProbe.of(nodes), options.rounds())).toJson());
      JsonObject hop = HopPhase.run(rig, runner, nodes, fleet, publics);
      if (hop != null) {
        out.put("hop", hop);
      }
      if (bare != null) {
        out.put("fanoutInTurn", bare.run(runner, server, fleet, publics, bareOut).toJson());
      }

      if (options.priority() > 0) {
        out.put("priority", PriorityPhase.run(rig, runner, server, fleet, publics, steps));
      }
      if (options.slow() > 0) {
        out.put("slow", new StuckReadersPhase(rig, runner, server, nodes, fleet).run(publics));
      }

      rig.step("reconnect storm: dropping %d viewers and reconnecting them at once", n);
      fleet.drop(publics, 30_000);
      Thread.sleep(500);
      out.put("storm", fleet.connect(publics, 0, 120_000).toJson());

      JsonObject after = nodes.metrics(false);
      if (after != null) {
        out.put("serverAfter", new JsonObject().put("connections", after.getValue("connections"))
            .put("offLoopSockets", after.getValue("offLoopSockets")));
      }
      try {
        server.command("screen.clear", null);
      } catch (Exception e) {
        rig.step("  could not clear the bench's message: %s", e.getMessage());
      }
      fleet.drop(fleet.viewers, 30_000);
    }
  }

  /** Which node is which, and which takes the commands: a line per node. */
  private static void describe(BenchRig rig, Nodes nodes, int[] viewers) {
    for (Nodes.Node node : nodes.all) {
      rig.step("node %d: %s, %s%s, %d viewers%s", node.index(), node.server().address(), node.role(),
          node.clusterSize() > 1 ? " of a cluster of " + node.clusterSize() : "", viewers[node.index()],
          node == nodes.commands ? ", takes the commands" : "");
    }
  }

  private static JsonObject serverInfo(JsonObject metrics, ServerUnderTest server) {
    JsonObject info = new JsonObject().put("local", server.local()).put("metrics", metrics != null);
    if (metrics != null) {
      info.put("pid", metrics.getValue("pid")).put("cores", metrics.getValue("cores"))
          .put("jvm", metrics.getValue("jvm")).put("os", metrics.getValue("os"))
          .put("transport", metrics.getValue("transport")).put("collectors", metrics.getValue("collectors"));
    }
    return info;
  }

  static JsonObject machine() {
    Runtime runtime = Runtime.getRuntime();
    return new JsonObject()
        .put("cores", runtime.availableProcessors())
        .put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
        .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"))
        .put("benchMaxHeapMB", runtime.maxMemory() / (1024 * 1024));
  }
}
