package diemcau.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading upload times")
class UploadTimesTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  @DisplayName("the common ISO form reads the same as java.time, with fractions, Z and negative offsets")
  void commonForm() {
    for (String text : new String[] {"2026-05-28T08:15:00+07:00", "2026-05-28T08:15:00Z", "2026-05-28T08:15:00.5-03:30",
        "2026-05-28T08:15:00.123456789+07:00", "2026-02-28T23:59:59+14:00"}) {
      assertThat(UploadTimes.parse(text, false, ZONE)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    }
  }

  @Test
  @DisplayName("impossible dates and offsets are refused; local times only where a spreadsheet may send them")
  void refused() {
    for (String text : new String[] {"2026-02-30T08:15:00+07:00", "2026-05-28T24:00:00+07:00", "2026-05-28T08:15:00+19:00",
        "2026-05-28T08:15:00+0700x", "28/05/2026 08:15", "hôm qua"}) {
      assertThatThrownBy(() -> UploadTimes.parse(text, false, ZONE)).as(text).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(UploadTimes.parse("28/05/2026 08:15", true, ZONE)).isEqualTo(OffsetDateTime.parse("2026-05-28T08:15:00+07:00").toInstant().toEpochMilli());
    assertThat(UploadTimes.parse("2026-05-28 08:15:30", true, ZONE)).isEqualTo(OffsetDateTime.parse("2026-05-28T08:15:30+07:00").toInstant().toEpochMilli());
  }
}
