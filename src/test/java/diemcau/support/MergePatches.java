package diemcau.support;

import io.vertx.core.json.JsonObject;

/** Applies a JSON merge patch (RFC 7386 §2) as a screen does: a new object, neither input changed. */
public final class MergePatches {

  private MergePatches() {}

  public static JsonObject apply(JsonObject target, JsonObject patch) {
    return (JsonObject) merge(target, patch);
  }

  private static Object merge(Object target, Object patch) {
    if (!(patch instanceof JsonObject members)) {
      return patch;
    }
    JsonObject result = target instanceof JsonObject object ? object.copy() : new JsonObject();
    for (String key : members.fieldNames()) {
      Object value = members.getValue(key);
      if (value == null) {
        result.remove(key);
      } else {
        result.put(key, merge(result.getValue(key), value));
      }
    }
    return result;
  }
}
