package diemcau.finale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks units by one explicit key, best first. Units with equal keys share a rank (1, 2, 2, 4)
 * and are marked tied, unless a recorded tie-break names exactly that group of units: then they
 * are ranked in the tie-break's order. A tie-break for a group that no longer ties (scores
 * changed since) is simply not used.
 */
public final class UnitRanking {

  /** One ranked unit. {@code tied}: it shares its rank with another unit. */
  public record Place<T>(T item, String unit, int rank, boolean tied) {}

  private UnitRanking() {}

  /**
   * @param better orders items best first; 0 means equal (a tie)
   * @param unitOf the unit code of an item (also the order within an unresolved tie, for a stable list)
   * @param tieBreaks recorded decisions, each the units of one tie in their decided order
   */
  public static <T> List<Place<T>> rank(List<T> items, Comparator<T> better, Function<T, String> unitOf,
      List<List<String>> tieBreaks) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(better.thenComparing(unitOf));
    List<Place<T>> places = new ArrayList<>();
    int start = 0;
    while (start < sorted.size()) {
      int end = start + 1;
      while (end < sorted.size() && better.compare(sorted.get(start), sorted.get(end)) == 0) {
        end++;
      }
      List<T> group = sorted.subList(start, end);
      List<String> decided = group.size() > 1 ? decision(group, unitOf, tieBreaks) : null;
      for (int i = 0; i < group.size(); i++) {
        if (decided != null) {
          T item = itemOf(group, unitOf, decided.get(i));
          places.add(new Place<>(item, unitOf.apply(item), start + i + 1, false));
        } else {
          T item = group.get(i);
          places.add(new Place<>(item, unitOf.apply(item), start + 1, group.size() > 1));
        }
      }
      start = end;
    }
    return places;
  }

  /** The units of each unresolved tie, in rank order. */
  public static <T> List<List<String>> ties(List<Place<T>> places) {
    List<List<String>> ties = new ArrayList<>();
    for (int i = 0; i < places.size(); i++) {
      Place<T> place = places.get(i);
      if (place.tied() && (i == 0 || places.get(i - 1).rank() != place.rank())) {
        ties.add(places.stream().filter(p -> p.rank() == place.rank()).map(Place::unit).toList());
      }
    }
    return ties;
  }

  private static <T> List<String> decision(List<T> group, Function<T, String> unitOf, List<List<String>> tieBreaks) {
    Set<String> units = new HashSet<>();
    group.forEach(item -> units.add(unitOf.apply(item)));
    for (List<String> tieBreak : tieBreaks) {
      if (tieBreak.size() == units.size() && units.containsAll(tieBreak)) {
        return tieBreak;
      }
    }
    return null;
  }

  private static <T> T itemOf(List<T> group, Function<T, String> unitOf, String unit) {
    return group.stream().filter(item -> unitOf.apply(item).equals(unit)).findFirst().orElseThrow();
  }
}
