package diemcau.command;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * A command's arguments, read through typed accessors that name the field in every error.
 * It remembers what was read, so the door can refuse arguments that no handler understood.
 */
public final class Args {

  private final JsonObject json;
  private final Set<String> read = new HashSet<>();

  public Args(JsonObject json) {
    this.json = json == null ? new JsonObject() : json;
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
        throw CommandException.badArgument(field, "unknown argument " + field);
      }
    }
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
