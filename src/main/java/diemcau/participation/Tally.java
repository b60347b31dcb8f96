package diemcau.participation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One unit's stage-1 figures, summed over its people: how many enrolled and completed, the sum
 * and count of best scores (in hundredths; people without a score are left out of the
 * average), when the unit last changed, and when it reached its current number of completions
 * (the latest completion among its people). Times are null when there is nothing to date.
 */
public record Tally(int enrolled, int completed, long scoreSum, int scored, Long lastChanged, Long reachedAt) {

  public static final Tally EMPTY = new Tally(0, 0, 0, 0, null, null);

  /** Every unit's tally from its people; units without people have none in the map. */
  public static Map<String, Tally> of(Collection<Person> persons) {
    Map<String, Tally> tallies = new HashMap<>();
    for (Person person : persons) {
      tallies.merge(person.unit(), single(person), Tally::plus);
    }
    return tallies;
  }

  static Tally single(Person person) {
    return new Tally(1, person.completed() ? 1 : 0, person.score() == null ? 0 : person.score(),
        person.score() == null ? 0 : 1, person.lastActivityAt(), person.completedAt());
  }

  Tally plus(Tally other) {
    return new Tally(enrolled + other.enrolled, completed + other.completed, scoreSum + other.scoreSum,
        scored + other.scored, later(lastChanged, other.lastChanged), later(reachedAt, other.reachedAt));
  }

  /** The average best score in points, or null when nobody has a score. */
  public Double avgScore() {
    return scored == 0 ? null : scoreSum / 100.0 / scored;
  }

  private static Long later(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
  }
}
