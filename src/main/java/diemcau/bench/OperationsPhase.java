package diemcau.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations the event is made of, timed side by side: the MC's agenda step (next and
 * previous), a time adjustment and a screen message, by each door, all taken in turn round by
 * round so that each meets the same moments of the machine. Each series says the size of the
 * frame its viewers received.
 */
final class OperationsPhase {

  private OperationsPhase() {}

  /**
   * One entry per operation and door: {@code operation}, {@code door} and the series' figures;
   * agenda steps ({@code steps}, the run's one alternation of next and previous) first, unless null.
   */
  static JsonArray run(BenchRig rig, SeriesRunner runner, ServerUnderTest main, Fleet fleet, List<Viewer> publics,
      Operation steps) throws Exception {
    List<Operation> operations = new ArrayList<>();
    if (steps != null) {
      operations.add(steps);
    } else {
      rig.step("  the agenda has no next item: no series of agenda steps");
    }
    operations.add(Operation.agendaAdjust());
    operations.add(Operation.screenMessage());
    List<ServerUnderTest> opened = new ArrayList<>();
    try {
      List<Series> sides = new ArrayList<>();
      List<String> doors = new ArrayList<>();
      for (Operation operation : operations) {
        for (String door : rig.options.doors()) {
          ServerUnderTest server = door.equals(main.door()) ? main : doorOf(rig, main, door, opened);
          sides.add(new Series(server, fleet, operation, publics, List.of(), publics, ServerProbe.of(server), rig.options.rounds()));
          doors.add(door);
        }
      }
      rig.step("fan-out by operation: %d rounds each of %s by %s, in turn, to %d viewers", rig.options.rounds(),
          operations.stream().map(Operation::name).toList(), rig.options.doors(), publics.size());
      List<SeriesFigures> figures = runner.inTurn(sides);
      JsonArray out = new JsonArray();
      for (int i = 0; i < sides.size(); i++) {
        out.add(new JsonObject().put("operation", sides.get(i).operation.name()).put("door", doors.get(i))
            .mergeIn(figures.get(i).toJson()));
      }
      return out;
    } finally {
      opened.forEach(ServerUnderTest::close);
    }
  }

  /** {@code main}'s node by another door. */
  private static ServerUnderTest doorOf(BenchRig rig, ServerUnderTest main, String door, List<ServerUnderTest> opened) {
    for (ServerUnderTest server : opened) {
      if (server.door().equals(door)) {
        return server;
      }
    }
    RunOptions options = rig.options;
    ServerUnderTest server = new ServerUnderTest(main.url(), options.mcToken(), options.adminToken(), rig.consoleVertx, door);
    opened.add(server);
    return server;
  }

  /** The entry of {@code operation} by {@code door} in a report's {@code operations}, or null. */
  static JsonObject find(JsonObject diemcau, String operation, String door) {
    JsonArray operations = diemcau.getJsonArray("operations", new JsonArray());
    for (Object entry : operations) {
      JsonObject series = (JsonObject) entry;
      if (operation.equals(series.getString("operation")) && door.equals(series.getString("door"))) {
        return series;
      }
    }
    return null;
  }
}
