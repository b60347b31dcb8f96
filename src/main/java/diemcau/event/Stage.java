package diemcau.event;

import java.time.LocalDate;

/** One stage of the contest, from and to inclusive, as local dates in the event's zone. */
public record Stage(String id, String name, LocalDate from, LocalDate to) {

  public boolean contains(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }
}
