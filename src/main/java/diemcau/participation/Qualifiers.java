package diemcau.participation;

import java.util.Optional;

/** Where a unit stands against the stage-1 cut line on the newest leaderboard. */
@FunctionalInterface
public interface Qualifiers {

  /** The unit's standing; empty while the leaderboard is still loading. */
  Optional<Stage1Ranking.Qualified> qualified(String unit);
}
