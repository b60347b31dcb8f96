package diemcau.support;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/**
 * Applies a JSON merge patch (RFC 7386 §2) as a screen does: new objects along the patched paths,
 * what the patch does not touch shared with the target, neither input changed.
 */
public final class MergePatches {

  private MergePatches() {}

  public static JsonObject apply(JsonObject target, JsonObject patch) {
    return (JsonObject) merge(target, patch);
  }

  private static Object merge(Object target, Object patch) {
    if (!(patch instanceof JsonObject members)) {
      return patch;
    }
    JsonObject result = target instanceof JsonObject object
        ? new JsonObject(new LinkedHashMap<>(object.getMap())) : new JsonObject();
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
