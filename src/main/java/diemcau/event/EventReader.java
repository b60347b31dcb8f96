package diemcau.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Walks the JSON of an event file once, field by field, and collects every problem it finds
 * (never stopping at the first), each at a JSON path like {@code $.conference.programme[6].start}. Builds the
 * {@link Event} only when nothing is wrong. One reader per file.
 */
final class EventReader {

  /** Every object may carry "notes": a string or a list of strings, for people only. */
  static final String NOTES = "notes";

  private static final List<String> TOP_FIELDS = List.of("id", "name", "shortName", "organiser", "zone",
      "units", "conference", "stages", "quotas", "prizes", "rubric", "final", "ranking", "contacts");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .]{6,}[0-9]");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
  private static final List<String> DAY_FIELDS = List.of("name", "date", "start", "venue", "programme");
  private static final List<String> ITEM_FIELDS = List.of("id", "title", "by", "start", "end", "minutes");
  /** Fields of earlier versions of the format, and where their content went. */
  private static final Map<String, String> MOVED = Map.of(
      "$.agenda", "moved: the conference's programme is $.conference.programme",
      "$.venue", "moved: the conference's venue is $.conference.venue, {\"name\", \"address\"}",
      "$.final.presentationMinutes", "moved: each presentation slot is an item of $.final.programme with \"presentation\": N and its own \"minutes\"",
      "$.final.qaMinutes", "moved: each presentation slot is an item of $.final.programme with \"presentation\": N and its own \"minutes\"");
  /** The longest programme item given by its length. */
  private static final long MAX_ITEM_MINUTES = 12 * 60;
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern SORT_KEY = Pattern.compile("\\s*(\\S+)\\s+(asc|desc)\\s*");
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final List<Problem> problems = new ArrayList<>();
  private ZoneId zone;
  /** Unit counts, known only when the units section had no problem (else quota checks would cascade). */
  private Integer communeCount;
  private Integer departmentCount;
  /** Set only when the quotas had no problem (else prize checks would cascade). */
  private Quotas checkedQuotas;

  List<Problem> problems() {
    return problems;
  }

  /** The event, or null when {@link #problems()} is not empty. */
  Event read(JsonObject root) {
    fields(root, "$", TOP_FIELDS);
    String id = code(root, "$", "id");
    String name = text(root, "$", "name");
    String shortName = text(root, "$", "shortName");
    String organiser = text(root, "$", "organiser");
    zone = zone(root);
    List<Unit> units = units(root);
    Day conference = day(root, Day.CONFERENCE, "conference", List.of());
    List<Stage> stages = stages(root);
    Quotas quotas = quotas(root);
    List<Prize> prizes = prizes(root);
    Rubric rubric = rubric(root);
    Day finalDay = day(root, Day.FINAL, "final", List.of("dropHighestAndLowest"));
    FinalRules finalRules = finalRules(root);
    Ranking ranking = ranking(root);
    Contacts contacts = contacts(root);
    if (!problems.isEmpty()) {
      return null;
    }
    return new Event(id, name, shortName, organiser, zone, units, conference, finalDay, stages, quotas, prizes,
        rubric, finalRules, ranking, contacts);
  }

  // ---- sections ----

  private ZoneId zone(JsonObject root) {
    String text = text(root, "$", "zone");
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      problem(at("$", "zone"), "unknown time zone \"" + text + "\"; use a region id like Asia/Ho_Chi_Minh");
      return null;
    }
  }

  private List<Unit> units(JsonObject root) {
    int before = problems.size();
    List<Unit> units = new ArrayList<>();
    Map<String, String> codes = new HashMap<>();
    for (Item item : objects(root, "$", "units", "unit")) {
      JsonObject o = item.object();
      String p = item.path();
      fields(o, p, List.of("code", "name", "kind", "headcount"));
      String code = code(o, p, "code");
      String name = text(o, p, "name");
      UnitKind kind = unitKind(o, p);
      Integer headcount = headcount(o, p);
      if (code != null) {
        String earlier = codes.putIfAbsent(code, p);
        if (earlier != null) {
          problem(at(p, "code"), "duplicate unit code " + code + ", already used by " + earlier);
        }
      }
      if (code != null && name != null && kind != null) {
        units.add(new Unit(code, name, kind, headcount));
      }
    }
    if (problems.size() == before) {
      communeCount = (int) units.stream().filter(u -> u.kind().communeLevel()).count();
      departmentCount = units.size() - communeCount;
    }
    return units;
  }

  private UnitKind unitKind(JsonObject o, String p) {
    String text = text(o, p, "kind");
    if (text == null) {
      return null;
    }
    try {
      return UnitKind.valueOf(text);
    } catch (IllegalArgumentException e) {
      problem(at(p, "kind"), "unknown unit kind \"" + text + "\"; expected one of "
          + Arrays.stream(UnitKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
      return null;
    }
  }

  private Integer headcount(JsonObject o, String p) {
    if (o.getValue("headcount") == null) {
      return null; // unknown: left out (or null)
    }
    Long n = whole(o, p, "headcount");
    if (n == null) {
      return null;
    }
    if (n < 1 || n > Integer.MAX_VALUE) {
      problem(at(p, "headcount"), "must be a positive whole number, not " + n + "; leave it out when unknown");
      return null;
    }
    return n.intValue();
  }

  /**
   * A day the agenda runs, from {@code $.key}: its name, date, announced start, venue and
   * programme. Only the final's programme has presentation slots.
   */
  private Day day(JsonObject root, String id, String key, List<String> otherFields) {
    JsonObject o = object(root, "$", key);
    if (o == null) {
      return null;
    }
    String p = at("$", key);
    List<String> allowed = new ArrayList<>(DAY_FIELDS);
    allowed.addAll(otherFields);
    fields(o, p, allowed);
    String name = text(o, p, "name");
    LocalDate date = date(o, p, "date");
    OffsetDateTime start = time(o, p, "start");
    if (date != null && start != null && !localDate(start).equals(date)) {
      problem(at(p, "start"), "is on " + localDate(start) + ", not on the day's date " + date);
    }
    Venue venue = venue(o, p);
    List<AgendaItem> programme = programme(o, p, date, start, Day.FINAL.equals(id));
    if (name == null || date == null || start == null || venue == null || programme.isEmpty()) {
      return null;
    }
    return new Day(id, name, date, start.toInstant(), venue, programme);
  }

  private Venue venue(JsonObject day, String dayPath) {
    JsonObject o = object(day, dayPath, "venue");
    if (o == null) {
      return null;
    }
    String p = at(dayPath, "venue");
    fields(o, p, List.of("name", "address"));
    String name = text(o, p, "name");
    String address = text(o, p, "address");
    return name == null || address == null ? null : new Venue(name, address);
  }

  /**
   * A day's programme. An item gives its {@code start} and {@code end}, or its length in
   * {@code minutes}: it then starts when the item before it ends (the first one at the day's
   * start). Items follow one another in time, on the day's date. With {@code presentations} the
   * items may be presentation slots, numbered 1, 2, … in programme order, one per finalist.
   */
  private List<AgendaItem> programme(JsonObject day, String dayPath, LocalDate date, OffsetDateTime dayStart,
      boolean presentations) {
    List<AgendaItem> items = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    List<String> itemFields = new ArrayList<>(ITEM_FIELDS);
    if (presentations) {
      itemFields.add("presentation");
    }
    // of the items so far, the one that ends last: the next item must not start before it ends
    Item latest = null;
    OffsetDateTime latestEnd = null;
    String latestTitle = "";
    // where an item given by its length starts; null once an earlier item's times are unknown
    OffsetDateTime previousEnd = dayStart;
    int slots = 0;
    List<Item> programme = objects(day, dayPath, "programme", "programme item");
    for (Item item : programme) {
      JsonObject o = item.object();
      String p = item.path();
      fields(o, p, itemFields);
      String id = code(o, p, "id");
      String title = text(o, p, "title");
      String by = optionalText(o, p, "by");
      Integer presentation = null;
      if (o.containsKey("presentation")) {
        slots++;
        presentation = presentation(o, p, slots);
      }
      OffsetDateTime start;
      OffsetDateTime end;
      String startField;
      if (o.containsKey("minutes")) {
        if (o.containsKey("start") || o.containsKey("end")) {
          problem(at(p, "minutes"), "give either start and end, or minutes, not both");
        }
        Long minutes = whole(o, p, "minutes");
        if (minutes != null && (minutes < 1 || minutes > MAX_ITEM_MINUTES)) {
          problem(at(p, "minutes"), "must be from 1 to " + MAX_ITEM_MINUTES + ", not " + minutes);
          minutes = null;
        }
        start = previousEnd;
        end = start == null || minutes == null ? null : start.plusMinutes(minutes);
        startField = "minutes";
      } else {
        start = time(o, p, "start");
        end = time(o, p, "end");
        startField = "start";
      }
      previousEnd = end;
      if (id != null) {
        String earlier = ids.putIfAbsent(id, p);
        if (earlier != null) {
          problem(at(p, "id"), "duplicate programme id " + id + ", already used by " + earlier);
        }
      }
      if (start != null && end != null && !end.isAfter(start)) {
        problem(at(p, "end"), "ends " + show(end, start) + ", not after its start " + show(start, end));
      }
      if (start != null && latestEnd != null && start.isBefore(latestEnd)) {
        String which = latest.index() == item.index() - 1 ? "the previous item" : "an earlier item";
        problem(at(p, startField), "starts " + show(start, latestEnd) + ", which overlaps " + which + " \""
            + latestTitle + "\" (" + latest.path() + ") that ends " + show(latestEnd, start)
            + "; items must follow one another in time");
      }
      if (start != null && date != null && !localDate(start).equals(date)) {
        problem(at(p, startField), "starts on " + localDate(start) + ", not on the day's date " + date);
      }
      if (start != null && end != null && end.isAfter(start) && (latestEnd == null || end.isAfter(latestEnd))) {
        latest = item;
        latestEnd = end;
        latestTitle = title == null ? "" : title;
      }
      if (id != null && title != null && start != null && end != null) {
        items.add(new AgendaItem(id, title, by == null ? "" : by, start.toInstant(), end.toInstant(), presentation, null));
      }
    }
    if (presentations && checkedQuotas != null && !programme.isEmpty() && slots != checkedQuotas.finalists()) {
      problem(at(dayPath, "programme"), "has " + slots + " presentation slots, but the final has "
          + checkedQuotas.finalists() + " finalists ($.quotas.finalists): one slot each");
    }
    return items;
  }

  /** A presentation slot's number: the {@code expected}-th slot of the programme is number {@code expected}. */
  private Integer presentation(JsonObject o, String p, int expected) {
    Long number = whole(o, p, "presentation");
    if (number == null) {
      return null;
    }
    if (number != expected) {
      problem(at(p, "presentation"), "is " + number + " but this is slot " + expected
          + " of the programme: slots are numbered 1, 2, 3… in programme order");
      return null;
    }
    return expected;
  }

  private LocalDate localDate(OffsetDateTime time) {
    return zone == null ? time.toLocalDate() : time.atZoneSameInstant(zone).toLocalDate();
  }

  /** The contest's three stages, in order: stage 1 (learning), stage 2 (entries), stage 3 (the final). */
  private List<Stage> stages(JsonObject root) {
    List<Stage> stages = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    List<Item> items = objects(root, "$", "stages", "stage");
    if (!items.isEmpty() && items.size() != 3) {
      problem(at("$", "stages"), "has " + items.size() + " stages; the contest has three, in order: Chặng 1 (learning),"
          + " Chặng 2 (the qualified units' entries), Chặng 3 (the final)");
    }
    for (Item item : items) {
      JsonObject o = item.object();
      String p = item.path();
      fields(o, p, List.of("id", "name", "from", "to"));
      String id = code(o, p, "id");
      String name = text(o, p, "name");
      LocalDate from = date(o, p, "from");
      LocalDate to = date(o, p, "to");
      if (id != null) {
        String earlier = ids.putIfAbsent(id, p);
        if (earlier != null) {
          problem(at(p, "id"), "duplicate stage id " + id + ", already used by " + earlier);
        }
      }
      if (from != null && to != null && to.isBefore(from)) {
        problem(at(p, "to"), "ends " + to + ", before the stage starts " + from);
      }
      if (id != null && name != null && from != null && to != null) {
        if (!stages.isEmpty() && !from.isAfter(stages.get(stages.size() - 1).to())) {
          problem(at(p, "from"), "starts " + from + ", before the stage before it ends ("
              + stages.get(stages.size() - 1).to() + "); stages follow one another");
        }
        stages.add(new Stage(id, name, from, to));
      }
    }
    return stages;
  }

  private Quotas quotas(JsonObject root) {
    JsonObject o = object(root, "$", "quotas");
    if (o == null) {
      return null;
    }
    int before = problems.size();
    String p = at("$", "quotas");
    fields(o, p, List.of("communesToStage2", "departmentsToStage2", "finalists"));
    Long communes = whole(o, p, "communesToStage2");
    Long departments = whole(o, p, "departmentsToStage2");
    Long finalists = whole(o, p, "finalists");
    if (communes != null) {
      inRange(at(p, "communesToStage2"), communes, communeCount, "commune-level units in $.units");
    }
    if (departments != null) {
      inRange(at(p, "departmentsToStage2"), departments, departmentCount, "departments in $.units");
    }
    if (finalists != null) {
      if (finalists < 1) {
        problem(at(p, "finalists"), "must be at least 1, not " + finalists);
      } else if (communes != null && departments != null && communes >= 0 && departments >= 0
          && finalists > communes + departments) {
        problem(at(p, "finalists"), finalists + " finalists is more than the " + (communes + departments)
            + " units in stage 2 (communesToStage2 + departmentsToStage2)");
      }
    }
    if (problems.size() > before || communes == null || departments == null || finalists == null) {
      return null;
    }
    checkedQuotas = new Quotas(communes.intValue(), departments.intValue(), finalists.intValue());
    return checkedQuotas;
  }

  private void inRange(String path, long value, Integer units, String what) {
    if (value < 0) {
      problem(path, "must not be negative, not " + value);
    } else if (units != null && value > units) {
      problem(path, value + " is more than the " + units + " " + what);
    } else if (value > Integer.MAX_VALUE) {
      problem(path, value + " is too large");
    }
  }

  private List<Prize> prizes(JsonObject root) {
    List<Prize> prizes = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    Map<String, Long> placesSoFar = new LinkedHashMap<>();
    for (Item item : objects(root, "$", "prizes", null)) {
      JsonObject o = item.object();
      String p = item.path();
      fields(o, p, List.of("id", "name", "count", "amountVnd", "pool", "certificate"));
      String id = code(o, p, "id");
      String name = text(o, p, "name");
      Long count = whole(o, p, "count");
      Long amount = whole(o, p, "amountVnd");
      String pool = text(o, p, "pool");
      String certificate = optionalText(o, p, "certificate");
      if (id != null) {
        String earlier = ids.putIfAbsent(id, p);
        if (earlier != null) {
          problem(at(p, "id"), "duplicate prize id " + id + ", already used by " + earlier);
        }
      }
      if (count != null && (count < 1 || count > 1000)) {
        problem(at(p, "count"), "must be from 1 to 1000, not " + count);
        count = null;
      }
      if (amount != null && amount < 0) {
        problem(at(p, "amountVnd"), "must not be negative, not " + amount);
        amount = null;
      }
      if (pool != null && !pool.equals(Prize.FINALISTS) && !pool.equals(Prize.STAGE2_NOT_FINALIST)) {
        problem(at(p, "pool"), "unknown pool \"" + pool + "\"; expected " + Prize.FINALISTS
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
          problem(at(p, "count"), pool.equals(Prize.FINALISTS)
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

  private Rubric rubric(JsonObject root) {
    JsonObject o = object(root, "$", "rubric");
    if (o == null) {
      return null;
    }
    String path = at("$", "rubric");
    fields(o, path, List.of("criteria"));
    List<Criterion> criteria = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    for (Item item : objects(o, path, "criteria", "criterion")) {
      JsonObject c = item.object();
      String p = item.path();
      fields(c, p, List.of("id", "name", "min", "max"));
      String id = code(c, p, "id");
      String name = text(c, p, "name");
      Double min = number(c, p, "min");
      Double max = number(c, p, "max");
      if (id != null) {
        String earlier = ids.putIfAbsent(id, p);
        if (earlier != null) {
          problem(at(p, "id"), "duplicate criterion id " + id + ", already used by " + earlier);
        }
      }
      if (min != null && max != null && min >= max) {
        problem(at(p, "max"), "must be more than min (" + show(min) + "), not " + show(max));
        max = null;
      }
      if (id != null && name != null && min != null && max != null) {
        criteria.add(new Criterion(id, name, min, max));
      }
    }
    return new Rubric(criteria);
  }

  /** The final's scoring rule, beside its day in {@code $.final}. */
  private FinalRules finalRules(JsonObject root) {
    if (!(root.getValue("final") instanceof JsonObject o)) {
      return null; // reported with the final's day
    }
    Boolean drop = bool(o, at("$", "final"), "dropHighestAndLowest");
    return drop == null ? null : new FinalRules(drop);
  }

  private Ranking ranking(JsonObject root) {
    JsonObject o = object(root, "$", "ranking");
    if (o == null) {
      return null;
    }
    String p = at("$", "ranking");
    fields(o, p, List.of("keys", "description"));
    String description = text(o, p, "description");
    JsonArray keys = array(o, p, "keys", "sort key");
    List<String> good = new ArrayList<>();
    if (keys != null) {
      Map<String, String> fieldsSeen = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        String kp = at(at(p, "keys"), i);
        Object value = keys.getValue(i);
        if (!(value instanceof String key)) {
          problem(kp, "must be a string like \"rate desc\", not " + describe(value));
          continue;
        }
        Matcher m = SORT_KEY.matcher(key);
        if (!m.matches()) {
          problem(kp, "\"" + key + "\" is not FIELD asc or FIELD desc, like \"rate desc\"");
          continue;
        }
        String field = m.group(1);
        if (!Ranking.FIELDS.contains(field)) {
          problem(kp, "unknown field \"" + field + "\"; expected one of " + String.join(", ", Ranking.FIELDS));
          continue;
        }
        String earlier = fieldsSeen.putIfAbsent(field, kp);
        if (earlier != null) {
          problem(kp, "sorts by " + field + " again, already at " + earlier);
          continue;
        }
        good.add(field + " " + m.group(2));
      }
    }
    if (description == null || keys == null) {
      return null;
    }
    return new Ranking(good, description);
  }

  /** The contest's public contacts: phone lines, an e-mail address and the platforms' links; none when left out. */
  private Contacts contacts(JsonObject root) {
    if (!root.containsKey("contacts")) {
      return Contacts.NONE;
    }
    JsonObject o = object(root, "$", "contacts");
    if (o == null) {
      return null;
    }
    String p = at("$", "contacts");
    fields(o, p, List.of("phones", "email", "links"));
    List<Contacts.Phone> phones = new ArrayList<>();
    for (Item item : objects(o, p, "phones", "phone line")) {
      fields(item.object(), item.path(), List.of("label", "number", "who"));
      String label = text(item.object(), item.path(), "label");
      String number = text(item.object(), item.path(), "number");
      String who = optionalText(item.object(), item.path(), "who");
      if (number != null && !PHONE.matcher(number).matches()) {
        problem(at(item.path(), "number"), "\"" + number + "\" is not a phone number like 0982 103 591");
        number = null;
      }
      if (label != null && number != null) {
        phones.add(new Contacts.Phone(label, number, who == null ? "" : who));
      }
    }
    String email = text(o, p, "email");
    if (email != null && !EMAIL.matcher(email).matches()) {
      problem(at(p, "email"), "\"" + email + "\" is not an e-mail address");
    }
    List<Contacts.Link> links = new ArrayList<>();
    for (Item item : objects(o, p, "links", null)) {
      fields(item.object(), item.path(), List.of("label", "url"));
      String label = text(item.object(), item.path(), "label");
      String url = text(item.object(), item.path(), "url");
      if (url != null && !URL.matcher(url).matches()) {
        problem(at(item.path(), "url"), "\"" + url + "\" is not a web address starting with http:// or https://");
        url = null;
      }
      if (label != null && url != null) {
        links.add(new Contacts.Link(label, url));
      }
    }
    return new Contacts(phones, email, links);
  }

  // ---- building blocks ----

  private record Item(JsonObject object, String path, int index) {
  }

  /**
   * The elements of a required array field that are objects, with their paths; other elements
   * are problems. With a {@code noun}, the array must not be empty.
   */
  private List<Item> objects(JsonObject parent, String path, String key, String noun) {
    List<Item> items = new ArrayList<>();
    JsonArray array = array(parent, path, key, noun);
    if (array == null) {
      return items;
    }
    String p = at(path, key);
    for (int i = 0; i < array.size(); i++) {
      Object value = array.getValue(i);
      if (value instanceof JsonObject o) {
        items.add(new Item(o, at(p, i), i));
      } else {
        problem(at(p, i), "must be an object, not " + describe(value));
      }
    }
    return items;
  }

  private JsonArray array(JsonObject parent, String path, String key, String noun) {
    Object value = parent.getValue(key);
    String p = at(path, key);
    if (value == null) {
      problem(p, "is required");
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      problem(p, "must be a list [...], not " + describe(value));
      return null;
    }
    if (noun != null && array.isEmpty()) {
      problem(p, "must have at least one " + noun);
    }
    return array;
  }

  private JsonObject object(JsonObject parent, String path, String key) {
    Object value = parent.getValue(key);
    String p = at(path, key);
    if (value == null) {
      problem(p, "is required");
      return null;
    }
    if (!(value instanceof JsonObject o)) {
      problem(p, "must be an object {...}, not " + describe(value));
      return null;
    }
    return o;
  }

  /** Reports fields other than {@code allowed} and "notes", and notes that are not text. */
  private void fields(JsonObject o, String path, List<String> allowed) {
    for (String key : o.fieldNames()) {
      if (key.equals(NOTES)) {
        Object notes = o.getValue(key);
        boolean ok = notes instanceof String
            || notes instanceof JsonArray list && list.stream().allMatch(n -> n instanceof String);
        if (!ok) {
          problem(at(path, key), "must be a string or a list of strings");
        }
      } else if (MOVED.containsKey(at(path, key))) {
        problem(at(path, key), MOVED.get(at(path, key)));
      } else if (!allowed.contains(key)) {
        problem(at(path, key), "unknown field; expected " + String.join(", ", allowed) + " (or notes)");
      }
    }
  }

  /** A required, non-blank string, stripped. */
  private String text(JsonObject o, String path, String key) {
    Object value = o.getValue(key);
    String p = at(path, key);
    if (value == null) {
      problem(p, "is required");
      return null;
    }
    if (!(value instanceof String s)) {
      problem(p, "must be a string, not " + describe(value));
      return null;
    }
    if (s.isBlank()) {
      problem(p, "must not be blank");
      return null;
    }
    return s.strip();
  }

  /** An optional string, stripped; null when left out. */
  private String optionalText(JsonObject o, String path, String key) {
    Object value = o.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      problem(at(path, key), "must be a string, not " + describe(value));
      return null;
    }
    return s.strip();
  }

  /** A required identifier: it goes into links and commands, so letters, digits, '-' and '_' only. */
  private String code(JsonObject o, String path, String key) {
    String text = text(o, path, key);
    if (text != null && !CODE.matcher(text).matches()) {
      problem(at(path, key), "\"" + text + "\" must be letters, digits, '-' or '_' only (no spaces or accents)");
      return null;
    }
    return text;
  }

  /** A required whole number (10 or 10.0, not 10.5 or "10"). */
  private Long whole(JsonObject o, String path, String key) {
    Object value = o.getValue(key);
    String p = at(path, key);
    if (value == null) {
      problem(p, "is required");
      return null;
    }
    if (!(value instanceof Number n)) {
      problem(p, "must be a whole number, not " + describe(value));
      return null;
    }
    try {
      return new BigDecimal(n.toString()).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      problem(p, "must be a whole number, not " + n);
      return null;
    }
  }

  private Double number(JsonObject o, String path, String key) {
    Object value = o.getValue(key);
    String p = at(path, key);
    if (value == null) {
      problem(p, "is required");
      return null;
    }
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      problem(p, "must be a number, not " + describe(value));
      return null;
    }
    return n.doubleValue();
  }

  private Boolean bool(JsonObject o, String path, String key) {
    Object value = o.getValue(key);
    String p = at(path, key);
    if (value == null) {
      problem(p, "is required");
      return null;
    }
    if (!(value instanceof Boolean b)) {
      problem(p, "must be true or false, not " + describe(value));
      return null;
    }
    return b;
  }

  private LocalDate date(JsonObject o, String path, String key) {
    String text = text(o, path, key);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problem(at(path, key), "\"" + text + "\" is not a date like 2026-06-25");
      return null;
    }
  }

  /** A time with an explicit offset, which must be the event zone's offset at that time. */
  private OffsetDateTime time(JsonObject o, String path, String key) {
    String text = text(o, path, key);
    if (text == null) {
      return null;
    }
    String p = at(path, key);
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      if (parsesAsLocal(text)) {
        problem(p, "\"" + text + "\" has no UTC offset; write it like 2026-05-27T14:00:00+07:00");
      } else {
        problem(p, "\"" + text + "\" is not a time like 2026-05-27T14:00:00+07:00");
      }
      return null;
    }
    if (zone != null) {
      ZoneOffset expected = zone.getRules().getOffset(time.toInstant());
      if (!expected.equals(time.getOffset())) {
        problem(p, "\"" + text + "\" has offset " + time.getOffset() + " but the event zone " + zone
            + " is at " + expected + " then");
        return null;
      }
    }
    return time;
  }

  private static boolean parsesAsLocal(String text) {
    try {
      LocalDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  // ---- text ----

  static String at(String path, String key) {
    return PLAIN_KEY.matcher(key).matches() ? path + "." + key : path + "[\"" + key.replace("\"", "\\\"") + "\"]";
  }

  static String at(String path, int index) {
    return path + "[" + index + "]";
  }

  /** A clock time in the event zone (or its own offset); with the date when it differs from {@code other}'s. */
  private String show(OffsetDateTime time, OffsetDateTime other) {
    OffsetDateTime t = zone == null ? time : time.atZoneSameInstant(zone).toOffsetDateTime();
    OffsetDateTime u = zone == null ? other : other.atZoneSameInstant(zone).toOffsetDateTime();
    return (t.toLocalDate().equals(u.toLocalDate()) ? CLOCK : DAY_AND_CLOCK).format(t);
  }

  private static String show(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "the string \"" + s + "\"";
    }
    if (value instanceof JsonObject) {
      return "an object";
    }
    if (value instanceof JsonArray) {
      return "a list";
    }
    return value.toString();
  }
}
