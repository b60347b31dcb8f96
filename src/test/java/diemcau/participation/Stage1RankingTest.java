package diemcau.participation;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.event.Ranking;
import diemcau.event.Unit;
import diemcau.event.UnitKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ranking one leaderboard group")
class Stage1RankingTest {

  private static final Ranking DEFAULT = new Ranking(List.of("rate desc", "avgScore desc", "reachedAt asc"), "rule", Map.of());

  private final Map<String, Integer> headcounts = new HashMap<>();
  private final Map<String, Tally> tallies = new HashMap<>();

  private static List<Unit> units(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> new Unit("U" + i, "Đơn vị " + i, UnitKind.XA, null)).toList();
  }

  /** A unit with {@code headcount} staff, {@code completed} of them done, average score {@code avg}, reached at {@code at}. */
  private void unit(String code, Integer headcount, int completed, Integer avg, Long at) {
    if (headcount != null) {
      headcounts.put(code, headcount);
    }
    tallies.put(code, new Tally(completed, completed, avg == null ? 0 : avg * 100L * completed, avg == null ? 0 : completed,
        at, completed == 0 ? null : at));
  }

  private Stage1Ranking.Group rank(List<Unit> units, Ranking ranking, int qualify) {
    return Stage1Ranking.rank("communes", units, headcounts, tallies, ranking, qualify);
  }

  private static List<String> order(Stage1Ranking.Group group) {
    return group.rows().stream().map(row -> row.unit().code()).toList();
  }

  private static List<Integer> ranks(Stage1Ranking.Group group) {
    return group.rows().stream().map(Stage1Ranking.Row::rank).toList();
  }

  private static List<Stage1Ranking.Qualified> qualified(Stage1Ranking.Group group) {
    return group.rows().stream().map(Stage1Ranking.Row::qualified).toList();
  }

  @Test
  @DisplayName("a higher rate ranks first; the average score breaks a tie in rate; the earlier time breaks a tie in both")
  void keysInOrder() {
    unit("U1", 100, 50, 90, 3_000L);
    unit("U2", 100, 80, 70, 9_000L);
    unit("U3", 100, 50, 95, 5_000L);
    unit("U4", 100, 50, 95, 4_000L);
    Stage1Ranking.Group group = rank(units(4), DEFAULT, 2);
    assertThat(order(group)).containsExactly("U2", "U4", "U3", "U1");
    assertThat(ranks(group)).containsExactly(1, 2, 3, 4);
    assertThat(qualified(group)).containsExactly(Stage1Ranking.Qualified.YES, Stage1Ranking.Qualified.YES, Stage1Ranking.Qualified.NO,
        Stage1Ranking.Qualified.NO);
    assertThat(group.cutTie()).isFalse();
  }

  @Test
  @DisplayName("a unit with no completion is not ranked and never qualifies, whatever the rule and its headcount")
  void zeroCompletions() {
    unit("U1", 100, 0, null, null);
    unit("U2", null, 0, null, null);
    Stage1Ranking.Group nobody = rank(units(2), DEFAULT, 1);
    assertThat(ranks(nobody)).containsOnlyNulls();
    assertThat(qualified(nobody)).containsOnly(Stage1Ranking.Qualified.NO);
    assertThat(nobody.cutTie()).isFalse();

    // by participants, the zero units would otherwise tie at 1 above nobody, or be ranked at all
    Ranking byParticipants = new Ranking(List.of("participants desc"), "rule", Map.of());
    assertThat(ranks(rank(units(2), byParticipants, 1))).containsOnlyNulls();
    unit("U3", 100, 1, 50, 7L);
    Stage1Ranking.Group group = rank(units(3), byParticipants, 2);
    assertThat(order(group)).containsExactly("U3", "U1", "U2");
    assertThat(ranks(group)).containsExactly(1, null, null);
    assertThat(qualified(group)).containsExactly(Stage1Ranking.Qualified.YES, Stage1Ranking.Qualified.NO, Stage1Ranking.Qualified.NO);
  }

  @Test
  @DisplayName("rates are compared exactly, as fractions: 1/3 is below 33334/100000 and equal to 2/6")
  void exactRates() {
    unit("U1", 3, 1, null, 1L);
    unit("U2", 100_000, 33_334, null, 1L);
    unit("U3", 6, 2, null, 1L);
    Stage1Ranking.Group group = rank(units(3), DEFAULT, 1);
    assertThat(order(group)).containsExactly("U2", "U1", "U3");
    assertThat(ranks(group)).containsExactly(1, 2, 2);
  }

  @Test
  @DisplayName("equal keys share a rank and the next rank skips: 1, 2, 2, 4")
  void sharedRanks() {
    unit("U1", 10, 9, 80, 1_000L);
    unit("U2", 10, 7, 80, 1_000L);
    unit("U3", 10, 7, 80, 1_000L);
    unit("U4", 10, 5, 80, 1_000L);
    Stage1Ranking.Group group = rank(units(4), DEFAULT, 10);
    assertThat(ranks(group)).containsExactly(1, 2, 2, 4);
    assertThat(order(group)).containsExactly("U1", "U2", "U3", "U4");
  }

  @Test
  @DisplayName("a tie straddling the cut line is shown as a tie, never broken: both tied units are 'tie' and the group says so")
  void tieAtTheCutLine() {
    for (int i = 1; i <= 12; i++) {
      unit("U" + i, 100, 100 - i, 80, 1_000L);
    }
    unit("U11", 100, 90, 80, 1_000L);
    Stage1Ranking.Group group = rank(units(12), DEFAULT, 10);
    assertThat(ranks(group)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 12);
    assertThat(order(group).subList(9, 11)).containsExactlyInAnyOrder("U10", "U11");
    assertThat(qualified(group).subList(0, 9)).containsOnly(Stage1Ranking.Qualified.YES);
    assertThat(qualified(group).subList(9, 11)).containsOnly(Stage1Ranking.Qualified.TIE);
    assertThat(qualified(group).get(11)).isEqualTo(Stage1Ranking.Qualified.NO);
    assertThat(group.cutTie()).isTrue();
  }

  @Test
  @DisplayName("a tie that ends exactly on the cut line qualifies every tied unit, and the group has no tie at the line")
  void tieEndingOnTheLine() {
    unit("U1", 10, 9, null, 5L);
    unit("U2", 10, 8, null, 5L);
    unit("U3", 10, 8, null, 5L);
    unit("U4", 10, 1, null, 5L);
    Stage1Ranking.Group group = rank(units(4), DEFAULT, 3);
    assertThat(qualified(group)).containsExactly(Stage1Ranking.Qualified.YES, Stage1Ranking.Qualified.YES, Stage1Ranking.Qualified.YES,
        Stage1Ranking.Qualified.NO);
    assertThat(group.cutTie()).isFalse();
  }

  @Test
  @DisplayName("one department qualifies: two departments tied for first are both a tie")
  void departmentTieForFirst() {
    unit("U1", 40, 40, 90, 7L);
    unit("U2", 20, 20, 90, 7L);
    unit("U3", 20, 19, 90, 7L);
    Stage1Ranking.Group group = Stage1Ranking.rank("departments", units(3), headcounts, tallies, DEFAULT, 1);
    assertThat(ranks(group)).containsExactly(1, 1, 3);
    assertThat(qualified(group)).containsExactly(Stage1Ranking.Qualified.TIE, Stage1Ranking.Qualified.TIE, Stage1Ranking.Qualified.NO);
    assertThat(group.cutTie()).isTrue();
  }

  @Test
  @DisplayName("a unit without a headcount has no rank, comes after the ranked units and never qualifies, even with the most completions")
  void missingHeadcount() {
    unit("U1", null, 500, 99, 1L);
    unit("U2", 100, 10, 50, 1L);
    unit("U3", null, 0, null, null);
    Stage1Ranking.Group group = rank(units(3), DEFAULT, 10);
    assertThat(order(group)).containsExactly("U2", "U1", "U3");
    assertThat(ranks(group)).containsExactly(1, null, null);
    assertThat(group.rows().get(1).rate()).isNull();
    assertThat(qualified(group)).containsExactly(Stage1Ranking.Qualified.YES, Stage1Ranking.Qualified.NO, Stage1Ranking.Qualified.NO);
  }

  @Test
  @DisplayName("every unit of the group is present, including those nobody from has enrolled yet")
  void everyUnitPresent() {
    unit("U2", 10, 3, 60, 1L);
    headcounts.put("U1", 10);
    Stage1Ranking.Group group = rank(units(5), DEFAULT, 10);
    assertThat(order(group)).containsExactlyInAnyOrder("U1", "U2", "U3", "U4", "U5");
    assertThat(group.rows().get(0).unit().code()).isEqualTo("U2");
    assertThat(group.rows().get(1).tally()).isEqualTo(Tally.EMPTY);
  }

  @Test
  @DisplayName("a missing score or completion time sorts after present ones, in either direction")
  void missingValuesLast() {
    unit("U1", 10, 5, null, 1L);
    unit("U2", 10, 5, 40, 2L);
    Ranking scoreAsc = new Ranking(List.of("rate desc", "avgScore asc"), "rule", Map.of());
    assertThat(order(rank(units(2), scoreAsc, 1))).containsExactly("U2", "U1");
    assertThat(order(rank(units(2), DEFAULT, 1))).containsExactly("U2", "U1");
    unit("U1", 10, 0, null, null);
    unit("U2", 10, 0, null, null);
    Stage1Ranking.Group empty = rank(units(2), DEFAULT, 1);
    assertThat(ranks(empty)).as("no completion: no rank, not a tie at 1").containsOnlyNulls();
    assertThat(qualified(empty)).containsOnly(Stage1Ranking.Qualified.NO);
  }

  @Test
  @DisplayName("a rule without the rate ranks units without a headcount too, here by participants then earlier time")
  void participantsRule() {
    unit("U1", null, 30, null, 9L);
    unit("U2", 10, 30, null, 4L);
    unit("U3", null, 50, null, 1L);
    Ranking rule = new Ranking(List.of("participants desc", "reachedAt asc"), "rule", Map.of());
    Stage1Ranking.Group group = rank(units(3), rule, 2);
    assertThat(order(group)).containsExactly("U3", "U2", "U1");
    assertThat(ranks(group)).containsExactly(1, 2, 3);
  }
}
