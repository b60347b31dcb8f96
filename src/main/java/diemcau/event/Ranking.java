package diemcau.event;

import java.util.List;

/**
 * The stage-1 ranking rule: sort keys in order, each "FIELD asc" or "FIELD desc", FIELD one of
 * {@link #FIELDS}; {@code description} says the same in Vietnamese for the screens.
 */
public record Ranking(List<String> keys, String description) {

  /** What a unit's stage-1 result can be sorted by. */
  public static final List<String> FIELDS = List.of("rate", "avgScore", "reachedAt", "participants");

  /** One parsed sort key. */
  public record Key(String field, boolean descending) {
  }

  public Ranking {
    keys = List.copyOf(keys);
  }

  /** The keys split into field and direction (the loader has checked them). */
  public List<Key> sortKeys() {
    return keys.stream().map(key -> {
      String[] parts = key.trim().split("\\s+");
      return new Key(parts[0], parts.length > 1 && parts[1].equals("desc"));
    }).toList();
  }
}
