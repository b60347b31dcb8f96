package diemcau.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One day of the event that the agenda runs: the launch conference or the final. {@code start}
 * is the day's announced start (the invitation's time); the programme may begin before it (the
 * welcome of the delegates). The final's programme holds its presentation slots
 * ({@link AgendaItem#presentation()}), filled from the drawn order on the day.
 */
public record Day(String id, String name, LocalDate date, Instant start, Venue venue, List<AgendaItem> programme) {

  /** The id of the launch conference's day. */
  public static final String CONFERENCE = "conference";
  /** The id of the final's day. */
  public static final String FINAL = "final";

  public Day {
    programme = List.copyOf(programme);
  }

  /** The programme's presentation slots, in programme order. */
  public List<AgendaItem> presentations() {
    return programme.stream().filter(item -> item.presentation() != null).toList();
  }
}
