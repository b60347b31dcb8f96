package diemcau.finale;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 2: the entries in the order they were recorded, the council's score sheet per entry,
 * and the finalists once an admin confirmed them (empty before).
 */
public record Stage2(Map<String, Entry> entries, Map<String, ScoreSheet> council, List<String> finalists) {

  public Stage2 {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    council = Collections.unmodifiableMap(new LinkedHashMap<>(council));
    finalists = List.copyOf(finalists);
  }

  public static Stage2 empty() {
    return new Stage2(Map.of(), Map.of(), List.of());
  }

  public boolean confirmed() {
    return !finalists.isEmpty();
  }

  public Stage2 withEntry(Entry entry) {
    Map<String, Entry> next = new LinkedHashMap<>(entries);
    next.put(entry.unit(), entry);
    return new Stage2(next, council, finalists);
  }

  public Stage2 withoutEntry(String unit) {
    Map<String, Entry> nextEntries = new LinkedHashMap<>(entries);
    nextEntries.remove(unit);
    Map<String, ScoreSheet> nextCouncil = new LinkedHashMap<>(council);
    nextCouncil.remove(unit);
    return new Stage2(nextEntries, nextCouncil, finalists);
  }

  public Stage2 withCouncilScore(String unit, ScoreSheet sheet) {
    Map<String, ScoreSheet> next = new LinkedHashMap<>(council);
    next.put(unit, sheet);
    return new Stage2(entries, next, finalists).withEntry(entries.get(unit).withStatus(Entry.Status.SCORED));
  }

  public Stage2 withFinalists(List<String> units) {
    return new Stage2(entries, council, units);
  }

  public JsonObject toJson() {
    JsonArray entryList = new JsonArray();
    entries.values().forEach(entry -> entryList.add(entry.toJson()));
    JsonObject councilJson = new JsonObject();
    council.forEach((unit, sheet) -> councilJson.put(unit, sheet.toJson()));
    return new JsonObject().put("entries", entryList).put("council", councilJson)
        .put("finalists", new JsonArray(new java.util.ArrayList<>(finalists)));
  }

  public static Stage2 fromJson(JsonObject json) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    json.getJsonArray("entries").forEach(item -> {
      Entry entry = Entry.fromJson((JsonObject) item);
      entries.put(entry.unit(), entry);
    });
    Map<String, ScoreSheet> council = new LinkedHashMap<>();
    json.getJsonObject("council").forEach(item -> council.put(item.getKey(), ScoreSheet.fromJson((JsonObject) item.getValue())));
    return new Stage2(entries, council, JsonLists.strings(json.getJsonArray("finalists")));
  }
}
