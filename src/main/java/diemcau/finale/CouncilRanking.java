package diemcau.finale;

import diemcau.command.CommandException;
import diemcau.event.Event;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The council's ranking of the stage-2 entries by their sheet's total, highest first, equal
 * totals sharing a rank; and the finalists it gives when no tie straddles the cut.
 */
final class CouncilRanking {

  static final Comparator<FinalResults.CouncilResult> BEST_FIRST = Comparator.comparing(FinalResults.CouncilResult::total,
      Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));

  private CouncilRanking() {}

  static List<UnitRanking.Place<FinalResults.CouncilResult>> of(Stage2 stage2, List<String> units) {
    List<FinalResults.CouncilResult> results = new ArrayList<>();
    for (String unit : units) {
      ScoreSheet sheet = stage2.council().get(unit);
      results.add(new FinalResults.CouncilResult(unit, sheet == null ? null : sheet.total()));
    }
    return UnitRanking.rank(results, BEST_FIRST, FinalResults.CouncilResult::unit, List.of());
  }

  /** The units that tie across the cut after {@code quota} places, or an empty list. */
  static List<String> tieAtCut(List<UnitRanking.Place<FinalResults.CouncilResult>> places, int quota) {
    if (places.size() <= quota || places.get(quota - 1).rank() != places.get(quota).rank()) {
      return List.of();
    }
    int rank = places.get(quota).rank();
    return places.stream().filter(p -> p.rank() == rank).map(UnitRanking.Place::unit).toList();
  }

  /** The top {@code quota} entries; refused while entries are missing, unscored, or tied at the cut. */
  static List<String> top(Stage2 stage2, int quota, Event event) {
    if (stage2.entries().size() < quota) {
      throw CommandException.conflict("too_few_entries", "the final needs " + quota + " finalists and there are only "
          + stage2.entries().size() + " entries");
    }
    List<String> unscored = stage2.entries().keySet().stream().filter(unit -> !stage2.council().containsKey(unit))
        .map(unit -> FinalResults.name(event, unit)).toList();
    if (!unscored.isEmpty()) {
      throw CommandException.conflict("not_scored", "the council has not scored: " + String.join(", ", unscored));
    }
    List<UnitRanking.Place<FinalResults.CouncilResult>> places = of(stage2, List.copyOf(stage2.entries().keySet()));
    List<String> tie = tieAtCut(places, quota);
    if (!tie.isEmpty()) {
      throw CommandException.conflict("tie_at_cut", "tie at place " + quota + " between "
          + String.join(", ", tie.stream().map(unit -> FinalResults.name(event, unit)).toList())
          + ": the council decides, then confirm with units listing the " + quota + " finalists");
    }
    return places.subList(0, quota).stream().map(UnitRanking.Place::unit).toList();
  }
}
