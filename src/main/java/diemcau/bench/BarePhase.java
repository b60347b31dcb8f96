package diemcau.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * diemcau's fan-out rounds and the bare reference's ({@link BareBroadcast}), taken in turn
 * ({@link SeriesRunner#inTurn}): a child JVM on this machine, on the server's transport and
 * collector, with as many viewers and a frame as large as diemcau's. Its memory per viewer and a
 * reconnect storm are measured too. Both fleets read on the bench's same loops; each idles while
 * the other's round runs.
 */
final class BarePhase {

  private final BenchRig rig;
  /** The bare reference runs on the server's transport and collector where the server tells them (else the bench's). */
  private String transport;
  private String gcOption;

  private BarePhase(BenchRig rig) {
    this.rig = rig;
    this.transport = rig.transportName;
  }

  /** Takes the server's transport and collector for the bare reference, when it is on this machine and tells them. */
  static BarePhase mirroring(BenchRig rig) throws Exception {
    BarePhase bare = new BarePhase(rig);
    RunOptions options = rig.options;
    try (ServerUnderTest server = new ServerUnderTest(options.url(), options.mcToken(), options.adminToken(), rig.consoleVertx,
        ServerUnderTest.SOCKET)) {
      JsonObject metrics = server.local() ? server.metrics(false) : null;
      if (metrics != null) {
        bare.transport = metrics.getString("transport", bare.transport);
        bare.gcOption = BareProcess.gcOption(metrics.getJsonArray("collectors", new JsonArray()));
      }
    }
    return bare;
  }

  /** Runs the reference beside diemcau; its figures go to {@code out}; returns diemcau's side of the rounds in turn. */
  SeriesFigures run(SeriesRunner runner, ServerUnderTest server, Fleet fleet, List<Viewer> publics, JsonObject out)
      throws Exception {
    Operation messages = Operation.screenMessage();
    int frameBytes = runner.warmupRound(server, fleet, messages, Viewer.connected(publics), 0);
    int loops = Fleet.viewerLoops();
    int viewerCount = rig.options.viewers();
    rig.step("bare broadcast reference: a child JVM (%s, %s), %d event loops, %d-byte frame, %d viewers", transport,
        gcOption == null ? "default collector" : gcOption, loops, frameBytes, viewerCount);
    try (BareProcess bare = BareProcess.start("127.0.0.1", loops, frameBytes, transport, gcOption);
        ServerUnderTest bareServer = new ServerUnderTest(URI.create("http://127.0.0.1:" + bare.port), "bare", "bare",
            rig.consoleVertx, ServerUnderTest.SOCKET);
        Fleet bareFleet = new Fleet(rig.vertx, rig.priorityVertx, bareServer.endpoint(), rig.options.sourceAddresses())) {
      out.put("frameBytes", frameBytes).put("eventLoops", loops).put("transport", transport).put("gcOption", gcOption);
      JsonObject before = bareServer.metrics(true);
      List<Viewer> viewers = new ArrayList<>();
      for (int i = 0; i < viewerCount; i++) {
        viewers.add(bareFleet.add("/ws", "public", null, Viewer.PUBLIC_TOPICS, false, false));
      }
      ConnectPhase.run(rig, out, bareServer, bareFleet, viewers, before);
      rig.step("fan-out: %d rounds to %d viewers, in turn with as many of the bare reference's", rig.options.rounds(),
          publics.size());
      List<SeriesFigures> both = runner.inTurn(List.of(
          new Series(server, fleet, messages, publics, List.of(), publics, ServerProbe.of(server), rig.options.rounds()),
          new Series(bareServer, bareFleet, messages, viewers, List.of(), viewers, ServerProbe.of(bareServer),
              rig.options.rounds())));
      out.put("fanout", both.get(1).toJson());
      rig.step("bare: reconnect storm");
      bareFleet.drop(viewers, 30_000);
      Thread.sleep(500);
      out.put("storm", bareFleet.connect(viewers, 0, 120_000).toJson());
      bareFleet.drop(viewers, 30_000);
      return both.get(0);
    }
  }
}
