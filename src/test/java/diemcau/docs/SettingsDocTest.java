package diemcau.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's settings table against the options the server reads (flags with their DIEMCAU_* variables). */
@DisplayName("README settings: every flag the server reads, with its variable, on one row")
class SettingsDocTest {

  /** A picocli option whose default comes from a variable: names = "--flag", defaultValue = "${env:DIEMCAU_X…}". */
  private static final Pattern OPTION =
      Pattern.compile("names\\s*=\\s*\"(--[a-z-]+)\"[^)]*?\\$\\{env:(DIEMCAU_[A-Z_]+)");

  @Test
  @DisplayName("each option's variable and flag are on the same row of the README's settings table")
  void everySetting() {
    List<String[]> options = new ArrayList<>();
    for (String code : Sources.mainCode()) {
      Matcher m = OPTION.matcher(code);
      while (m.find()) {
        options.add(new String[] {m.group(1), m.group(2)});
      }
    }
    assertThat(options).as("options read from the sources").hasSizeGreaterThan(10);
    List<String> rows = Sources.read("README.md").lines().filter(line -> line.startsWith("| `DIEMCAU_")).toList();
    List<String> missing = new ArrayList<>();
    for (String[] option : options) {
      boolean listed = rows.stream().anyMatch(row -> row.contains("`" + option[1] + "`") && row.contains("`" + option[0] + "`"));
      if (!listed) {
        missing.add(option[1] + " / " + option[0]);
      }
    }
    assertThat(missing).as("settings the README's table does not list").isEmpty();
  }
}
