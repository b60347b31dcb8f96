package diemcau.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A sweep writes a slice per loop task")
class SweepTest {

  @Test
  @DisplayName("one write each, a slice now and the rest behind what reached the loop meanwhile")
  void slicesLetOtherTasksIn() {
    Integer[] sockets = IntStream.range(0, 600).boxed().toArray(Integer[]::new);
    ArrayDeque<Runnable> loop = new ArrayDeque<>();
    List<Integer> log = new ArrayList<>();
    AtomicLong written = new AtomicLong();

    // a change reaches the loop while the first slice is written; every tenth socket is closed
    Sweep.over(sockets, 256, socket -> {
      if (socket == 100) {
        loop.add(() -> log.add(-1));
      }
      return log.add(socket) && socket % 10 != 0;
    }, written::addAndGet, loop::add);
    assertThat(log).hasSize(256).last().isEqualTo(255);
    assertThat(loop).hasSize(2);

    // the change runs before the next slice
    while (!loop.isEmpty()) {
      loop.poll().run();
    }

    List<Integer> expected = new ArrayList<>(IntStream.range(0, 256).boxed().toList());
    expected.add(-1);
    expected.addAll(IntStream.range(256, 600).boxed().toList());
    assertThat(log).containsExactlyElementsOf(expected);
    assertThat(written.get()).isEqualTo(600 - 60);
  }

  @Test
  @DisplayName("a snapshot no larger than a slice is written at once, nothing queued")
  void smallSweepIsOneTask() {
    ArrayDeque<Runnable> loop = new ArrayDeque<>();
    AtomicLong written = new AtomicLong();
    Sweep.over(new String[] {"hall", "bridge"}, 256, socket -> true, written::addAndGet, loop::add);
    assertThat(written.get()).isEqualTo(2);
    assertThat(loop).isEmpty();
  }
}
