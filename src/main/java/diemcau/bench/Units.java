package diemcau.bench;

/** The report's units: megabytes, kilobytes per viewer, four decimals. */
final class Units {

  private Units() {}

  static Double mb(long bytes) {
    return Stats.round(bytes / (1024.0 * 1024.0));
  }

  static Double perKB(long bytes, int count) {
    return count == 0 ? null : Stats.round(bytes / 1024.0 / count);
  }

  static Double round4(double value) {
    return Double.isFinite(value) ? Math.round(value * 10_000) / 10_000.0 : null;
  }
}
