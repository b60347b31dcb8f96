package diemcau.bridges;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bridge presence")
class PresenceTest {

  private final Presence presence = new Presence();

  @Test
  @DisplayName("a site is offline until a screen opens, online while heard from, stale after 15 s of silence")
  void statuses() {
    assertThat(presence.status("11560", 0)).isEqualTo(Presence.Status.OFFLINE);
    presence.opened("11560", 1_000);
    assertThat(presence.status("11560", 1_000)).isEqualTo(Presence.Status.ONLINE);
    assertThat(presence.status("11560", 16_000)).isEqualTo(Presence.Status.ONLINE);
    assertThat(presence.status("11560", 16_001)).isEqualTo(Presence.Status.STALE);
    presence.seen("11560", 16_500);
    assertThat(presence.status("11560", 16_501)).isEqualTo(Presence.Status.ONLINE);
  }

  @Test
  @DisplayName("screens are counted; the site goes offline only when the last one closes, keeping its last-seen time")
  void screens() {
    presence.opened("11557", 1_000);
    presence.opened("11557", 2_000);
    assertThat(presence.site("11557").screens()).isEqualTo(2);
    presence.closed("11557", 3_000);
    assertThat(presence.status("11557", 3_000)).isEqualTo(Presence.Status.ONLINE);
    presence.closed("11557", 4_000);
    assertThat(presence.status("11557", 4_000)).isEqualTo(Presence.Status.OFFLINE);
    assertThat(presence.site("11557").lastSeen()).isEqualTo(4_000);
    presence.closed("11557", 5_000);
    assertThat(presence.site("11557").screens()).isZero();
  }
}
