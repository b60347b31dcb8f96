package diemcau.finale;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The presentation order: drawn ({@code method} "draw", with its {@code seed}) or set by an
 * admin ("set", no seed). {@code seedGiven}: the seed was typed in (a number drawn in the hall),
 * not picked by the server. {@code redraws} counts how often an order was replaced.
 */
public record PresentationOrder(List<String> units, String method, Long seed, boolean seedGiven, long at, int redraws) {

  public static final String DRAW = "draw";
  public static final String SET = "set";

  public PresentationOrder {
    units = List.copyOf(units);
  }

  public JsonObject toJson() {
    return new JsonObject().put("units", new JsonArray(new ArrayList<>(units))).put("method", method)
        .put("seed", seed).put("seedGiven", seedGiven).put("at", at).put("redraws", redraws);
  }

  public static PresentationOrder fromJson(JsonObject json) {
    return new PresentationOrder(JsonLists.strings(json.getJsonArray("units")), json.getString("method"), json.getLong("seed"),
        json.getBoolean("seedGiven", false), json.getLong("at"), json.getInteger("redraws"));
  }
}
