package diemcau.participation;

import diemcau.command.CommandRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed, fully valid upload, carried by the {@code participation.import} command to the
 * command worker as it is: in the process, the rows themselves, without copying and without
 * passing through the audit log (which records a summary).
 *
 * <p>Wire form ({@link #toJson()}): {@code {"source", "sha256", "rows": [[person, unit, name,
 * enrolledAt, completedAt, score, lastActivityAt], ...]}}, nulls kept in place.
 *
 * @param source "csv" or "json"
 * @param sha256 of the uploaded bytes, for the audit log
 */
public record Upload(String source, String sha256, List<Person> rows) implements CommandRequest.Attachment {

  public Upload {
    rows = List.copyOf(rows);
  }

  @Override
  public JsonObject toJson() {
    JsonArray people = new JsonArray(new ArrayList<>(rows.size()));
    for (Person row : rows) {
      people.add(new JsonArray().add(row.person()).add(row.unit()).add(row.name()).add(row.enrolledAt())
          .add(row.completedAt()).add(row.score()).add(row.lastActivityAt()));
    }
    return new JsonObject().put("source", source).put("sha256", sha256).put("rows", people);
  }

  /** Read back from {@link #toJson()}. */
  public static Upload fromJson(JsonObject json) {
    List<Person> rows = new ArrayList<>();
    for (Object item : json.getJsonArray("rows")) {
      JsonArray row = (JsonArray) item;
      rows.add(new Person(row.getString(0), row.getString(1), row.getString(2), row.getLong(3), row.getLong(4),
          row.getInteger(5), row.getLong(6)));
    }
    return new Upload(json.getString("source"), json.getString("sha256"), rows);
  }
}
