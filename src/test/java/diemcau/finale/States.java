package diemcau.finale;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Final states for tests of the pure parts, built without commands. */
final class States {

  /** Ten communes and one department of the shipped event; the first six are the finalists. */
  static final List<String> STAGE2 = List.of("11560", "10525", "11239", "10909", "11002", "11779",
      "11311", "11329", "11914", "10546", "SO-YT");
  static final List<String> FINALISTS = STAGE2.subList(0, 6);

  private States() {}

  /** A one-criterion sheet with this total. */
  static ScoreSheet sheet(String total) {
    return new ScoreSheet(Map.of("x", new BigDecimal(total).setScale(ScoreSheet.SCALE)));
  }

  /**
   * Stage 2 done (council totals 90, 89, … down the list), finalists confirmed, and judges
   * {@code gk1..} with {@code totals[f][j]}: judge j's total for finalist f (null: not scored).
   */
  static FinalState judged(String[][] totals) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    Map<String, ScoreSheet> council = new LinkedHashMap<>();
    for (int i = 0; i < STAGE2.size(); i++) {
      String unit = STAGE2.get(i);
      entries.put(unit, new Entry(unit, "Bài dự thi " + unit, "Người đại diện", "0900000000", Entry.Channel.EMAIL, 0,
          Entry.Status.SCORED));
      council.put(unit, sheet(Integer.toString(90 - i)));
    }
    Jury jury = Jury.empty();
    for (int j = 0; j < totals[0].length; j++) {
      jury = jury.withJudge(new Judge("gk" + (j + 1), "Giám khảo " + (j + 1), "h" + j, 0));
    }
    for (int f = 0; f < totals.length; f++) {
      for (int j = 0; j < totals[f].length; j++) {
        if (totals[f][j] != null) {
          jury = jury.withSheet("gk" + (j + 1), FINALISTS.get(f), new JudgeSheet(sheet(totals[f][j]), 0, "gk" + (j + 1), 0));
        }
      }
    }
    return new FinalState(new Stage2(entries, council, FINALISTS), null, jury, List.of(), null);
  }
}
