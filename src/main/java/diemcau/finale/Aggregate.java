package diemcau.finale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A finalist's result: the mean of its judges' totals, optionally leaving out one highest and
 * one lowest total first (only when at least three judges scored, so something is left).
 * Two aggregates compare exactly (sum × count cross-multiplied), never through a rounded mean.
 *
 * @param totals every judge's total, in judge order
 * @param dropped positions in {@code totals} left out of the mean
 */
public record Aggregate(List<BigDecimal> totals, Set<Integer> dropped) {

  /** Highest mean first; no scores at all ranks last. */
  public static final Comparator<Aggregate> BEST_FIRST = (a, b) -> b.compareTo(a);

  public Aggregate {
    totals = List.copyOf(totals);
    dropped = Set.copyOf(dropped);
  }

  public static Aggregate of(List<BigDecimal> totals, boolean dropHighestAndLowest) {
    if (!dropHighestAndLowest || totals.size() < 3) {
      return new Aggregate(totals, Set.of());
    }
    int highest = 0;
    for (int i = 0; i < totals.size(); i++) {
      if (totals.get(i).compareTo(totals.get(highest)) > 0) {
        highest = i;
      }
    }
    int lowest = highest == 0 ? 1 : 0;
    for (int i = 0; i < totals.size(); i++) {
      if (i != highest && totals.get(i).compareTo(totals.get(lowest)) < 0) {
        lowest = i;
      }
    }
    return new Aggregate(totals, Set.of(highest, lowest));
  }

  /** The totals the mean is taken over. */
  public List<BigDecimal> counted() {
    List<BigDecimal> counted = new ArrayList<>();
    for (int i = 0; i < totals.size(); i++) {
      if (!dropped.contains(i)) {
        counted.add(totals.get(i));
      }
    }
    return counted;
  }

  public BigDecimal sum() {
    return counted().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The mean, rounded to 3 places for people to read; null when nobody has scored. */
  public BigDecimal mean() {
    int count = counted().size();
    return count == 0 ? null : sum().divide(BigDecimal.valueOf(count), 3, RoundingMode.HALF_UP);
  }

  /** Compares the exact means: sum₁ / n₁ against sum₂ / n₂. */
  public int compareTo(Aggregate other) {
    int count = counted().size();
    int otherCount = other.counted().size();
    if (count == 0 || otherCount == 0) {
      return Integer.compare(Math.min(count, 1), Math.min(otherCount, 1));
    }
    return sum().multiply(BigDecimal.valueOf(otherCount)).compareTo(other.sum().multiply(BigDecimal.valueOf(count)));
  }
}
