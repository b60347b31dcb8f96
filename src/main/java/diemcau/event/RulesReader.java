package diemcau.event;

import static diemcau.event.JsonFieldReader.at;
import static diemcau.event.JsonFieldReader.describe;

import diemcau.event.JsonFieldReader.Item;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how an event file says the contest is decided: the quotas, the prizes, the final's rubric
 * and scoring rule, and the stage-1 ranking rule. A section that depends on another (the prizes
 * on the quotas, the quotas on the units) is checked against it only when that one had no
 * problem, so one mistake is not reported again and again.
 */
final class RulesReader {

  private static final Pattern SORT_KEY = Pattern.compile("\\s*(\\S+)\\s+(asc|desc)\\s*");

  private final JsonFieldReader json;
  /** Set only when the quotas had no problem. */
  private Quotas checkedQuotas;

  RulesReader(JsonFieldReader json) {
    this.json = json;
  }

  /** The quotas when they had no problem, else null. */
  Quotas checkedQuotas() {
    return checkedQuotas;
  }

  /** {@code communeCount}, {@code departmentCount}: the units of each group, null when the units had a problem. */
  Quotas quotas(JsonObject root, Integer communeCount, Integer departmentCount) {
    JsonObject o = json.object(root, "$", "quotas");
    if (o == null) {
      return null;
    }
    int before = json.problemCount();
    String p = at("$", "quotas");
    json.fields(o, p, List.of("communesToStage2", "departmentsToStage2", "finalists"));
    Long communes = json.whole(o, p, "communesToStage2");
    Long departments = json.whole(o, p, "departmentsToStage2");
    Long finalists = json.whole(o, p, "finalists");
    if (communes != null) {
      inRange(at(p, "communesToStage2"), communes, communeCount, "commune-level units in $.units");
    }
    if (departments != null) {
      inRange(at(p, "departmentsToStage2"), departments, departmentCount, "departments in $.units");
    }
    if (finalists != null) {
      if (finalists < 1) {
        json.problem(at(p, "finalists"), "must be at least 1, not " + finalists);
      } else if (communes != null && departments != null && communes >= 0 && departments >= 0
          && finalists > communes + departments) {
        json.problem(at(p, "finalists"), finalists + " finalists is more than the " + (communes + departments)
            + " units in stage 2 (communesToStage2 + departmentsToStage2)");
      }
    }
    if (json.problemCount() > before || communes == null || departments == null || finalists == null) {
      return null;
    }
    checkedQuotas = new Quotas(communes.intValue(), departments.intValue(), finalists.intValue());
    return checkedQuotas;
  }

  private void inRange(String path, long value, Integer units, String what) {
    if (value < 0) {
      json.problem(path, "must not be negative, not " + value);
    } else if (units != null && value > units) {
      json.problem(path, value + " is more than the " + units + " " + what);
    } else if (value > Integer.MAX_VALUE) {
      json.problem(path, value + " is too large");
    }
  }

  List<Prize> prizes(JsonObject root) {
    List<Prize> prizes = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    Map<String, Long> placesSoFar = new LinkedHashMap<>();
    for (Item item : json.objects(root, "$", "prizes", null)) {
      JsonObject o = item.object();
      String p = item.path();
      json.fields(o, p, List.of("id", "name", "count", "amountVnd", "pool", "certificate"));
      String id = json.code(o, p, "id");
      String name = json.text(o, p, "name");
      Long count = json.whole(o, p, "count");
      Long amount = json.whole(o, p, "amountVnd");
      String pool = json.text(o, p, "pool");
      String certificate = json.optionalText(o, p, "certificate");
      json.unique(ids, id, p, "id", "prize id");
      if (count != null && (count < 1 || count > 1000)) {
        json.problem(at(p, "count"), "must be from 1 to 1000, not " + count);
        count = null;
      }
      if (amount != null && amount < 0) {
        json.problem(at(p, "amountVnd"), "must not be negative, not " + amount);
        amount = null;
      }
      if (pool != null && !pool.equals(Prize.FINALISTS) && !pool.equals(Prize.STAGE2_NOT_FINALIST)) {
        json.problem(at(p, "pool"), "unknown pool \"" + pool + "\"; expected " + Prize.FINALISTS
            + " (places by final rank) or " + Prize.STAGE2_NOT_FINALIST + " (stage-2 units not in the final)");
        pool = null;
      }
      if (pool != null && count != null && checkedQuotas != null) {
        long before = placesSoFar.getOrDefault(pool, 0L);
        long after = before + count;
        placesSoFar.put(pool, after);
        long room = pool.equals(Prize.FINALISTS) ? checkedQuotas.finalists()
            : checkedQuotas.stage2Units() - checkedQuotas.finalists();
        if (before <= room && after > room) {
          json.problem(at(p, "count"), pool.equals(Prize.FINALISTS)
              ? "the " + pool + " prizes come to " + after + " awards here, more than the " + room
                  + " finalists ($.quotas.finalists)"
              : "the " + pool + " prizes come to " + after + " awards here, more than the " + room
                  + " stage-2 units that are not finalists (" + checkedQuotas.stage2Units() + " - "
                  + checkedQuotas.finalists() + ")");
        }
      }
      if (id != null && name != null && count != null && amount != null && pool != null) {
        prizes.add(new Prize(id, name, count.intValue(), amount, pool, certificate == null ? "" : certificate));
      }
    }
    return prizes;
  }

