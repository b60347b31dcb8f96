package diemcau.event;

import java.time.Instant;

/**
 * One timed item of a day's programme. {@code presentation} numbers the final's presentation
 * slots (1 = the finalist drawn first) and is null for every other item; a slot's {@code unit}
 * is null until the order is drawn, and its title is the event file's until then.
 */
public record AgendaItem(String id, String title, String by, Instant plannedStart, Instant plannedEnd,
    Integer presentation, String unit) {

  /** An item that is not a presentation slot. */
  public AgendaItem(String id, String title, String by, Instant plannedStart, Instant plannedEnd) {
    this(id, title, by, plannedStart, plannedEnd, null, null);
  }

  public long plannedDurationMs() {
    return plannedEnd.toEpochMilli() - plannedStart.toEpochMilli();
  }

  /** This slot presented by {@code unit}: named {@code title}, with {@code by} as the agenda shows it. */
  public AgendaItem presentedBy(String unit, String title, String by) {
    return new AgendaItem(id, title, by, plannedStart, plannedEnd, presentation, unit);
  }
}
