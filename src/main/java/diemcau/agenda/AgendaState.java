package diemcau.agenda;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The agenda's anchors, and nothing derived: everything a screen shows is computed from these
 * and the clock, so a state read back after a restart is simply right (downtime counts like a
 * wall clock).
 *
 * @param current index of the current item, null when idle or ended
 * @param startedAt when the current item started (epoch ms)
 * @param pausedAt when it was paused, null unless paused
 * @param pausedMs pause accumulated within the current item
 * @param adjustMs time added (+) or taken (−) on the current item
 * @param actuals when each started item actually started and ended
 */
public record AgendaState(
    AgendaStatus status, Integer current, Long startedAt, Long pausedAt, long pausedMs, long adjustMs,
    List<Actual> actuals) {

  /** When an item actually ran; {@code end} null while it runs. */
  public record Actual(int index, long start, Long end) {}

  public AgendaState {
    Objects.requireNonNull(status, "status");
    actuals = List.copyOf(actuals);
  }

  public static AgendaState idle() {
    return new AgendaState(AgendaStatus.IDLE, null, null, null, 0, 0, List.of());
  }

  /** When item {@code index} actually ran, or null if it never started. */
  public Actual actual(int index) {
    for (Actual actual : actuals) {
      if (actual.index() == index) {
        return actual;
      }
    }
    return null;
  }

  /** {@code actuals} with {@code index} started at {@code start} (replacing an earlier run of it). */
  static List<Actual> started(List<Actual> actuals, int index, long start) {
    List<Actual> next = new ArrayList<>();
    for (Actual actual : actuals) {
      if (actual.index() != index) {
        next.add(actual);
      }
    }
    next.add(new Actual(index, start, null));
    next.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return next;
  }

  /** The actuals with the current item ended at {@code end}. */
  List<Actual> withEnd(long end) {
    if (current == null) {
      return actuals;
    }
    List<Actual> next = new ArrayList<>();
    for (Actual actual : actuals) {
      next.add(actual.index() == current ? new Actual(actual.index(), actual.start(), end) : actual);
    }
    return next;
  }

  /** The persisted form; {@link #fromJson} reads it back to an equal state. */
  public JsonObject toJson() {
    JsonArray runs = new JsonArray();
    actuals.forEach(actual -> runs.add(new JsonObject()
        .put("index", actual.index()).put("start", actual.start()).put("end", actual.end())));
    return new JsonObject()
        .put("status", status.wire())
        .put("current", current)
        .put("startedAt", startedAt)
        .put("pausedAt", pausedAt)
        .put("pausedMs", pausedMs)
        .put("adjustMs", adjustMs)
        .put("actuals", runs);
  }

  public static AgendaState fromJson(JsonObject json) {
    List<Actual> actuals = new ArrayList<>();
    json.getJsonArray("actuals", new JsonArray()).forEach(entry -> {
      JsonObject actual = (JsonObject) entry;
      actuals.add(new Actual(actual.getInteger("index"), actual.getLong("start"), actual.getLong("end")));
    });
    return new AgendaState(
        AgendaStatus.fromWire(json.getString("status")),
        json.getInteger("current"),
        json.getLong("startedAt"),
        json.getLong("pausedAt"),
        json.getLong("pausedMs", 0L),
        json.getLong("adjustMs", 0L),
        actuals);
  }
}
