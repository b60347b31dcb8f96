package diemcau.web;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each client address is doing, shared by every event loop: how many connections it holds
 * (sockets identified by a token or a key not counted) and how many wrong tokens or keys it has
 * presented this minute. An address over either limit is logged once a minute and counted in
 * {@code /api/metrics}; what it may still do is decided by the doors ({@link ConnectionWatch},
 * {@link Http#bearer}, {@link SocketDoor}'s caller): a right token or key always gets in.
 *
 * <p>Thread-safe; its figures are read by the metrics endpoint from any thread.
 */
public final class AddressGuard {

  private static final Logger LOG = LoggerFactory.getLogger(AddressGuard.class);
  public static final long WINDOW_MS = 60_000;

  /** One address's wrong credentials in its current minute; {@code logged} once it went over. */
  private static final class Failures {
    long start;
    int count;
    boolean logged;
  }

  private final ConnectionLimits limits;
  private final Clock clock;
  private final Map<String, Integer> connections = new ConcurrentHashMap<>();
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  /** When each address at its connection cap was last logged. */
  private final Map<String, Long> capLogged = new ConcurrentHashMap<>();
  private final AtomicLong authFailures = new AtomicLong();
  private final AtomicLong authThrottled = new AtomicLong();
  private final AtomicLong overCap = new AtomicLong();
  private final AtomicLong capRefused = new AtomicLong();
  private final AtomicLong requestTimeouts = new AtomicLong();

  public AddressGuard(ConnectionLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  public ConnectionLimits limits() {
    return limits;
  }

  /**
   * A connection from {@code address} opens: true if it is counted within the address's budget,
   * false if the address already holds {@code connectionsPerAddress} (the connection is then let
   * in only with a right token or key).
   */
  boolean admit(String address) {
    boolean[] admitted = {false};
    connections.compute(address, (key, held) -> {
      int now = held == null ? 0 : held;
      if (now >= limits.connectionsPerAddress()) {
        return held;
      }
      admitted[0] = true;
      return now + 1;
    });
    if (!admitted[0]) {
      overCap.incrementAndGet();
      long at = clock.millis();
      Long last = capLogged.get(address);
      if (last == null || at - last >= WINDOW_MS) {
        capLogged.put(address, at);
        LOG.warn("connections: {} holds {} connections, the most one address may hold (DIEMCAU_MAX_CONNECTIONS_PER_ADDRESS); "
            + "its new ones get in only with a right token or key", address, limits.connectionsPerAddress());
      }
    }
    return admitted[0];
  }

  /** A counted connection from {@code address} closed, or was identified. */
  void release(String address) {
    connections.computeIfPresent(address, (key, held) -> held <= 1 ? null : held - 1);
  }

  /** A connection over its address's cap was refused: it showed no right token or key. */
  void refusedOverCap() {
    capRefused.incrementAndGet();
  }

  /** A connection that never sent a whole request head in time was closed. */
  void requestTimedOut() {
    requestTimeouts.incrementAndGet();
  }

  /**
   * {@code address} presented a wrong token or key. True when it is over its minute's budget: the
   * answer is then 429, a second late. Logged once per address and minute.
   */
  public boolean failed(String address) {
    authFailures.incrementAndGet();
    long now = clock.millis();
    Failures window = failures.computeIfAbsent(address, key -> new Failures());
    int count;
    boolean log = false;
    synchronized (window) {
      if (now - window.start >= WINDOW_MS) {
        window.start = now;
        window.count = 0;
        window.logged = false;
      }
      count = ++window.count;
      if (count > limits.authFailuresPerMinute() && !window.logged) {
        window.logged = true;
        log = true;
      }
    }
    if (log) {
      LOG.warn("auth: {} presented {} wrong tokens or keys within a minute (DIEMCAU_MAX_AUTH_FAILURES is {}): "
          + "its further wrong ones are answered 429 a second late", address, count, limits.authFailuresPerMinute());
    }
    boolean over = count > limits.authFailuresPerMinute();
    if (over) {
      authThrottled.incrementAndGet();
    }
    return over;
  }

  /** Forgets the minutes that are over, so addresses that went away take no memory. */
  public void sweep() {
    long now = clock.millis();
    failures.values().removeIf(window -> {
      synchronized (window) {
        return now - window.start >= WINDOW_MS;
      }
    });
    capLogged.values().removeIf(at -> now - at >= WINDOW_MS);
  }

  /** Wrong tokens or keys presented since start. */
  public long authFailures() {
    return authFailures.get();
  }

  /** Wrong tokens or keys answered 429 (their address over its minute's budget) since start. */
  public long authThrottled() {
    return authThrottled.get();
  }

  /** Connections refused at their address's cap (no right token or key) since start. */
  public long connectionsRefused() {
    return capRefused.get();
  }

  /** Connections closed for not sending a whole request head in time, since start. */
  public long requestTimeouts() {
    return requestTimeouts.get();
  }

  /** The figures for {@code /api/metrics}. */
  public JsonObject toJson() {
    long now = clock.millis();
    long throttled = failures.values().stream().filter(window -> {
      synchronized (window) {
        return now - window.start < WINDOW_MS && window.count > limits.authFailuresPerMinute();
      }
    }).count();
    int atCap = (int) connections.values().stream().filter(held -> held >= limits.connectionsPerAddress()).count();
    return new JsonObject()
        .put("authFailures", authFailures.get())
        .put("authThrottled", authThrottled.get())
        .put("addressesThrottled", throttled)
        .put("connectionsOverCap", overCap.get())
        .put("connectionsRefused", capRefused.get())
        .put("addressesAtCap", atCap)
        .put("requestTimeouts", requestTimeouts.get())
        .put("limits", new JsonObject()
            .put("requestTimeoutSeconds", limits.requestTimeoutSeconds())
            .put("idleTimeoutSeconds", limits.idleTimeoutSeconds())
            .put("connectionsPerAddress", limits.connectionsPerAddress())
            .put("authFailuresPerMinute", limits.authFailuresPerMinute())
            .put("proxyProtocol", limits.proxyProtocol()));
  }
}
