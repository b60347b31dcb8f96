package diemcau.bridges;

import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import diemcau.command.LiveCore;
import diemcau.command.Role;
import diemcau.event.Unit;
import diemcau.event.UnitKind;
import diemcau.command.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code bridges} topic: every bridge site's presence (from its screens' sockets) and the
 * attendance its technician reported. Presence changes are coalesced: at most one frame per
 * {@link #COALESCE_MS}, however many screens connect at once.
 */
public final class BridgesService implements LiveCore {

  public static final long COALESCE_MS = 500;
  public static final int MAX_ATTENDANCE = 10_000;
  private static final Set<Role> REPORTERS = Set.of(Role.BRIDGE, Role.MC, Role.ADMIN);

  private final List<Unit> units;
  private final Clock clock;
  private final Presence presence = new Presence();
  private Map<String, Integer> attendance = Map.of();
  private String published = "";

  public BridgesService(List<Unit> units, Clock clock) {
    this.units = List.copyOf(units);
    this.clock = clock;
  }

  @Override
  public String topic() {
    return "bridges";
  }

  @Override
  public void restore(JsonObject stored) {
    Map<String, Integer> restored = new HashMap<>();
    stored.getJsonObject("attendance", new JsonObject()).forEach(entry -> restored.put(entry.getKey(), ((Number) entry.getValue()).intValue()));
    attendance = Map.copyOf(restored);
  }

  @Override
  public void register(CommandDispatcher dispatcher) {
    dispatcher.register("bridge.attendance", REPORTERS, (caller, args, now) -> {
      String unit = args.requireString("unit");
      if (units.stream().noneMatch(u -> u.code().equals(unit))) {
        throw CommandException.badArgument("unit", "unknown unit code: " + unit);
      }
      if (caller.role() == Role.BRIDGE && !caller.id().equals(unit)) {
        throw new CommandException(403, "forbidden", "unit", "a bridge screen reports only for its own unit, " + caller.id());
      }
      int count = args.requireInt("count");
      if (count < 0 || count > MAX_ATTENDANCE) {
        throw CommandException.badArgument("count", "count must be 0.." + MAX_ATTENDANCE + ", got " + count);
      }
      Map<String, Integer> next = new HashMap<>(attendance);
      next.put(unit, count);
      Map<String, Integer> installed = Map.copyOf(next);
      return Change.ofState(this, new JsonObject().put("attendance", new JsonObject(new LinkedHashMap<>(installed))),
          () -> attendance = installed);
    });
  }

  /** Back to before a rehearsal: no attendance reported by any room (presence is the screens' own). */
  public Change resetAttendance() {
    return Change.ofState(this, new JsonObject().put("attendance", new JsonObject()), () -> attendance = Map.of());
  }

  @Override
  public Future<Void> start(Vertx vertx, Runnable republish) {
    MessageConsumer<JsonObject> screens = vertx.eventBus().<JsonObject>localConsumer(Addresses.PRESENCE, message -> {
      JsonObject report = message.body();
      String unit = report.getString("unit");
      long now = clock.millis();
      switch (report.getString("event")) {
        case "opened" -> presence.opened(unit, now);
        case "closed" -> presence.closed(unit, now);
        default -> presence.seen(unit, now);
      }
    });
    published = signature(clock.millis());
    vertx.setPeriodic(COALESCE_MS, ignored -> {
      String now = signature(clock.millis());
      if (!now.equals(published)) {
        published = now;
        republish.run();
      }
    });
    return screens.completion();
  }

  private static JsonObject room(Presence.Status status, Presence.Site site, Integer attendance) {
    JsonObject room = new JsonObject().put("status", status.wire()).put("screens", site.screens());
    if (attendance != null) {
      room.put("attendance", attendance);
    }
    if (status != Presence.Status.ONLINE && site.lastSeen() != null) {
      room.put("lastSeen", site.lastSeen());
    }
    return room;
  }

  /** What a frame would show, less the last-seen times: a new frame is due only when it changes. */
  private String signature(long now) {
    StringBuilder signature = new StringBuilder();
    for (Unit unit : units) {
      Presence.Site site = presence.site(unit.code());
      signature.append(presence.status(unit.code(), now).ordinal()).append(site.screens()).append(',');
    }
    return signature.toString();
  }

  /**
   * The {@code bridges} topic: the units in the event file's order, which never change, and apart
   * from them each unit's room by unit code, so a room that goes on- or offline changes one member.
   * A room says when its screens were last heard only while it is not online (what the pages show
   * of a dropped or quiet room): an online room's screens are heard every few seconds, and that
   * would change every room in every frame. Members without a value are left out, not null.
   */
  @Override
  public JsonObject topicData(long now) {
    JsonArray rows = new JsonArray();
    JsonObject rooms = new JsonObject();
    Map<UnitKind, int[]> byKind = new LinkedHashMap<>();
    int online = 0;
    int communeUnits = 0;
    int present = 0;
    int reporting = 0;
    for (Unit unit : units) {
      Presence.Site site = presence.site(unit.code());
      Presence.Status status = presence.status(unit.code(), now);
      Integer count = attendance.get(unit.code());
      rows.add(new JsonObject().put("unit", unit.code()).put("name", unit.name()).put("kind", unit.kind().name()));
      rooms.put(unit.code(), room(status, site, count));
      int[] kind = byKind.computeIfAbsent(unit.kind(), k -> new int[3]);
      kind[1]++;
      if (status == Presence.Status.ONLINE) {
        kind[0]++;
      }
      if (count != null) {
        kind[2] += count;
      }
      if (unit.kind().communeLevel()) {
        communeUnits++;
        if (status == Presence.Status.ONLINE) {
          online++;
        }
      }
      if (count != null) {
        present += count;
        reporting++;
      }
    }
    JsonObject kinds = new JsonObject();
    byKind.forEach((kind, counts) -> kinds.put(kind.name(), new JsonObject()
        .put("label", kind.label()).put("online", counts[0]).put("units", counts[1]).put("attendance", counts[2])));
    return new JsonObject()
        .put("units", rows)
        .put("rooms", rooms)
        .put("totals", new JsonObject()
            .put("online", online)
            .put("units", communeUnits)
            .put("attendance", present)
            .put("reporting", reporting))
        .put("byKind", kinds);
  }
}
