package diemcau.participation;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the uploads of the participation doors into valid records or a full list of what is
 * wrong. Pure and blocking: the web edge runs it on a worker thread.
 */
public final class Uploads {

  /** Largest accepted headcount: no unit has a million staff. */
  public static final int MAX_HEADCOUNT = 1_000_000;

  /** The valid records of an upload and every problem found; {@code positionName} says what a position counts. */
  public record Parsed(List<Person> rows, List<RowError> errors, List<String> ignoredColumns, String positionName) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private final Set<String> units;
  private final ZoneId zone;

  public Uploads(Set<String> units, ZoneId zone) {
    this.units = Set.copyOf(units);
    this.zone = zone;
  }

  /** A CSV export mapped by {@link CsvColumns#PERSONS}; positions are lines, the header being line 1. */
  public Parsed csv(byte[] body) {
    List<RowError> errors = new ArrayList<>();
    CsvFile.Table table = CsvFile.read(body, CsvColumns.PERSONS, errors);
    RowReader reader = new RowReader(units, zone, true);
    List<Person> rows = new ArrayList<>(table.lines().size());
    for (CsvFile.Line line : table.lines()) {
      Person person = reader.read(line.line(), line.values(), errors);
      if (person != null) {
        rows.add(person);
      }
    }
    sortByPosition(errors);
    return new Parsed(rows, errors, table.ignoredColumns(), "line");
  }

  /** A JSON array of records with the fields of {@link RowReader#FIELDS}; positions are array indexes. */
  public Parsed json(Buffer body) {
    List<RowError> errors = new ArrayList<>();
    JsonArray array;
    try {
      array = new JsonArray(body);
    } catch (DecodeException | ClassCastException e) {
      errors.add(RowError.ofFile("not_array", "the body is not a JSON array of person records"));
      return new Parsed(List.of(), errors, List.of(), "index");
    }
    RowReader reader = new RowReader(units, zone, false);
    List<Person> rows = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject record)) {
        errors.add(new RowError(i, null, "not_object", "is not an object"));
        continue;
      }
      List<String> unknown = record.fieldNames().stream().filter(field -> !RowReader.FIELDS.contains(field)).sorted().toList();
      for (String field : unknown) {
        errors.add(new RowError(i, field, "unknown_field", "unknown field " + UploadTimes.shorten(field) + " (fields: " + String.join(", ", RowReader.FIELDS) + ")"));
      }
      Person person = reader.read(i, record.getMap(), errors);
      if (person != null && unknown.isEmpty()) {
        rows.add(person);
      }
    }
    return new Parsed(rows, errors, List.of(), "index");
  }

  /** A headcount file mapped by {@link CsvColumns#HEADCOUNTS}: unit code → headcount, or the errors. */
  public Map<String, Integer> headcounts(byte[] body, List<RowError> errors) {
    CsvFile.Table table = CsvFile.read(body, CsvColumns.HEADCOUNTS, errors);
    Map<String, Integer> headcounts = new LinkedHashMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (CsvFile.Line line : table.lines()) {
      Object unit = line.values().get("unit");
      Object value = line.values().get("headcount");
      if (unit == null || !units.contains((String) unit)) {
        errors.add(new RowError(line.line(), "unit", unit == null ? "missing" : "unknown_unit",
            unit == null ? "unit code is missing" : "unknown unit code: " + UploadTimes.shorten((String) unit)));
        continue;
      }
      if (firstLine.containsKey(unit)) {
        errors.add(new RowError(line.line(), "unit", "duplicate_unit", "unit " + unit + " is already on line " + firstLine.get(unit)));
        continue;
      }
      firstLine.put((String) unit, line.line());
      Integer headcount = headcount(value);
      if (headcount == null) {
        errors.add(new RowError(line.line(), "headcount", "bad_headcount", "headcount must be a whole number from 1 to " + MAX_HEADCOUNT
            + ", got " + (value == null ? "nothing" : UploadTimes.shorten((String) value))));
        continue;
      }
      headcounts.put((String) unit, headcount);
    }
    sortByPosition(errors);
    return headcounts;
  }

  private static void sortByPosition(List<RowError> errors) {
    errors.sort(Comparator.comparing(RowError::position, Comparator.nullsFirst(Comparator.naturalOrder())));
  }

  private static Integer headcount(Object value) {
    if (!(value instanceof String text) || !text.matches("[0-9]{1,7}")) {
      return null;
    }
    int headcount = Integer.parseInt(text);
    return headcount >= 1 && headcount <= MAX_HEADCOUNT ? headcount : null;
  }
}
