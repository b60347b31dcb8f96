package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The presentation-order draw")
class DrawTest {

  private static final List<String> FINALISTS = List.of("11560", "10525", "SO-YT", "11779", "10909", "11239");

  @Test
  @DisplayName("gives the order docs/final-draw.md shows for its example seed")
  void documentedExample() {
    assertThat(Draw.order(FINALISTS, 123_456_789L)).containsExactly("11239", "11779", "11560", "SO-YT", "10525", "10909");
  }

  @Test
  @DisplayName("gives the same order for the same seed, whatever order the finalists come in")
  void reproducible() {
    List<String> shuffled = List.of("11239", "SO-YT", "10909", "11560", "11779", "10525");
    for (long seed : new long[] {0, 1, 42, Draw.MAX_SEED}) {
      assertThat(Draw.order(shuffled, seed)).isEqualTo(Draw.order(FINALISTS, seed));
    }
  }

  @Test
  @DisplayName("is a permutation of the finalists, and different seeds give different orders")
  void permutation() {
    Set<List<String>> orders = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      List<String> order = Draw.order(FINALISTS, seed);
      assertThat(order).containsExactlyInAnyOrderElementsOf(FINALISTS);
      orders.add(order);
    }
    assertThat(orders).hasSizeGreaterThan(30);
  }

  @Test
  @DisplayName("makes seeds that JSON and JavaScript carry exactly")
  void seeds() {
    for (int i = 0; i < 100; i++) {
      assertThat(Draw.newSeed()).isBetween(0L, Draw.MAX_SEED);
    }
  }

  @Test
  @DisplayName("the recipe shown in the hall, webroot/redraw.py, gives the server's order for any seed")
  void pythonRecipe() throws Exception {
    List<Long> seeds = List.of(0L, 1L, 42L, 4821L, 123_456_789L, 2026_06_25L, Draw.MAX_SEED);
    for (long seed : seeds) {
      String output = python(Path.of("webroot", "redraw.py").toString(), Long.toString(seed), String.join(",", FINALISTS));
      assertThat(List.of(output.strip().split(","))).as("seed %d", seed).isEqualTo(Draw.order(FINALISTS, seed));
    }
  }

  /** Runs python3 with these arguments; skipped, saying why, where there is no python3. */
  private static String python(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3"));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      Assumptions.abort("python3 is not installed here: the draw's Python recipe is not checked (" + notInstalled.getMessage() + ")");
      throw notInstalled;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }
}
