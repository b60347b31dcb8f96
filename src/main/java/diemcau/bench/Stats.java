package diemcau.bench;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * Order statistics of a sample (milliseconds, seconds, any unit). Percentiles use the
 * nearest-rank method: p99 of 50 values is the 50th smallest, never an interpolation, so a
 * reported figure is always one that was measured.
 */
public record Stats(int count, double min, double p50, double p90, double p99, double max, double mean) {

  public static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  public static Stats of(double... values) {
    if (values.length == 0) {
      return EMPTY;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double value : sorted) {
      sum += value;
    }
    return new Stats(sorted.length, sorted[0], rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
        sorted[sorted.length - 1], sum / sorted.length);
  }

  /** The nearest-rank {@code percent} percentile of an ascending array (1 ≤ percent ≤ 100). */
  public static double rank(double[] sorted, double percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(1, rank) - 1];
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("count", count)
        .put("min", round(min))
        .put("p50", round(p50))
        .put("p90", round(p90))
        .put("p99", round(p99))
        .put("max", round(max))
        .put("mean", round(mean));
  }

  /** Two decimals, or null for NaN (JSON has no NaN). */
  static Double round(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 100) / 100.0;
  }
}
