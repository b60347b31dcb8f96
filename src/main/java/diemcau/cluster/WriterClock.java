package diemcau.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The node's clock corrected by its measured offset to the writer's: screens sync their countdowns
 * to the node they are connected to (its pongs), and the writer's frames carry the writer's time,
 * so every node answers in the writer's time. On the writer the offset is 0.
 */
public final class WriterClock extends Clock {

  private final Clock base;
  private volatile long offsetMs;

  public WriterClock(Clock base) {
    this.base = base;
  }

  /** The uncorrected clock's time. */
  long base() {
    return base.millis();
  }

  void offset(long ms) {
    offsetMs = ms;
  }

  @Override
  public long millis() {
    return base.millis() + offsetMs;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return base.withZone(zone);
  }
}
