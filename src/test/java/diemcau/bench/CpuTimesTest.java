package diemcau.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CPU time stolen by the hypervisor, from /proc/stat")
class CpuTimesTest {

  @Test
  @DisplayName("steal is the eighth field; guest time is not counted twice in the total")
  void parsesTheAggregateLine() {
    CpuTimes times = CpuTimes.parse("cpu  131261 2854 52487 607447 982 0 27002 7798 500 0");
    assertThat(times.steal()).isEqualTo(7798);
    assertThat(times.total()).isEqualTo(131261 + 2854 + 52487 + 607447 + 982 + 0 + 27002 + 7798);
  }

  @Test
  @DisplayName("the share stolen between two readings, in percent; none when no time passed")
  void stealPercent() {
    CpuTimes before = CpuTimes.parse("cpu 100 0 100 700 0 0 0 100 0 0");
    CpuTimes after = CpuTimes.parse("cpu 200 0 200 1300 0 0 0 300 0 0");
    assertThat(after.stealPercentSince(before)).isEqualTo(20.0);
    assertThat(before.stealPercentSince(before)).isNaN();
    assertThat(after.stealPercentSince(null)).isNaN();
  }

  @Test
  @DisplayName("a line that is not the aggregate cpu line is refused, naming it")
  void refusesOtherLines() {
    assertThatThrownBy(() -> CpuTimes.parse("cpu0 1 2 3 4 5 6 7 8"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu0 1 2");
  }

  @Test
  @DisplayName("on Linux this machine's counters are read")
  void readsThisMachine() {
    CpuTimes now = CpuTimes.now();
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertThat(now).isNotNull();
      assertThat(now.total()).isPositive();
      assertThat(now.steal()).isBetween(0L, now.total());
    } else {
      assertThat(now).isNull();
    }
  }
}
