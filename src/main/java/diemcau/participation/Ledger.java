package diemcau.participation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every person known so far, keyed by platform id: the in-memory mirror of
 * {@code participation_person}. Not thread-safe: it lives on the command verticle's context,
 * where one import is diffed and applied at a time.
 */
final class Ledger {

  /**
   * What applying a batch would change: the merged records of people not held yet
   * ({@code created}) and of held people whose record differs ({@code updated}), out of the
   * {@code persons} distinct people of the batch.
   */
  record Diff(List<Person> created, List<Person> updated, int persons) {
    List<Person> changed() {
      List<Person> changed = new ArrayList<>(created.size() + updated.size());
      changed.addAll(created);
      changed.addAll(updated);
      return changed;
    }

    int unchanged() {
      return persons - created.size() - updated.size();
    }
  }

  private final Map<String, Person> persons = new HashMap<>();

  /** Merges {@code rows} (in order, the same person possibly more than once) against what is held. */
  Diff diff(List<Person> rows) {
    Map<String, Person> merged = new LinkedHashMap<>();
    for (Person row : rows) {
      Person held = merged.containsKey(row.person()) ? merged.get(row.person()) : persons.get(row.person());
      merged.put(row.person(), held == null ? row : held.merge(row));
    }
    List<Person> created = new ArrayList<>();
    List<Person> updated = new ArrayList<>();
    for (Person person : merged.values()) {
      Person held = persons.get(person.person());
      if (held == null) {
        created.add(person);
      } else if (!held.equals(person)) {
        updated.add(person);
      }
    }
    return new Diff(List.copyOf(created), List.copyOf(updated), merged.size());
  }

  void apply(Collection<Person> changed) {
    changed.forEach(person -> persons.put(person.person(), person));
  }

  Collection<Person> persons() {
    return Collections.unmodifiableCollection(persons.values());
  }

  int size() {
    return persons.size();
  }
}
