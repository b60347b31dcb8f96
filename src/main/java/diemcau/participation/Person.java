package diemcau.participation;

/**
 * One person's stage-1 record, as the learning platform reports it and as kept after merging
 * every report of that person. Times are epoch milliseconds; {@code score} is the best quiz
 * score in hundredths of a point (0..10,000), null before any quiz; {@code completedAt} is null
 * until the person completes. {@code name} is personal data: it never leaves the store except
 * in the unit's own report.
 */
public record Person(String person, String unit, String name, Long enrolledAt, Long completedAt, Integer score,
    long lastActivityAt) {

  /**
   * This record updated by another report of the same person: the report with the later
   * activity decides the unit and the name; the best score, the earliest enrolment and the
   * first completion are kept. Merging a report twice gives the same result as merging it once.
   */
  public Person merge(Person other) {
    Person latest = other.lastActivityAt > lastActivityAt ? other : this;
    Person earlier = latest == this ? other : this;
    return new Person(person, latest.unit, latest.name != null ? latest.name : earlier.name,
        min(enrolledAt, other.enrolledAt), min(completedAt, other.completedAt), max(score, other.score),
        Math.max(lastActivityAt, other.lastActivityAt));
  }

  public boolean completed() {
    return completedAt != null;
  }

  private static Long min(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
  }

  private static Integer max(Integer a, Integer b) {
    return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
  }
}
