package diemcau.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * JSON merge patches (RFC 7386) between two versions of a topic's data: members replace, a null
 * member deletes, arrays replace whole. Written over Vert.x's own {@link JsonObject}s so a change
 * is compared as the cores built it, without a round trip through another JSON library.
 */
public final class MergePatch {

  private MergePatch() {}

  /**
   * The merge patch that turns {@code source} into {@code target}, empty when they are equal, or
   * null when none can: a merge patch cannot set a member to null (null deletes), so a target
   * with a null member that the source did not hold as null is sent whole.
   */
  public static JsonObject diff(JsonObject source, JsonObject target) {
    JsonObject patch = new JsonObject();
    for (String key : source.fieldNames()) {
      if (!target.containsKey(key)) {
        patch.putNull(key);
      }
    }
    for (String key : target.fieldNames()) {
      Object to = target.getValue(key);
      Object from = source.getValue(key);
      if (to == null) {
        if (from != null || !source.containsKey(key)) {
          return null;
        }
      } else if (to instanceof JsonObject toObject && from instanceof JsonObject fromObject) {
        JsonObject inner = diff(fromObject, toObject);
        if (inner == null) {
          return null;
        }
        if (!inner.isEmpty()) {
          patch.put(key, inner);
        }
      } else if (!same(from, to)) {
        if (to instanceof JsonObject added && holdsNull(added)) {
          return null;
        }
        patch.put(key, to);
      }
    }
    return patch;
  }

  /** True when some member of {@code object}, at any depth outside arrays, is null. */
  private static boolean holdsNull(JsonObject object) {
    for (String key : object.fieldNames()) {
      Object value = object.getValue(key);
      if (value == null || value instanceof JsonObject inner && holdsNull(inner)) {
        return true;
      }
    }
    return false;
  }

  /** Equal as JSON: numbers by value whatever their Java type, objects and arrays member by member. */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return isIntegral(x) && isIntegral(y) ? x.longValue() == y.longValue() : x.doubleValue() == y.doubleValue();
    }
    if (a instanceof JsonArray || a instanceof JsonObject) {
      return a.equals(b);
    }
    return Objects.equals(a, b);
  }

  private static boolean isIntegral(Number number) {
    return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte;
  }
}
