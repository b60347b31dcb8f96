package diemcau.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The hall and bridge screens, connected beside the public viewers: do they get each change first?
 * Screen messages and, where the agenda can step, the MC's agenda steps, taken in turn.
 */
final class PriorityPhase {

  private PriorityPhase() {}

  /** The message series' figures, with the agenda steps' under {@code agendaSteps} ({@code steps} null: none). */
  static JsonObject run(BenchRig rig, SeriesRunner runner, ServerUnderTest server, Fleet fleet, List<Viewer> publics,
      Operation steps) throws Exception {
    int wanted = rig.options.priority();
    List<Viewer> tier = new ArrayList<>();
    JsonObject links = null;
    try {
      links = server.bridgeLinks();
    } catch (Exception e) {
      rig.step("  bridge and hall links unavailable (%s): the tier's screens connect without keys, as public viewers", e.getMessage());
    }
    // the hall's link key puts a hall screen in the priority tier; without it, it is a public viewer
    String hall = links == null ? "/ws" : "/ws?" + URI.create(links.getJsonObject("hall").getString("url")).getRawQuery().replace("key=", "hall=");
    int bridges = 0;
    if (links != null) {
      for (Object entry : links.getJsonArray("links")) {
        if (tier.size() >= wanted - 1) {
          break;
        }
        JsonObject link = (JsonObject) entry;
        URI page = URI.create(link.getString("url"));
        tier.add(fleet.add("/ws?" + page.getRawQuery(), "bridge", link.getString("unit"), Viewer.SCREEN_TOPICS, true, false));
        bridges++;
      }
    }
    while (tier.size() < wanted) {
      tier.add(fleet.add(hall, "hall", null, Viewer.SCREEN_TOPICS, true, false));
    }
    rig.step("priority tier: %d hall + %d bridge screens beside %d viewers", wanted - bridges, bridges, publics.size());
    Fleet.Connected connected = fleet.connect(tier, rig.options.connectWindow(), 60_000);
    Thread.sleep(2000);
    List<Viewer> everyone = new ArrayList<>(publics);
    everyone.addAll(tier);
    List<Series> sides = new ArrayList<>();
    sides.add(new Series(server, fleet, Operation.screenMessage(), everyone, tier, publics, ServerProbe.of(server),
        rig.options.rounds()));
    if (steps != null) {
      sides.add(new Series(server, fleet, steps, everyone, tier, publics, ServerProbe.of(server), rig.options.rounds()));
    }
    List<SeriesFigures> rounds = runner.inTurn(sides);
    JsonObject figures = rounds.get(0).toJson();
    if (steps != null) {
      figures.put("agendaSteps", rounds.get(1).toJson());
    }
    return figures
        .put("readerNice", rig.priorityReaderRefused == null ? rig.options.priorityNice() : null)
        .put("readerNiceRefused", rig.priorityReaderRefused)
        .put("screens", tier.size())
        .put("hall", wanted - bridges)
        .put("bridges", bridges)
        .put("connect", connected.toJson());
  }
}
