package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Aggregates and standings")
class AggregateTest {

  private static List<BigDecimal> totals(String... values) {
    return Arrays.stream(values).map(BigDecimal::new).toList();
  }

  @Test
  @DisplayName("the mean leaves out one highest and one lowest total when the rule says so")
  void dropHighestAndLowest() {
    Aggregate aggregate = Aggregate.of(totals("80", "95", "60", "85", "90"), true);
    assertThat(aggregate.dropped()).containsExactlyInAnyOrder(1, 2);
    assertThat(aggregate.mean()).isEqualByComparingTo("85");
    assertThat(Aggregate.of(totals("80", "95", "60", "85", "90"), false).mean()).isEqualByComparingTo("82");
  }

  @Test
  @DisplayName("drops only one of several equal extremes, and nothing with fewer than three judges")
  void equalExtremes() {
    Aggregate aggregate = Aggregate.of(totals("90", "90", "70", "70"), true);
    assertThat(aggregate.dropped()).hasSize(2);
    assertThat(aggregate.mean()).isEqualByComparingTo("80");
    assertThat(Aggregate.of(totals("90", "70"), true).dropped()).isEmpty();
    assertThat(Aggregate.of(totals("90", "90", "90"), true).mean()).isEqualByComparingTo("90");
  }

  @Test
  @DisplayName("compares exact means, not rounded ones")
  void exactComparison() {
    Aggregate third = Aggregate.of(totals("85", "85", "86"), false);
    assertThat(third.compareTo(Aggregate.of(totals("85.33", "85.33", "85.34"), false))).isZero();
    assertThat(third.compareTo(Aggregate.of(totals("85.33", "85.33", "85.35"), false))).isNegative();
    Aggregate a = Aggregate.of(totals("80", "90"), false);
    Aggregate b = Aggregate.of(totals("84", "85", "86"), false);
    assertThat(a.compareTo(b)).isZero();
    assertThat(Aggregate.of(totals("80"), false).compareTo(Aggregate.of(List.of(), false))).isPositive();
  }

  @Test
  @DisplayName("equal keys share a rank (1, 2, 2, 4) and are marked tied")
  void sharedRanks() {
    List<UnitRanking.Place<String[]>> places = UnitRanking.rank(List.of(
            new String[] {"A", "90"}, new String[] {"B", "85"}, new String[] {"C", "85"}, new String[] {"D", "70"}),
        Comparator.comparing((String[] item) -> new BigDecimal(item[1])).reversed(), item -> item[0], List.of());
    assertThat(places).extracting(UnitRanking.Place::unit).containsExactly("A", "B", "C", "D");
    assertThat(places).extracting(UnitRanking.Place::rank).containsExactly(1, 2, 2, 4);
    assertThat(places).extracting(UnitRanking.Place::tied).containsExactly(false, true, true, false);
    assertThat(UnitRanking.ties(places)).containsExactly(List.of("B", "C"));
  }

  @Test
  @DisplayName("a recorded tie-break orders exactly its tie, and is ignored once the units no longer tie")
  void tieBreaks() {
    List<List<String>> decided = List.of(List.of("C", "B"));
    Comparator<String[]> better = Comparator.comparing((String[] item) -> new BigDecimal(item[1])).reversed();
    List<UnitRanking.Place<String[]>> places = UnitRanking.rank(List.of(
        new String[] {"A", "90"}, new String[] {"B", "85"}, new String[] {"C", "85"}), better, item -> item[0], decided);
    assertThat(places).extracting(UnitRanking.Place::unit).containsExactly("A", "C", "B");
    assertThat(places).extracting(UnitRanking.Place::rank).containsExactly(1, 2, 3);
    assertThat(UnitRanking.ties(places)).isEmpty();
    List<UnitRanking.Place<String[]>> threeWay = UnitRanking.rank(List.of(
        new String[] {"A", "85"}, new String[] {"B", "85"}, new String[] {"C", "85"}), better, item -> item[0], decided);
    assertThat(threeWay).extracting(UnitRanking.Place::rank).containsExactly(1, 1, 1);
  }
}
