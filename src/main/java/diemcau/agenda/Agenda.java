package diemcau.agenda;

import diemcau.event.AgendaItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The agenda clock of one day's programme: pure transitions from one {@link AgendaState} to the
 * next, and the topic that carries a state's anchors. No I/O, no clock of its own: {@code now} is
 * passed in.
 */
public final class Agenda {

  /** An adjustment larger than this is a typo, not a decision. */
  public static final long MAX_ADJUST_MS = 24L * 60 * 60 * 1000;

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
  public AgendaState start(AgendaState s, long now, Integer index) {
    if (s.status() == AgendaStatus.RUNNING || s.status() == AgendaStatus.PAUSED) {
      throw new AgendaException("already_started", null, "the agenda is already " + s.status().wire() + ": use goto to jump");
    }
    return begin(s, now, checkIndex(index == null ? 0 : index));
  }

  /** Ends the current item and starts the next; on the last item, ends the agenda. */
  public AgendaState next(AgendaState s, long now) {
    requireStarted(s);
    int next = s.current() + 1;
    if (next >= items.size()) {
      return new AgendaState(AgendaStatus.ENDED, null, null, null, 0, 0, s.withEnd(now));
    }
    return begin(s, now, next);
  }

  /** Goes back one item and runs it afresh; after the end, reopens the last item. */
  public AgendaState previous(AgendaState s, long now) {
    if (s.status() == AgendaStatus.ENDED) {
      return begin(s, now, items.size() - 1);
    }
    requireStarted(s);
    if (s.current() == 0) {
      throw new AgendaException("at_first", null, "the first item is running: there is no previous item");
    }
    return begin(s, now, s.current() - 1);
  }

  /** Jumps to any item and starts it now, from any status. */
  public AgendaState goTo(AgendaState s, long now, int index) {
    return begin(s, now, checkIndex(index));
  }

  /** Freezes the current item's clock; only while running. */
  public AgendaState pause(AgendaState s, long now) {
    if (s.status() == AgendaStatus.PAUSED) {
      throw new AgendaException("already_paused", null, "the agenda is already paused");
    }
    requireStarted(s);
    return new AgendaState(AgendaStatus.PAUSED, s.current(), s.startedAt(), now, s.pausedMs(), s.adjustMs(), s.actuals());
  }

  /** Lets the paused item's clock run again; the pause is counted out of its time. */
  public AgendaState resume(AgendaState s, long now) {
    if (s.status() != AgendaStatus.PAUSED) {
      throw new AgendaException("not_paused", null, "the agenda is not paused (it is " + s.status().wire() + ")");
    }
    long paused = Math.max(0, now - s.pausedAt());
    return new AgendaState(AgendaStatus.RUNNING, s.current(), s.startedAt(), null, s.pausedMs() + paused, s.adjustMs(),
        s.actuals());
  }

  /** Adds (+) or takes (−) time on the current item; going past zero is overtime, not an error. */
  public AgendaState adjust(AgendaState s, long now, long ms) {
    requireStarted(s);
    if (Math.abs(ms) > MAX_ADJUST_MS) {
      throw new AgendaException("bad_value", "ms", "ms must be within ±" + MAX_ADJUST_MS + " (24 h), got " + ms);
    }
    return new AgendaState(s.status(), s.current(), s.startedAt(), s.pausedAt(), s.pausedMs(), s.adjustMs() + ms,
        s.actuals());
  }

  private AgendaState begin(AgendaState s, long now, int index) {
    return new AgendaState(AgendaStatus.RUNNING, index, now, null, 0, 0, AgendaState.started(s.withEnd(now), index, now));
  }

  private static void requireStarted(AgendaState s) {
    if (s.status() == AgendaStatus.ENDED) {
      throw new AgendaException("ended", null, "the agenda has ended: use previous, goto or start to run an item again");
    }
    if (s.status() == AgendaStatus.IDLE) {
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
  public JsonObject toTopic(AgendaState s) {
    JsonArray programme = new JsonArray();
    items.forEach(item -> programme.add(item(item)));
    JsonObject actuals = new JsonObject();
    for (AgendaState.Actual actual : s.actuals()) {
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
    if (s.status() == AgendaStatus.RUNNING) {
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
