package diemcau.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * This machine's CPU time from {@code /proc/stat}, to tell how much of it the hypervisor gave to
 * other guests (steal) during a series of rounds: on a shared virtual machine a noisy neighbour
 * makes the tail of every latency, diemcau's and the bare broadcast's alike.
 */
record CpuTimes(long steal, long total) {

  private static final Path PROC_STAT = Path.of("/proc/stat");

  /** Now, or null where there is no {@code /proc/stat} (not Linux). */
  static CpuTimes now() {
    try {
      List<String> lines = Files.readAllLines(PROC_STAT);
      return lines.isEmpty() ? null : parse(lines.get(0));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The aggregate line: {@code cpu user nice system idle iowait irq softirq steal guest guest_nice}. */
  static CpuTimes parse(String line) {
    String[] fields = line.trim().split("\\s+");
    if (!fields[0].equals("cpu") || fields.length < 9) {
      throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + line);
    }
    long total = 0;
    // guest time is already counted in user and nice
    for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
      total += Long.parseLong(fields[i]);
    }
    return new CpuTimes(Long.parseLong(fields[8]), total);
  }

  /** The share of CPU time stolen from {@code before} to this (percent), or NaN. */
  double stealPercentSince(CpuTimes before) {
    if (before == null || total <= before.total) {
      return Double.NaN;
    }
    return 100.0 * (steal - before.steal) / (total - before.total);
  }
}
