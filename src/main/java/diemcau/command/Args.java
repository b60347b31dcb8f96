package diemcau.command;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's arguments, read through typed accessors that name the field in every error.
 * It remembers what was read, so the door can refuse arguments that no handler understood.
 */
public final class Args {

  /** One user-perceived character: an extended grapheme cluster ("ệ" typed as e + two marks is one). */
  private static final Pattern CHARACTER = Pattern.compile("\\X");

  private final JsonObject json;
  private final CommandRequest.Attachment attachment;
  private final Set<String> read = new HashSet<>();

  public Args(JsonObject json) {
    this(json, null);
  }

  /** {@code attachment}: what the command carries besides its arguments, or null. */
  public Args(JsonObject json, CommandRequest.Attachment attachment) {
    this.json = json == null ? new JsonObject() : json;
    this.attachment = attachment;
  }

  /** The command's attachment of {@code type}, or empty when it carries none (it came through a door that sends none). */
  public <T extends CommandRequest.Attachment> java.util.Optional<T> attachment(Class<T> type) {
    return type.isInstance(attachment) ? java.util.Optional.of(type.cast(attachment)) : java.util.Optional.empty();
  }

  public JsonObject json() {
    return json;
  }

  public Integer optInt(String field) {
    read.add(field);
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
      return number.intValue();
    }
    throw CommandException.badArgument(field, field + " must be an integer, got " + describe(value));
  }

  public int requireInt(String field) {
    Integer value = optInt(field);
    if (value == null) {
      throw CommandException.badArgument(field, field + " is required");
    }
    return value;
  }

  public long requireLong(String field) {
    read.add(field);
    Object value = json.getValue(field);
    if (value == null) {
      throw CommandException.badArgument(field, field + " is required");
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) < 9.0e15) {
      return number.longValue();
    }
    throw CommandException.badArgument(field, field + " must be an integer, got " + describe(value));
  }

  public String optString(String field) {
    read.add(field);
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    throw CommandException.badArgument(field, field + " must be a string, got " + describe(value));
  }

  public String requireString(String field) {
    String value = optString(field);
    if (value == null || value.isBlank()) {
      throw CommandException.badArgument(field, field + " is required");
    }
    return value;
  }

  /**
   * Text a person typed and a screen or an export will show, or null when absent or blank: stripped,
   * NFC-normalised, at most {@code max} characters counted as a reader counts them (grapheme
   * clusters, not UTF-16 units), and free of what a reader cannot see but a screen obeys:
   * control characters (NUL, line breaks, ...), bidirectional embeddings, overrides and isolates
   * (U+202A–U+202E, U+2066–U+2069), lone surrogates and non-characters.
   */
  public String optText(String field, int max) {
    String given = optString(field);
    if (given == null || given.isBlank()) {
      return null;
    }
    String text = Normalizer.normalize(given.strip(), Normalizer.Form.NFC);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      String refused = refusedCharacter(c);
      if (refused != null) {
        throw new CommandException(400, "bad_text", field,
            field + " contains " + refused + String.format(" (U+%04X)", c) + " at character " + (characters(text.substring(0, i)) + 1));
      }
      i += Character.charCount(c);
    }
    int length = characters(text);
    if (length > max) {
      throw CommandException.badArgument(field, field + " is " + length + " characters, at most " + max);
    }
    return text;
  }

  /** {@link #optText}, required. */
  public String requireText(String field, int max) {
    String text = optText(field, max);
    if (text == null) {
      throw CommandException.badArgument(field, field + " is required");
    }
    return text;
  }

  /** How many characters a reader sees in {@code text}. */
  public static int characters(String text) {
    Matcher matcher = CHARACTER.matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  private static String refusedCharacter(int c) {
    if (Character.getType(c) == Character.CONTROL) {
      return "a control character";
    }
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
      return "a bidirectional control character";
    }
    if (Character.getType(c) == Character.SURROGATE) {
      return "a lone surrogate";
    }
    if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) {
      return "a non-character";
    }
    return null;
  }

  public Boolean optBoolean(String field) {
    read.add(field);
    Object value = json.getValue(field);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw CommandException.badArgument(field, field + " must be true or false, got " + describe(value));
  }

  /** An optional list, null when absent. */
  public JsonArray optArray(String field) {
    read.add(field);
    Object value = json.getValue(field);
    if (value == null || value instanceof JsonArray) {
      return (JsonArray) value;
    }
    throw CommandException.badArgument(field, field + " must be a list, got " + describe(value));
  }

  public JsonObject requireObject(String field) {
    read.add(field);
    Object value = json.getValue(field);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw CommandException.badArgument(field, field + (value == null ? " is required" : " must be an object"));
  }

  /** Refuses any argument that the handler did not read. */
  public void requireNoOthers() {
    for (String field : json.fieldNames()) {
      if (!read.contains(field)) {
        throw CommandException.badArgument(field, "unknown argument \"" + describe(field) + "\" ("
            + (read.isEmpty() ? "this command takes none" : "it takes " + String.join(", ", new java.util.TreeSet<>(read))) + ")");
      }
    }
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
