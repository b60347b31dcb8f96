package diemcau.live;

import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * One write to each socket of a snapshot, a slice per event-loop task: the first slice now, each
 * next one queued behind whatever reached the loop meanwhile. A change, a command or a hello that
 * arrives during a sweep over thousands of viewers then waits for one slice, not for the sweep.
 */
final class Sweep<T> {

  private final T[] items;
  private final int slice;
  private final Predicate<? super T> write;
  private final LongConsumer written;
  private final Executor loop;

  private Sweep(T[] items, int slice, Predicate<? super T> write, LongConsumer written, Executor loop) {
    this.items = items;
    this.slice = slice;
    this.write = write;
    this.written = written;
    this.loop = loop;
  }

  /**
   * Sweeps {@code items} ({@code write} true when it wrote), telling {@code written} how many
   * writes each slice made, the rest queued on {@code loop}.
   */
  static <T> void over(T[] items, int slice, Predicate<? super T> write, LongConsumer written, Executor loop) {
    new Sweep<>(items, slice, write, written, loop).from(0);
  }

  private void from(int start) {
    int end = Math.min(items.length, start + slice);
    long count = 0;
    for (int i = start; i < end; i++) {
      if (write.test(items[i])) {
        count++;
      }
    }
    written.accept(count);
    if (end < items.length) {
      loop.execute(() -> from(end));
    }
  }
}
