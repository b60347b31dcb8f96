package diemcau.participation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one uploaded row (field name → value) into a {@link Person}, or lists everything wrong
 * with it. Shared by the JSON and the CSV door, so both accept the same data. Thread-safe.
 */
final class RowReader {

  /** The fields of a person record, as the JSON door and the default CSV header name them. */
  static final List<String> FIELDS = List.of("unit", "person", "name", "enrolledAt", "completedAt", "score", "lastActivityAt");
  static final int MAX_PERSON = 128;
  static final int MAX_NAME = 200;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  /**
   * A score's digits after the point that are read at all: rounding {@code 1e-20000000} to two
   * places would cost seconds of CPU, and no platform writes a score past a dozen decimals.
   */
  static final int MAX_SCORE_SCALE = 12;
  /** Whole numbers read as an id (a person id the spreadsheet turned into a number): up to 15 digits, exact in a double. */
  private static final double MAX_WHOLE_ID = 1e15;

  private final Set<String> units;
  private final ZoneId zone;
  private final boolean localTimes;

  /** {@code localTimes}: also accept times without an offset, read in {@code zone} (spreadsheet exports). */
  RowReader(Set<String> units, ZoneId zone, boolean localTimes) {
    this.units = Set.copyOf(units);
    this.zone = zone;
    this.localTimes = localTimes;
  }

  /** The person of {@code row}, or null after adding its errors to {@code errors}. */
  Person read(int position, Map<String, Object> row, List<RowError> errors) {
    Row reading = new Row(position, row, errors);
    String unit = reading.text("unit", 32);
    if (unit == null) {
      reading.failIfFine("unit", "missing", "unit code is missing");
    } else if (!units.contains(unit)) {
      reading.fail("unit", "unknown_unit", "unknown unit code: " + UploadTimes.shorten(unit));
    }
    String person = reading.text("person", MAX_PERSON);
    if (person == null) {
      reading.failIfFine("person", "missing", "person id is missing");
    }
    String name = reading.text("name", MAX_NAME);
    Long enrolledAt = reading.time("enrolledAt");
    Long completedAt = reading.time("completedAt");
    Long lastActivityAt = reading.time("lastActivityAt");
    Integer score = reading.score();
    if (enrolledAt != null && completedAt != null && completedAt < enrolledAt) {
      reading.fail("completedAt", "before_enrolled", "completedAt is before enrolledAt");
    }
    if (lastActivityAt == null) {
      lastActivityAt = latest(enrolledAt, completedAt);
      if (lastActivityAt == null && !reading.failed("enrolledAt") && !reading.failed("completedAt")) {
        reading.fail("lastActivityAt", "missing", "lastActivityAt is missing (and so are enrolledAt and completedAt)");
      }
    }
    if (reading.failures > 0) {
      return null;
    }
    return new Person(person, unit, name, enrolledAt, completedAt, score, lastActivityAt);
  }

  private static Long latest(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
  }

  /** One row being read: its values and the errors found so far. */
  private final class Row {
    private final int position;
    private final Map<String, Object> values;
    private final List<RowError> errors;
    private final Set<String> failedFields = new HashSet<>();
    private int failures;

    Row(int position, Map<String, Object> values, List<RowError> errors) {
      this.position = position;
      this.values = values;
      this.errors = errors;
    }

    void fail(String field, String code, String reason) {
      failures++;
      failedFields.add(field);
      errors.add(new RowError(position, field, code, reason));
    }

    /** Fails {@code field} unless it has failed already (a value that is there but wrong is not also missing). */
    void failIfFine(String field, String code, String reason) {
      if (!failed(field)) {
        fail(field, code, reason);
      }
    }

    boolean failed(String field) {
      return failedFields.contains(field);
    }

    String text(String field, int max) {
      Object value = values.get(field);
      String text;
      if (value == null) {
        return null;
      } else if (value instanceof String string) {
        text = string.strip();
      } else if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
          && Math.abs(number.doubleValue()) < MAX_WHOLE_ID) {
        text = Long.toString(number.longValue());
      } else {
        fail(field, "not_text", field + " must be text, got " + UploadTimes.shorten(String.valueOf(value)));
        return null;
      }
      if (text.isEmpty()) {
        return null;
      }
      if (text.length() > max) {
        fail(field, "too_long", field + " is longer than " + max + " characters");
        return null;
      }
      return text;
    }

    Long time(String field) {
      Object value = values.get(field);
      if (value == null || value instanceof String text && text.isBlank()) {
        return null;
      }
      if (!(value instanceof String text)) {
        fail(field, "bad_time", field + " must be a time as text, got " + UploadTimes.shorten(String.valueOf(value)));
        return null;
      }
      try {
        return UploadTimes.parse(text.strip(), localTimes, zone);
      } catch (IllegalArgumentException e) {
        fail(field, "bad_time", field + " " + e.getMessage());
        return null;
      }
    }

    Integer score() {
      Object value = values.get("score");
      if (value == null || value instanceof String text && text.isBlank()) {
        return null;
      }
      BigDecimal score;
      try {
        score = value instanceof Number number ? new BigDecimal(number.toString())
            : value instanceof String text ? new BigDecimal(text.strip().replace(',', '.')) : null;
      } catch (NumberFormatException e) {
        score = null;
      }
      if (score == null || Math.abs(score.scale()) > MAX_SCORE_SCALE) {
        fail("score", "bad_score", "score must be a number from 0 to 100 with at most " + MAX_SCORE_SCALE + " decimals, got "
            + UploadTimes.shorten(String.valueOf(value)));
        return null;
      }
      if (score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
        fail("score", "bad_score", "score is out of range 0..100: " + score.toPlainString());
        return null;
      }
      return score.movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
  }
}
