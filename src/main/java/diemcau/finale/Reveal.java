package diemcau.finale;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The prize reveal, computed once when the results are finalised: a fixed script of awards in
 * the order the MC reveals them, and a cursor. Only the first {@code step} awards are public.
 *
 * @param at when the cursor last moved (epoch ms); 0 before the first step
 */
public record Reveal(List<Award> script, int step, long at) {

  public Reveal {
    script = List.copyOf(script);
  }

  public int steps() {
    return script.size();
  }

  public List<Award> revealed() {
    return script.subList(0, step);
  }

  public Reveal moved(int nextStep, long now) {
    return new Reveal(script, nextStep, now);
  }

  public JsonObject toJson() {
    JsonArray awards = new JsonArray();
    script.forEach(award -> awards.add(award.toJson()));
    return new JsonObject().put("script", awards).put("step", step).put("at", at);
  }

  public static Reveal fromJson(JsonObject json) {
    List<Award> script = new ArrayList<>();
    json.getJsonArray("script").forEach(item -> script.add(Award.fromJson((JsonObject) item)));
    return new Reveal(script, json.getInteger("step"), json.getLong("at"));
  }
}
