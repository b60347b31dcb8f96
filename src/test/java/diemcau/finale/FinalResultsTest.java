package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import diemcau.event.Event;
import diemcau.event.EventLoader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Results, prizes and the reveal script (shipped event: drop highest and lowest, 1 + 2 + 3 + 5 prizes)")
class FinalResultsTest {

  private static final Event EVENT = EventLoader.loadDefault();

  /** Three judges; with the drop rule each finalist's mean is its middle total. */
  private static final String[][] DISTINCT = {
      {"70", "80", "99"}, {"60", "85", "90"}, {"75", "90", "95"}, {"10", "60", "70"}, {"40", "65", "70"}, {"50", "88", "88"}};

  @Test
  @DisplayName("finalists share first, second and third by rank; the other five stage-2 units get the consolation prizes")
  void prizes() {
    FinalResults outcome = FinalResults.of(States.judged(DISTINCT), EVENT);
    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.finalists()).extracting(UnitRanking.Place::unit)
        .containsExactly("11239", "11779", "10525", "11560", "11002", "10909");
    assertThat(outcome.finalists().get(0).item().aggregate().mean()).isEqualByComparingTo("90");
    assertThat(outcome.awards()).extracting(Award::unit, Award::prize, Award::amountVnd, Award::rank).containsExactly(
        tuple("11239", "nhat", 10_000_000L, 1),
        tuple("11779", "nhi", 5_000_000L, 2),
        tuple("10525", "nhi", 5_000_000L, 3),
        tuple("11560", "ba", 3_000_000L, 4),
        tuple("11002", "ba", 3_000_000L, 5),
        tuple("10909", "ba", 3_000_000L, 6),
        tuple("11311", "khuyen-khich", 2_000_000L, null),
        tuple("11329", "khuyen-khich", 2_000_000L, null),
        tuple("11914", "khuyen-khich", 2_000_000L, null),
        tuple("10546", "khuyen-khich", 2_000_000L, null),
        tuple("SO-YT", "khuyen-khich", 2_000_000L, null));
  }

  @Test
  @DisplayName("a tie inside one prize is shown as a shared rank and needs no decision")
  void tieInsidePrize() {
    String[][] totals = DISTINCT.clone();
    totals[1] = new String[] {"80", "88", "99"};
    FinalResults outcome = FinalResults.of(States.judged(totals), EVENT);
    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.finalists()).extracting(UnitRanking.Place::rank).containsExactly(1, 2, 2, 4, 5, 6);
    assertThat(outcome.awards().subList(1, 3)).extracting(Award::prize, Award::rank)
        .containsOnly(tuple("nhi", 2));
  }

  @Test
  @DisplayName("a tie across a prize boundary is a problem for the council until a tie-break orders it")
  void tieAcrossBoundary() {
    String[][] totals = DISTINCT.clone();
    totals[1] = new String[] {"0", "90", "100"};
    FinalState state = States.judged(totals);
    FinalResults outcome = FinalResults.of(state, EVENT);
    assertThat(outcome.problems()).singleElement().satisfies(issue -> {
      assertThat(issue.code()).isEqualTo("tie_at_prize");
      assertThat(issue.units()).containsExactlyInAnyOrder("Phường Hải Dương", "Xã Thanh Miện");
      assertThat(issue.prizes()).containsExactly("Giải Nhất", "Giải Nhì");
      assertThat(issue.message()).contains("tie between", "Giải Nhất and Giải Nhì");
    });
    assertThat(outcome.missing()).isEmpty();
    assertThat(UnitRanking.ties(outcome.finalists())).containsExactly(List.of("10525", "11239"));
    FinalResults decided = FinalResults.of(state.withTieBreaks(List.of(List.of("11239", "10525"))), EVENT);
    assertThat(decided.problems()).isEmpty();
    assertThat(decided.awards().get(0).unit()).isEqualTo("11239");
    assertThat(decided.awards().get(1).unit()).isEqualTo("10525");
    assertThat(decided.awards().get(0).prize()).isEqualTo("nhat");
  }

  @Test
  @DisplayName("a missing sheet names the judge and the finalist")
  void missingSheet() {
    String[][] totals = DISTINCT.clone();
    totals[3] = new String[] {"10", null, "70"};
    FinalResults outcome = FinalResults.of(States.judged(totals), EVENT);
    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.missing()).containsExactly(new FinalResults.Issue("sheet_missing", "Giám khảo 2", List.of("Xã Tuệ Tĩnh"),
        List.of(), "Giám khảo 2 has not scored Xã Tuệ Tĩnh"));
    assertThat(outcome.ready()).isFalse();
  }

  @Test
  @DisplayName("the reveal goes consolation prizes (by name), then third, second and first, lowest place first")
  void revealOrder() {
    FinalResults outcome = FinalResults.of(States.judged(DISTINCT), EVENT);
    List<Award> script = RevealScript.of(outcome.awards(), EVENT);
    assertThat(script).extracting(Award::unit).containsExactly(
        "11914", "10546", "11311", "11329", "SO-YT",
        "10909", "11002", "11560", "10525", "11779", "11239");
  }
}
