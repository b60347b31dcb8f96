package diemcau.agenda;

import diemcau.event.AgendaItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The agenda clock of one day's programme: its stored form ({@link State}, the anchors and
 * nothing derived), pure transitions from one state to the next, and the topic that carries a
 * state's anchors. No I/O, no clock of its own: {@code now} is passed in.
 */
public final class Agenda {

  /** An adjustment larger than this is a typo, not a decision. */
  public static final long MAX_ADJUST_MS = 24L * 60 * 60 * 1000;

  /** Where the agenda is; the wire names are lower case. */
  public enum Status {
    IDLE, RUNNING, PAUSED, ENDED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromWire(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }

  /** When an item actually ran; {@code end} null while it runs. */
  public record Actual(int index, long start, Long end) {}

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
  public record State(
      Status status, Integer current, Long startedAt, Long pausedAt, long pausedMs, long adjustMs, List<Actual> actuals) {

    public State {
      Objects.requireNonNull(status, "status");
      actuals = List.copyOf(actuals);
    }

    public static State idle() {
      return new State(Status.IDLE, null, null, null, 0, 0, List.of());
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

    public static State fromJson(JsonObject json) {
      List<Actual> actuals = new ArrayList<>();
      json.getJsonArray("actuals", new JsonArray()).forEach(entry -> {
        JsonObject actual = (JsonObject) entry;
        actuals.add(new Actual(actual.getInteger("index"), actual.getLong("start"), actual.getLong("end")));
      });
      return new State(
          Status.fromWire(json.getString("status")),
          json.getInteger("current"),
          json.getLong("startedAt"),
          json.getLong("pausedAt"),
          json.getLong("pausedMs", 0L),
          json.getLong("adjustMs", 0L),
          actuals);
    }
  }

  private final List<AgendaItem> items;

  public Agenda(List<AgendaItem> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("an agenda needs at least one item");
    }
    this.items = List.copyOf(items);
  }

  public List<AgendaItem> items() {
    return items;
  }

  /** Starts the agenda at {@code index} (default: the first item), from idle or after it ended. */
  public State start(State s, long now, Integer index) {
    if (s.status() == Status.RUNNING || s.status() == Status.PAUSED) {
      throw new AgendaException("already_started", null, "the agenda is already " + s.status().wire() + ": use goto to jump");
    }
    return begin(s, now, checkIndex(index == null ? 0 : index));
  }

  /** Ends the current item and starts the next; on the last item, ends the agenda. */
  public State next(State s, long now) {
    requireStarted(s);
    int next = s.current() + 1;
    if (next >= items.size()) {
      return new State(Status.ENDED, null, null, null, 0, 0, s.withEnd(now));
    }
    return begin(s, now, next);
  }

  /** Goes back one item and runs it afresh; after the end, reopens the last item. */
  public State previous(State s, long now) {
    if (s.status() == Status.ENDED) {
      return begin(s, now, items.size() - 1);
    }
    requireStarted(s);
    if (s.current() == 0) {
      throw new AgendaException("at_first", null, "the first item is running: there is no previous item");
    }
    return begin(s, now, s.current() - 1);
  }

  /** Jumps to any item and starts it now, from any status. */
  public State goTo(State s, long now, int index) {
    return begin(s, now, checkIndex(index));
  }

  /** Freezes the current item's clock; only while running. */
  public State pause(State s, long now) {
    if (s.status() == Status.PAUSED) {
      throw new AgendaException("already_paused", null, "the agenda is already paused");
    }
    requireStarted(s);
    return new State(Status.PAUSED, s.current(), s.startedAt(), now, s.pausedMs(), s.adjustMs(), s.actuals());
  }

  /** Lets the paused item's clock run again; the pause is counted out of its time. */
  public State resume(State s, long now) {
    if (s.status() != Status.PAUSED) {
      throw new AgendaException("not_paused", null, "the agenda is not paused (it is " + s.status().wire() + ")");
    }
    long paused = Math.max(0, now - s.pausedAt());
    return new State(Status.RUNNING, s.current(), s.startedAt(), null, s.pausedMs() + paused, s.adjustMs(),
        s.actuals());
  }

