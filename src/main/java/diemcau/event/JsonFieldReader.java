package diemcau.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the fields of a JSON document by type. Every accessor returns the value, or null after
 * recording a {@link Problem} at the field's JSON path (like {@code $.conference.programme[6].start}),
 * so a reader collects every problem of a document instead of stopping at the first. Fields are
 * required unless the accessor says otherwise.
 */
final class JsonFieldReader {

  /** Every object may carry "notes": a string or a list of strings, for people only. */
  static final String NOTES = "notes";

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** An element of an array of objects, with its path and index. */
  record Item(JsonObject object, String path, int index) {
  }

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, String> moved;

  /** {@code moved}: fields of earlier versions of the format, by path, and where their content went. */
  JsonFieldReader(Map<String, String> moved) {
    this.moved = Map.copyOf(moved);
  }

  List<Problem> problems() {
    return problems;
  }

  /** How many problems are recorded so far: a section compares it before and after to know whether it was clean. */
  int problemCount() {
    return problems.size();
  }

  void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  /**
   * The elements of a required array field that are objects, with their paths; other elements
   * are problems. With a {@code noun}, the array must not be empty.
   */
  List<Item> objects(JsonObject parent, String path, String key, String noun) {
    List<Item> items = new ArrayList<>();
    JsonArray array = array(parent, path, key, noun);
    if (array == null) {
      return items;
    }
    String p = at(path, key);
    for (int i = 0; i < array.size(); i++) {
      Object value = array.getValue(i);
      if (value instanceof JsonObject o) {
        items.add(new Item(o, at(p, i), i));
      } else {
        problem(at(p, i), "must be an object, not " + describe(value));
      }
    }
    return items;
  }

  /** A required list; with a {@code noun}, it must not be empty. */
  JsonArray array(JsonObject parent, String path, String key, String noun) {
    JsonArray array = required(parent, path, key, JsonArray.class, "a list [...]");
    if (array != null && noun != null && array.isEmpty()) {
      problem(at(path, key), "must have at least one " + noun);
    }
    return array;
  }

  JsonObject object(JsonObject parent, String path, String key) {
    return required(parent, path, key, JsonObject.class, "an object {...}");
  }

  /** Reports fields other than {@code allowed} and "notes", notes that are not text, and moved fields. */
  void fields(JsonObject o, String path, List<String> allowed) {
    for (String key : o.fieldNames()) {
      String p = at(path, key);
      if (key.equals(NOTES)) {
        Object notes = o.getValue(key);
        boolean ok = notes instanceof String
            || notes instanceof JsonArray list && list.stream().allMatch(n -> n instanceof String);
        if (!ok) {
          problem(p, "must be a string or a list of strings");
        }
      } else if (moved.containsKey(p)) {
        problem(p, moved.get(p));
      } else if (!allowed.contains(key)) {
        problem(p, "unknown field; expected " + String.join(", ", allowed) + " (or notes)");
      }
    }
  }

  /** A non-blank string, stripped. */
  String text(JsonObject o, String path, String key) {
    String text = required(o, path, key, String.class, "a string");
    if (text != null && text.isBlank()) {
      problem(at(path, key), "must not be blank");
      return null;
    }
    return text == null ? null : text.strip();
  }

  /** An optional string, stripped; null when left out. */
  String optionalText(JsonObject o, String path, String key) {
    Object value = o.getValue(key);
    String text = value == null ? null : ofType(value, path, key, String.class, "a string");
    return text == null ? null : text.strip();
  }

  /** An identifier: it goes into links and commands, so letters, digits, '-' and '_' only. */
  String code(JsonObject o, String path, String key) {
    String text = text(o, path, key);
    if (text != null && !CODE.matcher(text).matches()) {
      problem(at(path, key), "\"" + text + "\" must be letters, digits, '-' or '_' only (no spaces or accents)");
      return null;
    }
    return text;
  }

