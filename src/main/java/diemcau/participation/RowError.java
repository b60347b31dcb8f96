package diemcau.participation;

import io.vertx.core.json.JsonObject;

/**
 * Why one row of an upload was refused. {@code position} is the CSV line (the header is line 1)
 * or the JSON array index; it is null for a problem with the whole file. {@code field} names
 * the column at fault, when there is one; {@code code} says what is wrong in a stable word the
 * pages say in Vietnamese ({@code reason} says it in English, for scripts).
 */
public record RowError(Integer position, String field, String code, String reason) {

  public static RowError ofFile(String code, String reason) {
    return new RowError(null, null, code, reason);
  }

  /** The error as the import's reply lists it, under {@code positionName} ("line" or "index"). */
  public JsonObject toJson(String positionName) {
    JsonObject json = new JsonObject().put(positionName, position);
    if (field != null) {
      json.put("field", field);
    }
    return json.put("code", code).put("reason", reason);
  }
}
