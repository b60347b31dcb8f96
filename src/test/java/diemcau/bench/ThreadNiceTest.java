package diemcau.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ThreadNiceTest {

  @Test
  void renicesTheCallingThreadAlone() throws Exception {
    assumeTrue(Files.exists(Path.of("/proc/thread-self")), "no /proc/thread-self: not Linux");
    CompletableFuture<int[]> seen = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        int before = niceOfThisThread();
        // a lower priority (a higher nice) is allowed to every user
        String refused = ThreadNice.set(before + 3);
        assertThat(refused).isNull();
        seen.complete(new int[] {before, niceOfThisThread()});
      } catch (Throwable e) {
        seen.completeExceptionally(e);
      }
    });
    worker.start();
    int[] nice = seen.get();
    assertThat(nice[1]).as("the calling thread's nice").isEqualTo(nice[0] + 3);
    assertThat(niceOfThisThread()).as("another thread's nice is left alone").isEqualTo(nice[0]);
  }

  /** Field 19 of /proc/thread-self/stat; the command name before it may hold spaces, so count from its ')'. */
  private static int niceOfThisThread() throws Exception {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(after[19 - 3]);
  }
}
