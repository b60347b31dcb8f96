package diemcau.participation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Merging reports of one person")
class PersonTest {

  private static final Person FIRST = new Person("p1", "U1", "Nguyễn Văn A", 1_000L, null, 6_000, 2_000);

  @Test
  @DisplayName("the later activity decides unit and name, the best score and the first completion are kept")
  void laterActivityWins() {
    Person later = new Person("p1", "U2", "Nguyễn Văn Á", 1_500L, 5_000L, 4_000, 5_000);
    Person merged = FIRST.merge(later);
    assertThat(merged).isEqualTo(new Person("p1", "U2", "Nguyễn Văn Á", 1_000L, 5_000L, 6_000, 5_000));
    Person evenLater = new Person("p1", "U2", null, null, 7_000L, null, 8_000);
    assertThat(merged.merge(evenLater)).isEqualTo(new Person("p1", "U2", "Nguyễn Văn Á", 1_000L, 5_000L, 6_000, 8_000));
  }

  @Test
  @DisplayName("an older report changes nothing but a better score or an earlier date; the same report twice changes nothing")
  void olderAndRepeatedReports() {
    Person older = new Person("p1", "U9", "Other", 900L, null, 7_000, 1_000);
    assertThat(FIRST.merge(older)).isEqualTo(new Person("p1", "U1", "Nguyễn Văn A", 900L, null, 7_000, 2_000));
    assertThat(FIRST.merge(FIRST)).isEqualTo(FIRST);
    Person merged = FIRST.merge(older);
    assertThat(merged.merge(older)).isEqualTo(merged);
  }
}
