package diemcau.finale;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The presentation-order draw, re-runnable by anyone from its published seed
 * (docs/final-draw.md): the finalists' unit codes sorted as strings (by UTF-16 code unit, as
 * Java's {@code String.compareTo}), then shuffled by Fisher–Yates driven by
 * {@code java.util.Random(seed)}: for i from n−1 down to 1, swap positions i and
 * {@code random.nextInt(i + 1)}.
 */
public final class Draw {

  /** Seeds stay below 2^53 so they travel through JSON and JavaScript exactly. */
  public static final long MAX_SEED = (1L << 53) - 1;

  private static final SecureRandom SEEDS = new SecureRandom();

  private Draw() {}

  /** The presentation order that {@code seed} gives these finalists, whatever order they come in. */
  public static List<String> order(List<String> finalists, long seed) {
    List<String> order = new ArrayList<>(finalists);
    order.sort(String::compareTo);
    Random random = new Random(seed);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swapped = order.get(i);
      order.set(i, order.get(j));
      order.set(j, swapped);
    }
    return order;
  }

  /** A fresh unpredictable seed in 0..{@link #MAX_SEED}. */
  public static long newSeed() {
    return SEEDS.nextLong() & MAX_SEED;
  }
}
