package diemcau.event;

import java.time.Instant;

/**
 * One timed item of a day's programme. {@code presentation} numbers the final's presentation
 * slots (1 = the finalist drawn first) and is null for every other item; a slot's title is the
 * event file's until the order is drawn, then the presenting unit's.
 */
public record AgendaItem(String id, String title, String by, Instant plannedStart, Instant plannedEnd, Integer presentation) {

  /** An item that is not a presentation slot. */
  public AgendaItem(String id, String title, String by, Instant plannedStart, Instant plannedEnd) {
    this(id, title, by, plannedStart, plannedEnd, null);
  }

  public long plannedDurationMs() {
    return plannedEnd.toEpochMilli() - plannedStart.toEpochMilli();
  }

  /** The same slot, presented by someone: its title and who presents it as the agenda shows them. */
  public AgendaItem presentedAs(String title, String by) {
    return new AgendaItem(id, title, by, plannedStart, plannedEnd, presentation);
  }
}
