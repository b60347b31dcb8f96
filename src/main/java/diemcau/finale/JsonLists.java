package diemcau.finale;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/** Small conversions between stored JSON and Java lists. */
final class JsonLists {

  private JsonLists() {}

  static List<String> strings(JsonArray array) {
    List<String> list = new ArrayList<>();
    array.forEach(item -> list.add((String) item));
    return List.copyOf(list);
  }

  static List<List<String>> stringLists(JsonArray array) {
    List<List<String>> lists = new ArrayList<>();
    array.forEach(item -> lists.add(strings((JsonArray) item)));
    return List.copyOf(lists);
  }

  static JsonArray ofLists(List<List<String>> lists) {
    JsonArray array = new JsonArray();
    lists.forEach(list -> array.add(new JsonArray(new ArrayList<>(list))));
    return array;
  }
}
