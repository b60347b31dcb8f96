package diemcau.finale;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jury and its locked score sheets. {@code created} counts judges ever created, so a
 * judge's id ({@code gk1}, {@code gk2}, …) is never given twice.
 */
public record Jury(List<Judge> judges, int created, Map<String, Map<String, JudgeSheet>> sheets) {

  public Jury {
    judges = List.copyOf(judges);
    Map<String, Map<String, JudgeSheet>> copy = new LinkedHashMap<>();
    sheets.forEach((judge, byUnit) -> copy.put(judge, Collections.unmodifiableMap(new LinkedHashMap<>(byUnit))));
    sheets = Collections.unmodifiableMap(copy);
  }

  public static Jury empty() {
    return new Jury(List.of(), 0, Map.of());
  }

  public Optional<Judge> judge(String id) {
    return judges.stream().filter(j -> j.id().equals(id)).findFirst();
  }

  /** The judge's locked sheet for a unit, if any. */
  public Optional<JudgeSheet> sheet(String judge, String unit) {
    return Optional.ofNullable(sheets.getOrDefault(judge, Map.of()).get(unit));
  }

  public Map<String, JudgeSheet> sheetsOf(String judge) {
    return sheets.getOrDefault(judge, Map.of());
  }

  public Jury withJudge(Judge judge) {
    List<Judge> next = new ArrayList<>(judges);
    next.add(judge);
    return new Jury(next, created + 1, sheets);
  }

  public Jury withoutJudge(String id) {
    List<Judge> next = new ArrayList<>(judges);
    next.removeIf(j -> j.id().equals(id));
    Map<String, Map<String, JudgeSheet>> nextSheets = new LinkedHashMap<>(sheets);
    nextSheets.remove(id);
    return new Jury(next, created, nextSheets);
  }

  public Jury withSheet(String judge, String unit, JudgeSheet sheet) {
    Map<String, JudgeSheet> byUnit = new LinkedHashMap<>(sheetsOf(judge));
    byUnit.put(unit, sheet);
    Map<String, Map<String, JudgeSheet>> next = new LinkedHashMap<>(sheets);
    next.put(judge, byUnit);
    return new Jury(judges, created, next);
  }

  public JsonObject toJson() {
    JsonArray judgeList = new JsonArray();
    judges.forEach(judge -> judgeList.add(judge.toJson()));
    JsonObject sheetsJson = new JsonObject();
    sheets.forEach((judge, byUnit) -> {
      JsonObject units = new JsonObject();
      byUnit.forEach((unit, sheet) -> units.put(unit, sheet.toJson()));
      sheetsJson.put(judge, units);
    });
    return new JsonObject().put("judges", judgeList).put("created", created).put("sheets", sheetsJson);
  }

  public static Jury fromJson(JsonObject json) {
    List<Judge> judges = new ArrayList<>();
    json.getJsonArray("judges").forEach(item -> judges.add(Judge.fromJson((JsonObject) item)));
    Map<String, Map<String, JudgeSheet>> sheets = new LinkedHashMap<>();
    json.getJsonObject("sheets").forEach(judge -> {
      Map<String, JudgeSheet> byUnit = new LinkedHashMap<>();
      ((JsonObject) judge.getValue()).forEach(unit -> byUnit.put(unit.getKey(), JudgeSheet.fromJson((JsonObject) unit.getValue())));
      sheets.put(judge.getKey(), byUnit);
    });
    return new Jury(judges, json.getInteger("created"), sheets);
  }
}