  /** A whole number (10 or 10.0, not 10.5 or "10"). */
  Long whole(JsonObject o, String path, String key) {
    Number n = required(o, path, key, Number.class, "a whole number");
    if (n == null) {
      return null;
    }
    try {
      return new BigDecimal(n.toString()).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      problem(at(path, key), "must be a whole number, not " + n);
      return null;
    }
  }

  /** A finite number. */
  Double number(JsonObject o, String path, String key) {
    Number n = required(o, path, key, Number.class, "a number");
    if (n != null && !Double.isFinite(n.doubleValue())) {
      problem(at(path, key), "must be a number, not " + describe(n));
      return null;
    }
    return n == null ? null : n.doubleValue();
  }

  Boolean bool(JsonObject o, String path, String key) {
    return required(o, path, key, Boolean.class, "true or false");
  }

  /** A date, {@code YYYY-MM-DD}. */
  LocalDate date(JsonObject o, String path, String key) {
    String text = text(o, path, key);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problem(at(path, key), "\"" + text + "\" is not a date like 2026-06-25");
      return null;
    }
  }

  /** A time with an explicit offset, which must be {@code zone}'s offset at that time (unchecked when zone is null). */
  OffsetDateTime time(JsonObject o, String path, String key, ZoneId zone) {
    String text = text(o, path, key);
    if (text == null) {
      return null;
    }
    String p = at(path, key);
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      if (parsesAsLocal(text)) {
        problem(p, "\"" + text + "\" has no UTC offset; write it like 2026-05-27T14:00:00+07:00");
      } else {
        problem(p, "\"" + text + "\" is not a time like 2026-05-27T14:00:00+07:00");
      }
      return null;
    }
    if (zone != null) {
      ZoneOffset expected = zone.getRules().getOffset(time.toInstant());
      if (!expected.equals(time.getOffset())) {
        problem(p, "\"" + text + "\" has offset " + time.getOffset() + " but the event zone " + zone
            + " is at " + expected + " then");
        return null;
      }
    }
    return time;
  }

  /**
   * Records a problem when {@code code}, given in field {@code key} of the item at {@code path},
   * was already given by another item; {@code seen} maps each code so far to its item's path.
   */
  void unique(Map<String, String> seen, String code, String path, String key, String noun) {
    if (code == null) {
      return;
    }
    String earlier = seen.putIfAbsent(code, path);
    if (earlier != null) {
      problem(at(path, key), "duplicate " + noun + " " + code + ", already used by " + earlier);
    }
  }

  /** The value of a required field of {@code type}, or null after recording that it is missing or not {@code what}. */
  private <T> T required(JsonObject o, String path, String key, Class<T> type, String what) {
    Object value = o.getValue(key);
    if (value == null) {
      problem(at(path, key), "is required");
      return null;
    }
    return ofType(value, path, key, type, what);
  }

  /** {@code value} as a {@code type}, or null after recording that it is not {@code what}. */
  private <T> T ofType(Object value, String path, String key, Class<T> type, String what) {
    if (!type.isInstance(value)) {
      problem(at(path, key), "must be " + what + ", not " + describe(value));
      return null;
    }
    return type.cast(value);
  }

  private static boolean parsesAsLocal(String text) {
    try {
      LocalDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The path of field {@code key} of the object at {@code path}. */
  static String at(String path, String key) {
    return PLAIN_KEY.matcher(key).matches() ? path + "." + key : path + "[\"" + key.replace("\"", "\\\"") + "\"]";
  }

  /** The path of element {@code index} of the list at {@code path}. */
  static String at(String path, int index) {
    return path + "[" + index + "]";
  }

  /** A value as a problem names it: "the string \"10\"", "an object", "a list", or the value. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "the string \"" + s + "\"";
    }
    if (value instanceof JsonObject) {
      return "an object";
    }
    if (value instanceof JsonArray) {
      return "a list";
    }
    return value.toString();
  }
}
