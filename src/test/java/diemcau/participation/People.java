package diemcau.participation;

import diemcau.event.Unit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Made-up participants for tests and the benchmark, written as the doors accept them. */
final class People {

  static final long STAGE_START = Instant.parse("2026-05-28T01:00:00Z").toEpochMilli();
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.ofHours(7));

  private People() {}

  /** {@code count} people over {@code units}: names "Người Thử N", ids "secret-id-N", about 60% completed. */
  static List<Person> generate(List<Unit> units, int count, long seed) {
    Random random = new Random(seed);
    List<Person> persons = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Unit unit = units.get(random.nextInt(units.size()));
      long enrolled = STAGE_START + random.nextInt(7 * 24 * 3600) * 1000L;
      Long completed = random.nextInt(10) < 6 ? enrolled + random.nextInt(5 * 24 * 3600) * 1000L : null;
      Integer score = completed == null ? null : 5_000 + random.nextInt(51) * 100;
      persons.add(new Person("secret-id-" + i, unit.code(), "Người Thử " + i, enrolled, completed, score,
          completed != null ? completed : enrolled));
    }
    return persons;
  }

  static String csv(List<Person> persons, char delimiter, boolean bom) {
    StringBuilder csv = new StringBuilder(persons.size() * 120);
    if (bom) {
      csv.append('\uFEFF');
    }
    csv.append(String.join(String.valueOf(delimiter), RowReader.FIELDS)).append('\n');
    for (Person person : persons) {
      csv.append(person.unit()).append(delimiter)
          .append(person.person()).append(delimiter)
          .append(person.name() == null ? "" : person.name()).append(delimiter)
          .append(time(person.enrolledAt())).append(delimiter)
          .append(time(person.completedAt())).append(delimiter)
          .append(person.score() == null ? "" : String.valueOf(person.score() / 100.0)).append(delimiter)
          .append(time(person.lastActivityAt())).append('\n');
    }
    return csv.toString();
  }

  static JsonArray json(List<Person> persons) {
    JsonArray array = new JsonArray();
    for (Person person : persons) {
      array.add(new JsonObject()
          .put("unit", person.unit())
          .put("person", person.person())
          .put("name", person.name())
          .put("enrolledAt", person.enrolledAt() == null ? null : time(person.enrolledAt()))
          .put("completedAt", person.completedAt() == null ? null : time(person.completedAt()))
          .put("score", person.score() == null ? null : person.score() / 100.0)
          .put("lastActivityAt", time(person.lastActivityAt())));
    }
    return array;
  }

  static String time(Long epochMs) {
    return epochMs == null ? "" : ISO.format(Instant.ofEpochMilli(epochMs));
  }
}
