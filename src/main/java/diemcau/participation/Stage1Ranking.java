package diemcau.participation;

import diemcau.event.Ranking;
import diemcau.event.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stage-1 ranking of one leaderboard group, by the event's rule. Keys are compared exactly (rates and
 * averages as fractions, not rounded); a missing value (no score yet, no completion yet) sorts
 * after every present one, whatever the direction. Equal keys share a rank (1, 2, 2, 4). A unit
 * with no completion yet is not ranked (units that tie on nothing share no rank above those that
 * have completed), and neither is a unit without a headcount when the rule uses the rate: such a
 * unit has no rank, follows the ranked units and never qualifies.
 *
 * <p>The cut line: a unit qualifies when its whole tie group fits within the quota. A tie group
 * that starts inside the quota and ends outside it straddles the line: its units are a
 * {@link Qualified#TIE}, and {@link Group#cutTie()} says so, so the tie is never broken silently.
 */
public final class Stage1Ranking {

  /** Whether a unit is above the cut line. */
  public enum Qualified { YES, TIE, NO }

  /** One unit's place: {@code rank} is null for a unit that cannot be ranked. */
  public record Row(Unit unit, Integer headcount, Tally tally, Integer rank, Qualified qualified) {

    /** completed / headcount, or null without a headcount. */
    public Double rate() {
      return headcount == null ? null : (double) tally.completed() / headcount;
    }
  }

  /** A ranked group and its label: rows in rank order, then the unranked ones in event-file order. */
  public record Group(String id, String label, int qualify, boolean cutTie, List<Row> rows) {}

  private Stage1Ranking() {}

  /** Ranks {@code units} (one group, in event-file order) with the tallies and headcounts given. */
  public static Group rank(String id, List<Unit> units, Map<String, Integer> headcounts, Map<String, Tally> tallies,
      Ranking ranking, int qualify) {
    boolean usesRate = ranking.sortKeys().stream().anyMatch(key -> key.field().equals("rate"));
    Comparator<Row> order = comparator(ranking);
    List<Row> ranked = new ArrayList<>();
    List<Row> unranked = new ArrayList<>();
    for (Unit unit : units) {
      Integer headcount = headcounts.get(unit.code());
      Row row = new Row(unit, headcount, tallies.getOrDefault(unit.code(), Tally.EMPTY), null, Qualified.NO);
      boolean rankable = row.tally().completed() > 0 && (headcount != null || !usesRate);
      (rankable ? ranked : unranked).add(row);
    }
    ranked.sort(order);
    List<Row> rows = new ArrayList<>(units.size());
    boolean cutTie = false;
    int start = 0;
    while (start < ranked.size()) {
      int end = start + 1;
      while (end < ranked.size() && order.compare(ranked.get(start), ranked.get(end)) == 0) {
        end++;
      }
      int rank = start + 1;
      Qualified qualified = end <= qualify ? Qualified.YES : rank <= qualify ? Qualified.TIE : Qualified.NO;
      cutTie |= qualified == Qualified.TIE;
      for (Row row : ranked.subList(start, end)) {
        rows.add(new Row(row.unit(), row.headcount(), row.tally(), rank, qualified));
      }
      start = end;
    }
    rows.addAll(unranked);
    return new Group(id, ranking.groupLabel(id), qualify, cutTie, List.copyOf(rows));
  }

  private static Comparator<Row> comparator(Ranking ranking) {
    Comparator<Row> order = (a, b) -> 0;
    for (Ranking.Key key : ranking.sortKeys()) {
      Comparator<Row> byKey = switch (key.field()) {
        case "rate" -> nullsLast(key.descending(), row -> row.headcount() == null ? null
            : new Fraction(row.tally().completed(), row.headcount()));
        case "avgScore" -> nullsLast(key.descending(), row -> row.tally().scored() == 0 ? null
            : new Fraction(row.tally().scoreSum(), row.tally().scored()));
        case "reachedAt" -> nullsLast(key.descending(), row -> row.tally().reachedAt());
        case "participants" -> nullsLast(key.descending(), row -> (long) row.tally().completed());
        default -> throw new IllegalArgumentException("unknown ranking field: " + key.field());
      };
      order = order.thenComparing(byKey);
    }
    return order;
  }

  private static <T extends Comparable<T>> Comparator<Row> nullsLast(boolean descending, Function<Row, T> key) {
    Comparator<T> direction = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
    return Comparator.comparing(key, Comparator.nullsLast(direction));
  }

  /** A non-negative fraction compared exactly. */
  private record Fraction(long numerator, long denominator) implements Comparable<Fraction> {
    @Override
    public int compareTo(Fraction other) {
      return Long.compare(numerator * other.denominator, other.numerator * denominator);
    }
  }
}
