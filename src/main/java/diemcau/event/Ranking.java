package diemcau.event;

import java.util.List;
import java.util.Map;

/**
 * The stage-1 ranking rule: sort keys in order, each "FIELD asc" or "FIELD desc", FIELD one of
 * {@link #FIELDS}; {@code description} says the same in Vietnamese for the screens, and
 * {@code groupLabels} names each of the leaderboard's {@link #GROUPS} as the screens show it.
 */
public record Ranking(List<String> keys, String description, Map<String, String> groupLabels) {

  /** The leaderboard group of the commune-level units (xã, phường, đặc khu). */
  public static final String COMMUNES = "communes";
  /** The leaderboard group of the departments (sở, ban, ngành). */
  public static final String DEPARTMENTS = "departments";
  /** The leaderboard's groups, each ranked on its own. */
  public static final List<String> GROUPS = List.of(COMMUNES, DEPARTMENTS);

  /** What a unit's stage-1 result can be sorted by. */
  public static final List<String> FIELDS = List.of("rate", "avgScore", "reachedAt", "participants");

  /** One parsed sort key. */
  public record Key(String field, boolean descending) {
  }

  public Ranking {
    keys = List.copyOf(keys);
    groupLabels = Map.copyOf(groupLabels);
  }

  /** The label of a leaderboard group ({@link #COMMUNES} or {@link #DEPARTMENTS}), or null. */
  public String groupLabel(String group) {
    return groupLabels.get(group);
  }

  /** The keys split into field and direction (the loader has checked them). */
  public List<Key> sortKeys() {
    return keys.stream().map(key -> {
      String[] parts = key.trim().split("\\s+");
      return new Key(parts[0], parts.length > 1 && parts[1].equals("desc"));
    }).toList();
  }
}
