package diemcau.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Diffing an import against the people held")
class PersonRecordsTest {

  private final PersonRecords records = new PersonRecords();

  @Test
  @DisplayName("new people are created, the same data again changes nothing, a newer export updates only who changed")
  void idempotentDiff() {
    Person a = new Person("a", "U1", "A", 1L, null, null, 1);
    Person b = new Person("b", "U2", "B", 1L, null, null, 1);
    PersonRecords.Diff first = records.diff(List.of(a, b));
    assertThat(first.created()).containsExactly(a, b);
    records.apply(first);
    PersonRecords.Diff again = records.diff(List.of(a, b));
    assertThat(again.changed()).isEmpty();
    assertThat(again.unchanged()).isEqualTo(2);
    Person bDone = new Person("b", "U2", "B", 1L, 5L, 9_000, 5);
    PersonRecords.Diff newer = records.diff(List.of(a, bDone));
    assertThat(newer.changed()).containsExactly(bDone);
    assertThat(newer.updated()).containsExactly(bDone);
    assertThat(newer.created()).isEmpty();
  }

  @Test
  @DisplayName("the same person twice in one upload is merged in order before it is compared")
  void repeatsWithinAnUpload() {
    Person early = new Person("a", "U1", "A", 1L, null, 7_000, 1);
    Person late = new Person("a", "U2", "A", 1L, 9L, 6_000, 9);
    PersonRecords.Diff diff = records.diff(List.of(late, early));
    assertThat(diff.persons()).isEqualTo(1);
    assertThat(diff.changed()).containsExactly(new Person("a", "U2", "A", 1L, 9L, 7_000, 9));
  }

  @Test
  @DisplayName("new people get the row numbers after the highest stored one, updated people keep theirs")
  void rowNumbers() {
    Person a = new Person("a", "U1", "A", 1L, null, null, 1);
    Person b = new Person("b", "U2", "B", 1L, null, null, 1);
    records.load(List.of(new PersonRecords.Row(7, a), new PersonRecords.Row(3, b)));
    Person bDone = new Person("b", "U2", "B", 1L, 5L, 9_000, 5);
    Person c = new Person("c", "U1", "C", 2L, null, null, 2);
    Person d = new Person("d", "U1", "D", 2L, null, null, 2);
    PersonRecords.Diff diff = records.diff(List.of(c, a, bDone, d));
    assertThat(diff.rows()).containsExactly(new PersonRecords.Row(8, c), new PersonRecords.Row(9, d), new PersonRecords.Row(3, bDone));
    assertThat(diff.updatedIds()).containsExactly(3L);
    records.apply(diff);
    assertThat(records.persons()).containsExactlyInAnyOrder(a, bDone, c, d);
    Person e = new Person("e", "U1", "E", 3L, null, null, 3);
    assertThat(records.diff(List.of(e)).rows()).containsExactly(new PersonRecords.Row(10, e));
  }
}
