package diemcau.participation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * City-wide completions over time, for the public chart: the cumulative count at the moment of
 * evenly spaced completions, at most {@link #MAX_POINTS} points, the last one always the
 * newest completion. Derived from the people's completion times alone, so it is rebuilt exactly
 * after a restart.
 */
public final class CompletionHistory {

  public static final int MAX_POINTS = 200;

  /** One point: at {@code at} (epoch ms), {@code completed} people had completed. */
  public record Point(long at, int completed) {}

  private CompletionHistory() {}

  /** The points for the people of {@code units}. */
  public static List<Point> of(Collection<Person> persons, Set<String> units) {
    long[] times = persons.stream()
        .filter(person -> person.completed() && units.contains(person.unit()))
        .mapToLong(Person::completedAt)
        .sorted()
        .toArray();
    int n = times.length;
    int points = Math.min(n, MAX_POINTS);
    List<Point> history = new ArrayList<>(points);
    for (int k = 1; k <= points; k++) {
      int index = (int) ((long) k * n / points) - 1;
      history.add(new Point(times[index], index + 1));
    }
    return List.copyOf(history);
  }
}
