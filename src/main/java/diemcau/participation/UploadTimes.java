package diemcau.participation;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads the times of an upload. ISO-8601 with an offset ({@code 2026-05-28T08:15:00+07:00}) is
 * always accepted; a spreadsheet export may also give local times
 * ({@code 2026-05-28 08:15[:00]}, {@code 28/05/2026 08:15[:00]}), read in the event's zone.
 */
final class UploadTimes {

  private static final List<DateTimeFormatter> LOCAL = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE_TIME,
      DateTimeFormatter.ofPattern("uuuu-MM-dd H:mm[:ss]"),
      DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]"));

  private UploadTimes() {}

  /** Epoch ms of {@code text}; throws {@link IllegalArgumentException} with the accepted forms. */
  static long parse(String text, boolean allowLocal, ZoneId zone) {
    Long common = commonForm(text);
    if (common != null) {
      return common;
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException notOffset) {
      if (allowLocal) {
        for (DateTimeFormatter format : LOCAL) {
          try {
            return LocalDateTime.parse(text, format).atZone(zone).toInstant().toEpochMilli();
          } catch (DateTimeParseException ignored) {
            // try the next form
          }
        }
      }
    }
    throw new IllegalArgumentException("is not a time: " + shorten(text) + " (use ISO-8601 with offset, e.g. 2026-05-28T08:15:00+07:00"
        + (allowLocal ? ", or 2026-05-28 08:15 / 28/05/2026 08:15 in the event's zone, " + zone.getId() + ")" : ")"));
  }

  /**
   * The form exports use nearly always, {@code 2026-05-28T08:15:00[.fff](+07:00|Z)}, read without
   * a formatter (an import reads hundreds of thousands); null for any other form.
   */
  private static Long commonForm(String text) {
    int length = text.length();
    int zoneAt = 19;
    if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int nanos = 0;
    if (text.charAt(19) == '.') {
      zoneAt = 20;
      int scale = 100_000_000;
      while (zoneAt < length && Character.isDigit(text.charAt(zoneAt)) && scale > 0) {
        nanos += (text.charAt(zoneAt++) - '0') * scale;
        scale /= 10;
      }
    }
    int offsetSeconds;
    if (zoneAt == length - 1 && text.charAt(zoneAt) == 'Z') {
      offsetSeconds = 0;
    } else if (zoneAt == length - 6 && (text.charAt(zoneAt) == '+' || text.charAt(zoneAt) == '-') && text.charAt(zoneAt + 3) == ':') {
      int hours = digits(text, zoneAt + 1, 2);
      int minutes = digits(text, zoneAt + 4, 2);
      if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
        return null;
      }
      offsetSeconds = (text.charAt(zoneAt) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    } else {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds)).toEpochMilli();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The non-negative number in {@code count} digits at {@code from}, or -1. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
