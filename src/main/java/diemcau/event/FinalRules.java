package diemcau.event;

import java.time.LocalDate;

/**
 * How the final runs: each finalist's slot is a presentation then questions and answers; with
 * {@code dropHighestAndLowest} a finalist's highest and lowest judge totals are left out before
 * averaging.
 */
public record FinalRules(int presentationMinutes, int qaMinutes, boolean dropHighestAndLowest, LocalDate date) {

  /** Same, with the date as ISO text (2026-06-25). */
  public FinalRules(int presentationMinutes, int qaMinutes, boolean dropHighestAndLowest, String date) {
    this(presentationMinutes, qaMinutes, dropHighestAndLowest, LocalDate.parse(date));
  }

  /** Presentation plus questions, the planned length of one finalist's slot. */
  public int slotMinutes() {
    return presentationMinutes + qaMinutes;
  }
}
