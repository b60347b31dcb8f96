package diemcau.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bench statistics (nearest-rank percentiles)")
class StatsTest {

  @Test
  @DisplayName("p50, p90 and p99 of 1..100 are 50, 90 and 99; min, max and mean are exact")
  void hundredValues() {
    double[] values = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
    Stats stats = Stats.of(values);
    assertThat(stats.count()).isEqualTo(100);
    assertThat(stats.p50()).isEqualTo(50);
    assertThat(stats.p90()).isEqualTo(90);
    assertThat(stats.p99()).isEqualTo(99);
    assertThat(stats.min()).isEqualTo(1);
    assertThat(stats.max()).isEqualTo(100);
    assertThat(stats.mean()).isEqualTo(50.5);
  }

  @Test
  @DisplayName("with fewer than 100 values p99 is the largest, never an interpolation")
  void fewValues() {
    Stats stats = Stats.of(3, 1, 2);
    assertThat(stats.p99()).isEqualTo(3);
    assertThat(stats.p50()).isEqualTo(2);
    assertThat(Stats.of(1, 2, 3, 4).p50()).isEqualTo(2);
  }

  @Test
  @DisplayName("input order does not matter and the caller's array is not reordered")
  void unsortedInput() {
    double[] values = {9, 1, 5, 7, 3};
    Stats stats = Stats.of(values);
    assertThat(stats.p50()).isEqualTo(5);
    assertThat(values).containsExactly(9, 1, 5, 7, 3);
  }

  @Test
  @DisplayName("one value is every percentile")
  void singleValue() {
    Stats stats = Stats.of(4.2);
    assertThat(stats.p50()).isEqualTo(4.2);
    assertThat(stats.p99()).isEqualTo(4.2);
    assertThat(stats.max()).isEqualTo(4.2);
  }

  @Test
  @DisplayName("no values: every figure is NaN, and null in JSON")
  void empty() {
    Stats stats = Stats.of();
    assertThat(stats.count()).isZero();
    assertThat(stats.p99()).isNaN();
    assertThat(stats.toJson().getValue("p99")).isNull();
    assertThat(stats.toJson().getInteger("count")).isZero();
  }

  @Test
  @DisplayName("JSON figures are rounded to two decimals")
  void json() {
    assertThat(Stats.of(1.23456).toJson().getDouble("p50")).isEqualTo(1.23);
  }

  @Test
  @DisplayName("a percentile outside (0, 100] is refused")
  void badPercent() {
    assertThatThrownBy(() -> Stats.rank(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Stats.rank(new double[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Stats.rank(new double[] {1, 2}, 100)).isEqualTo(2);
  }
}
