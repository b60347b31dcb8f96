package diemcau.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Sets the Linux scheduling priority (nice) of the calling thread. Java has no API for it, and a
 * JVM maps its thread priorities to nothing unless started with flags the bench cannot add to
 * itself, so it asks {@code renice} with the thread's own id, read from {@code /proc/thread-self}.
 */
final class ThreadNice {

  private ThreadNice() {}

  /**
   * Renices the calling thread to {@code nice}; null when done, else why not (another OS, no
   * {@code renice}, or a raise refused: below 0 needs root or CAP_SYS_NICE).
   */
  static String set(int nice) {
    try {
      String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
      String tid = self.substring(self.lastIndexOf('/') + 1);
      Process renice = new ProcessBuilder("renice", "-n", String.valueOf(nice), "-p", tid)
          .redirectErrorStream(true)
          .start();
      String said = new String(renice.getInputStream().readAllBytes()).trim();
      if (!renice.waitFor(10, TimeUnit.SECONDS)) {
        renice.destroyForcibly();
        return "renice did not finish";
      }
      return renice.exitValue() == 0 ? null : said.isEmpty() ? "renice exited " + renice.exitValue() : said;
    } catch (Exception e) {
      return e.toString();
    }
  }
}
