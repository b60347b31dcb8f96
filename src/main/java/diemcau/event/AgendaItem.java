package diemcau.event;

import java.time.Instant;

/** One timed item of an agenda: the launch conference, or a finalist's slot at the final. */
public record AgendaItem(String id, String title, String by, Instant plannedStart, Instant plannedEnd) {

  public long plannedDurationMs() {
    return plannedEnd.toEpochMilli() - plannedStart.toEpochMilli();
  }
}