  Rubric rubric(JsonObject root) {
    JsonObject o = json.object(root, "$", "rubric");
    if (o == null) {
      return null;
    }
    String path = at("$", "rubric");
    json.fields(o, path, List.of("criteria"));
    List<Criterion> criteria = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    for (Item item : json.objects(o, path, "criteria", "criterion")) {
      JsonObject c = item.object();
      String p = item.path();
      json.fields(c, p, List.of("id", "name", "min", "max"));
      String id = json.code(c, p, "id");
      String name = json.text(c, p, "name");
      Double min = json.number(c, p, "min");
      Double max = json.number(c, p, "max");
      json.unique(ids, id, p, "id", "criterion id");
      if (min != null && max != null && min >= max) {
        json.problem(at(p, "max"), "must be more than min (" + show(min) + "), not " + show(max));
        max = null;
      }
      if (id != null && name != null && min != null && max != null) {
        criteria.add(new Criterion(id, name, min, max));
      }
    }
    return new Rubric(criteria);
  }

  /** The final's scoring rule, beside its day in {@code $.final}. */
  FinalRules finalRules(JsonObject root) {
    if (!(root.getValue("final") instanceof JsonObject o)) {
      return null; // reported with the final's day
    }
    Boolean drop = json.bool(o, at("$", "final"), "dropHighestAndLowest");
    return drop == null ? null : new FinalRules(drop);
  }

  Ranking ranking(JsonObject root) {
    JsonObject o = json.object(root, "$", "ranking");
    if (o == null) {
      return null;
    }
    String p = at("$", "ranking");
    json.fields(o, p, List.of("keys", "description", "groups"));
    String description = json.text(o, p, "description");
    JsonArray keys = json.array(o, p, "keys", "sort key");
    List<String> good = new ArrayList<>();
    if (keys != null) {
      Map<String, String> fieldsSeen = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        String kp = at(at(p, "keys"), i);
        Object value = keys.getValue(i);
        if (!(value instanceof String key)) {
          json.problem(kp, "must be a string like \"rate desc\", not " + describe(value));
          continue;
        }
        Matcher m = SORT_KEY.matcher(key);
        if (!m.matches()) {
          json.problem(kp, "\"" + key + "\" is not FIELD asc or FIELD desc, like \"rate desc\"");
          continue;
        }
        String field = m.group(1);
        if (!Ranking.FIELDS.contains(field)) {
          json.problem(kp, "unknown field \"" + field + "\"; expected one of " + String.join(", ", Ranking.FIELDS));
          continue;
        }
        String earlier = fieldsSeen.putIfAbsent(field, kp);
        if (earlier != null) {
          json.problem(kp, "sorts by " + field + " again, already at " + earlier);
          continue;
        }
        good.add(field + " " + m.group(2));
      }
    }
    Map<String, String> groupLabels = groupLabels(o, p);
    if (description == null || keys == null || groupLabels == null) {
      return null;
    }
    return new Ranking(good, description, groupLabels);
  }

  /** Each leaderboard group's label, as the screens show it; null when one is missing. */
  private Map<String, String> groupLabels(JsonObject ranking, String rankingPath) {
    JsonObject o = json.object(ranking, rankingPath, "groups");
    if (o == null) {
      return null;
    }
    String p = at(rankingPath, "groups");
    json.fields(o, p, Ranking.GROUPS);
    Map<String, String> labels = new LinkedHashMap<>();
    for (String group : Ranking.GROUPS) {
      String label = json.text(o, p, group);
      if (label != null) {
        labels.put(group, label);
      }
    }
    return labels.size() == Ranking.GROUPS.size() ? labels : null;
  }

  private static String show(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
