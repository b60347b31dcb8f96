package diemcau.bridges;

import java.util.HashMap;
import java.util.Map;

/**
 * Which bridge sites are live, from their screens' sockets: a site is online while one of its
 * screens has been heard from within {@link #STALE_AFTER_MS}, stale when its screens are
 * connected but silent, offline when none is connected. Plain Java; time is passed in.
 */
public final class Presence {

  public static final long STALE_AFTER_MS = 15_000;

  /** A site's status at a given time. */
  public enum Status {
    ONLINE, STALE, OFFLINE;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What is known of one site's screens. */
  public record Site(int screens, Long lastSeen) {}

  private final Map<String, Site> sites = new HashMap<>();

  public void opened(String unit, long now) {
    Site site = site(unit);
    sites.put(unit, new Site(site.screens() + 1, now));
  }

  public void closed(String unit, long now) {
    Site site = site(unit);
    sites.put(unit, new Site(Math.max(0, site.screens() - 1), now));
  }

  public void seen(String unit, long now) {
    Site site = site(unit);
    sites.put(unit, new Site(site.screens(), now));
  }

  public Site site(String unit) {
    return sites.getOrDefault(unit, new Site(0, null));
  }

  public Status status(String unit, long now) {
    Site site = site(unit);
    if (site.screens() == 0) {
      return Status.OFFLINE;
    }
    return now - site.lastSeen() > STALE_AFTER_MS ? Status.STALE : Status.ONLINE;
  }
}