  /** Adds (+) or takes (−) time on the current item; going past zero is overtime, not an error. */
  public State adjust(State s, long now, long ms) {
    requireStarted(s);
    if (Math.abs(ms) > MAX_ADJUST_MS) {
      throw new AgendaException("bad_value", "ms", "ms must be within ±" + MAX_ADJUST_MS + " (24 h), got " + ms);
    }
    return new State(s.status(), s.current(), s.startedAt(), s.pausedAt(), s.pausedMs(), s.adjustMs() + ms,
        s.actuals());
  }

  private State begin(State s, long now, int index) {
    return new State(Status.RUNNING, index, now, null, 0, 0, started(s.withEnd(now), index, now));
  }

  /** {@code actuals} with {@code index} started at {@code start} (replacing an earlier run of it). */
  private static List<Actual> started(List<Actual> actuals, int index, long start) {
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

  private static void requireStarted(State s) {
    if (s.status() == Status.ENDED) {
      throw new AgendaException("ended", null, "the agenda has ended: use previous, goto or start to run an item again");
    }
    if (s.status() == Status.IDLE) {
      throw new AgendaException("not_running", null, "the agenda has not started: start it first");
    }
  }

  private int checkIndex(int index) {
    if (index < 0 || index >= items.size()) {
      throw new AgendaException("bad_index", "index", "index must be 0.." + (items.size() - 1) + ", got " + index);
    }
    return index;
  }

  /**
   * The {@code agenda} topic's data: the programme's items as planned (they change only when the
   * final's order puts units in its presentation slots), and apart from them the anchors a step
   * changes — status, current item, when it started, was paused, the pause and time added, when it
   * ends while running ({@code endsAt}) and when each item actually ran, keyed by item id — so the
   * patch of a step is a few anchors. A member with no value is left out rather than null (a merge
   * patch can delete a member, not set it to null). What the screens show from these — now and
   * next, time left, drift, projected end — is derived in one place, the pages' agenda module.
   */
  public JsonObject toTopic(State s) {
    JsonArray programme = new JsonArray();
    items.forEach(item -> programme.add(item(item)));
    JsonObject actuals = new JsonObject();
    for (Actual actual : s.actuals()) {
      JsonObject ran = new JsonObject().put("start", actual.start());
      actuals.put(items.get(actual.index()).id(), actual.end() == null ? ran : ran.put("end", actual.end()));
    }
    JsonObject topic = new JsonObject()
        .put("status", s.status().wire())
        .put("items", programme)
        .put("plannedEnd", items.get(items.size() - 1).plannedEnd().toEpochMilli())
        .put("pausedMs", s.pausedMs())
        .put("adjustMs", s.adjustMs())
        .put("actuals", actuals);
    putIfSet(topic, "current", s.current());
    putIfSet(topic, "startedAt", s.startedAt());
    putIfSet(topic, "pausedAt", s.pausedAt());
    if (s.status() == Status.RUNNING) {
      topic.put("endsAt", s.startedAt() + s.pausedMs() + items.get(s.current()).plannedDurationMs() + s.adjustMs());
    }
    return topic;
  }

  private static void putIfSet(JsonObject topic, String key, Object value) {
    if (value != null) {
      topic.put(key, value);
    }
  }

  private static JsonObject item(AgendaItem item) {
    JsonObject json = new JsonObject()
        .put("id", item.id())
        .put("title", item.title())
        .put("by", item.by())
        .put("plannedStart", item.plannedStart().toEpochMilli())
        .put("plannedEnd", item.plannedEnd().toEpochMilli());
    // a presentation slot says which one it is, and who presents in it once the order is drawn
    return item.presentation() == null ? json : json.put("presentation", item.presentation()).put("unit", item.unit());
  }
}
