package diemcau.finale;

import io.vertx.core.json.JsonObject;

/**
 * One prize given to one unit. {@code rank} is the final rank for a finalist's prize, null for
 * a prize of the stage-2 pool (consolation).
 */
public record Award(String unit, String prize, String prizeName, long amountVnd, Integer rank) {

  public JsonObject toJson() {
    return new JsonObject().put("unit", unit).put("prize", prize).put("prizeName", prizeName)
        .put("amountVnd", amountVnd).put("rank", rank);
  }

  public static Award fromJson(JsonObject json) {
    return new Award(json.getString("unit"), json.getString("prize"), json.getString("prizeName"),
        json.getLong("amountVnd"), json.getInteger("rank"));
  }
}
