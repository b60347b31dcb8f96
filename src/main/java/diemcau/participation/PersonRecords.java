package diemcau.participation;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every person known so far, keyed by platform id: the in-memory mirror of
 * {@code participation_record}, with each person's row number there. Not thread-safe: it lives
 * on the command verticle's context, where one import is diffed and applied at a time. Being
 * the only writer of that table, it hands out the row numbers: one row per person.
 */
final class PersonRecords {

  /** One stored row: its number in {@code participation_record} and the person's record. */
  record Row(long id, Person person) {}

  /**
   * What applying a batch would change: the merged records of people not held yet
   * ({@code created}, to be stored under the row numbers {@code firstId}, {@code firstId + 1}, …)
   * and of held people whose record differs ({@code updated}, replacing the rows
   * {@code updatedIds}, in the same order), out of the {@code persons} distinct people of the batch.
   */
  record Diff(List<Person> created, List<Person> updated, long[] updatedIds, long firstId, int persons) {

    List<Person> changed() {
      List<Person> changed = new ArrayList<>(created.size() + updated.size());
      changed.addAll(created);
      changed.addAll(updated);
      return changed;
    }

    /** The rows to write: the created people under new numbers, then the updated ones under theirs. */
    List<Row> rows() {
      List<Row> rows = new ArrayList<>(created.size() + updated.size());
      for (int i = 0; i < created.size(); i++) {
        rows.add(new Row(firstId + i, created.get(i)));
      }
      for (int i = 0; i < updated.size(); i++) {
        rows.add(new Row(updatedIds[i], updated.get(i)));
      }
      return rows;
    }

    int unchanged() {
      return persons - created.size() - updated.size();
    }

    boolean empty() {
      return created.isEmpty() && updated.isEmpty();
    }
  }

  private final Map<String, Row> rows = new HashMap<>();
  private final Collection<Person> persons = new AbstractCollection<>() {
    @Override
    public Iterator<Person> iterator() {
      Iterator<Row> each = rows.values().iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return each.hasNext();
        }

        @Override
        public Person next() {
          return each.next().person();
        }
      };
    }

    @Override
    public int size() {
      return rows.size();
    }
  };
  private long nextId = 1;

  /** Merges {@code batch} (in order, the same person possibly more than once) against what is held. */
  Diff diff(List<Person> batch) {
    Map<String, Person> merged = new LinkedHashMap<>();
    for (Person row : batch) {
      Person before = merged.get(row.person());
      if (before == null) {
        Row held = rows.get(row.person());
        before = held == null ? null : held.person();
      }
      merged.put(row.person(), before == null ? row : before.merge(row));
    }
    List<Person> created = new ArrayList<>();
    List<Person> updated = new ArrayList<>();
    long[] updatedIds = new long[merged.size()];
    for (Person person : merged.values()) {
      Row held = rows.get(person.person());
      if (held == null) {
        created.add(person);
      } else if (!held.person().equals(person)) {
        updatedIds[updated.size()] = held.id();
        updated.add(person);
      }
    }
    return new Diff(List.copyOf(created), List.copyOf(updated), Arrays.copyOf(updatedIds, updated.size()), nextId,
        merged.size());
  }

  /** Installs a committed diff: must be the last one computed, nothing applied in between. */
  void apply(Diff diff) {
    load(diff.rows());
  }

  /** Installs stored rows (at start, from the table). */
  void load(Collection<Row> stored) {
    for (Row row : stored) {
      rows.put(row.person().person(), row);
      nextId = Math.max(nextId, row.id() + 1);
    }
  }

  /** Forgets every record (after the tables were emptied). */
  void clear() {
    rows.clear();
  }

  /** Every held record, a live view. */
  Collection<Person> persons() {
    return persons;
  }

  int size() {
    return rows.size();
  }
}
