package diemcau.agenda;

import diemcau.event.AgendaItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The agenda clock of one day's programme: pure transitions from one {@link AgendaState} to the
 * next, and the figures derived from a state at a given instant. No I/O, no clock of its own:
 * {@code now} is passed in.
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
   * Time left on the current item at {@code now}: negative is overtime. Frozen while paused.
   *
   * @throws AgendaException when no item is running or paused
   */
  public long remainingMs(AgendaState s, long now) {
    requireStarted(s);
    long at = s.status() == AgendaStatus.PAUSED ? s.pausedAt() : now;
    long elapsed = at - s.startedAt() - s.pausedMs();
    return items.get(s.current()).plannedDurationMs() + s.adjustMs() - elapsed;
  }

  /** When the current item is projected to end: its end time if running, now plus what is left if paused. */
  private long projectedItemEnd(AgendaState s, long now) {
    long remaining = remainingMs(s, now);
    return now + Math.max(0, remaining);
  }

  /**
   * The {@code agenda} topic's data at {@code now}: the anchors, every item with its actual times,
   * the current and next item together in one frame, and the figures derived from the clock.
   * Before the start the first item is {@code next}. Figures that need a current item are null
   * when there is none, except {@code driftMs} and {@code projectedEnd}, which after the end
   * compare the actual end with the plan. {@code endsAt} is null while paused.
   */
  public JsonObject toTopic(AgendaState s, long now) {
    JsonArray list = new JsonArray();
    for (int i = 0; i < items.size(); i++) {
      list.add(item(s, i));
    }
    boolean started = s.status() == AgendaStatus.RUNNING || s.status() == AgendaStatus.PAUSED;
    Integer next = null;
    if (started && s.current() + 1 < items.size()) {
      next = s.current() + 1;
    } else if (s.status() == AgendaStatus.IDLE) {
      next = 0;
    }
    JsonObject topic = new JsonObject()
        .put("status", s.status().wire())
        .put("current", s.current())
        .put("next", next)
        .put("items", list)
        .put("now", started ? item(s, s.current()) : null)
        .put("nextItem", next == null ? null : item(s, next))
        .put("startedAt", s.startedAt())
        .put("pausedAt", s.pausedAt())
        .put("pausedMs", s.pausedMs())
        .put("adjustMs", s.adjustMs())
        .put("plannedEnd", items.get(items.size() - 1).plannedEnd().toEpochMilli());
    if (started) {
      AgendaItem current = items.get(s.current());
      long remaining = remainingMs(s, now);
      long itemEnd = projectedItemEnd(s, now);
      long later = 0;
      for (int i = s.current() + 1; i < items.size(); i++) {
        later += items.get(i).plannedDurationMs();
      }
      topic.put("durationMs", current.plannedDurationMs() + s.adjustMs())
          .put("endsAt", s.status() == AgendaStatus.RUNNING
              ? s.startedAt() + s.pausedMs() + current.plannedDurationMs() + s.adjustMs() : null)
          .put("remainingMs", remaining)
          .put("overtimeMs", Math.max(0, -remaining))
          .put("driftMs", itemEnd - current.plannedEnd().toEpochMilli())
          .put("projectedEnd", itemEnd + later);
    } else {
      Long endedAt = s.status() == AgendaStatus.ENDED && s.actual(items.size() - 1) != null
          ? s.actual(items.size() - 1).end() : null;
      topic.put("durationMs", null)
          .put("endsAt", null)
          .put("remainingMs", null)
          .put("overtimeMs", null)
          .put("driftMs", endedAt == null ? null : endedAt - items.get(items.size() - 1).plannedEnd().toEpochMilli())
          .put("projectedEnd", endedAt);
    }
    return topic;
  }

  private JsonObject item(AgendaState s, int index) {
    AgendaItem item = items.get(index);
    AgendaState.Actual actual = s.actual(index);
    JsonObject json = new JsonObject()
        .put("id", item.id())
        .put("title", item.title())
        .put("by", item.by())
        .put("plannedStart", item.plannedStart().toEpochMilli())
        .put("plannedEnd", item.plannedEnd().toEpochMilli())
        .put("actualStart", actual == null ? null : actual.start())
        .put("actualEnd", actual == null ? null : actual.end());
    // a presentation slot says which one it is, and who presents in it once the order is drawn
    return item.presentation() == null ? json : json.put("presentation", item.presentation()).put("unit", item.unit());
  }
}
