package diemcau.finale;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;

/** An amount of đồng written in Vietnamese words, as the letters write a prize: "Mười triệu đồng". */
final class AmountInWords {

  private static final ULocale VIETNAMESE = new ULocale("vi");

  private AmountInWords() {}

  static String of(long vnd) {
    // a formatter is not thread-safe, and an export is rare: one per call
    String words = new RuleBasedNumberFormat(VIETNAMESE, RuleBasedNumberFormat.SPELLOUT).format(vnd);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
  }
}
