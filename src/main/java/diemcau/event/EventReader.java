package diemcau.event;

import static diemcau.event.JsonFieldReader.at;

import diemcau.event.JsonFieldReader.Item;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Walks the JSON of an event file once, section by section, and collects every problem it finds
 * (never stopping at the first), each at a JSON path like {@code $.conference.programme[6].start}
 * ({@link JsonFieldReader} reads the fields, {@link DayReader} the two days, {@link RulesReader} how
 * the contest is decided). Builds the {@link Event} only when nothing is wrong. One reader per file.
 */
final class EventReader {

  private static final List<String> TOP_FIELDS = List.of("id", "name", "shortName", "organiser", "zone",
      "units", "conference", "stages", "quotas", "prizes", "rubric", "final", "ranking", "contacts");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .]{6,}[0-9]");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
  /** Fields of earlier versions of the format, and where their content went. */
  private static final Map<String, String> MOVED = Map.of(
      "$.agenda", "moved: the conference's programme is $.conference.programme",
      "$.venue", "moved: the conference's venue is $.conference.venue, {\"name\", \"address\"}",
      "$.final.presentationMinutes", "moved: each presentation slot is an item of $.final.programme with \"presentation\": N and its own \"minutes\"",
      "$.final.qaMinutes", "moved: each presentation slot is an item of $.final.programme with \"presentation\": N and its own \"minutes\"");

  private final JsonFieldReader json = new JsonFieldReader(MOVED);
  private ZoneId zone;
  /** Unit counts, known only when the units section had no problem (else quota checks would cascade). */
  private Integer communeCount;
  private Integer departmentCount;

  List<Problem> problems() {
    return json.problems();
  }

  /** The event, or null when {@link #problems()} is not empty. */
  Event read(JsonObject root) {
    json.fields(root, "$", TOP_FIELDS);
    String id = json.code(root, "$", "id");
    String name = json.text(root, "$", "name");
    String shortName = json.text(root, "$", "shortName");
    String organiser = json.text(root, "$", "organiser");
    zone = zone(root);
    List<Unit> units = units(root);
    DayReader days = new DayReader(json, zone);
    Day conference = days.read(root, Day.CONFERENCE, "conference", List.of(), null);
    List<Stage> stages = stages(root);
    RulesReader rules = new RulesReader(json);
    Quotas quotas = rules.quotas(root, communeCount, departmentCount);
    List<Prize> prizes = rules.prizes(root);
    Rubric rubric = rules.rubric(root);
    Day finalDay = days.read(root, Day.FINAL, "final", List.of("dropHighestAndLowest"),
        rules.checkedQuotas() == null ? null : rules.checkedQuotas().finalists());
    FinalRules finalRules = rules.finalRules(root);
    Ranking ranking = rules.ranking(root);
    Contacts contacts = contacts(root);
    if (!json.problems().isEmpty()) {
      return null;
    }
    return new Event(id, name, shortName, organiser, zone, units, conference, finalDay, stages, quotas, prizes,
        rubric, finalRules, ranking, contacts);
  }

  private ZoneId zone(JsonObject root) {
    String text = json.text(root, "$", "zone");
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      json.problem(at("$", "zone"), "unknown time zone \"" + text + "\"; use a region id like Asia/Ho_Chi_Minh");
      return null;
    }
  }

  private List<Unit> units(JsonObject root) {
    int before = json.problemCount();
    List<Unit> units = new ArrayList<>();
    Map<String, String> codes = new HashMap<>();
    for (Item item : json.objects(root, "$", "units", "unit")) {
      JsonObject o = item.object();
      String p = item.path();
      json.fields(o, p, List.of("code", "name", "kind", "headcount"));
      String code = json.code(o, p, "code");
      String name = json.text(o, p, "name");
      UnitKind kind = unitKind(o, p);
      Integer headcount = headcount(o, p);
      json.unique(codes, code, p, "code", "unit code");
      if (code != null && name != null && kind != null) {
        units.add(new Unit(code, name, kind, headcount));
      }
    }
    if (json.problemCount() == before) {
      communeCount = (int) units.stream().filter(u -> u.kind().communeLevel()).count();
      departmentCount = units.size() - communeCount;
    }
    return units;
  }

  private UnitKind unitKind(JsonObject o, String p) {
    String text = json.text(o, p, "kind");
    if (text == null) {
      return null;
    }
    try {
      return UnitKind.valueOf(text);
    } catch (IllegalArgumentException e) {
      json.problem(at(p, "kind"), "unknown unit kind \"" + text + "\"; expected one of "
          + Arrays.stream(UnitKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
      return null;
    }
  }

  private Integer headcount(JsonObject o, String p) {
    if (o.getValue("headcount") == null) {
      return null; // unknown: left out (or null)
    }
    Long n = json.whole(o, p, "headcount");
    if (n == null) {
      return null;
    }
    if (n < 1 || n > Integer.MAX_VALUE) {
      json.problem(at(p, "headcount"), "must be a positive whole number, not " + n + "; leave it out when unknown");
      return null;
    }
    return n.intValue();
  }

  /** The contest's three stages, in order: stage 1 (learning), stage 2 (entries), stage 3 (the final). */
  private List<Stage> stages(JsonObject root) {
    List<Stage> stages = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    List<Item> items = json.objects(root, "$", "stages", "stage");
    if (!items.isEmpty() && items.size() != 3) {
      json.problem(at("$", "stages"), "has " + items.size() + " stages; the contest has three, in order: Chặng 1 (learning),"
          + " Chặng 2 (the qualified units' entries), Chặng 3 (the final)");
    }
    for (Item item : items) {
      JsonObject o = item.object();
      String p = item.path();
      json.fields(o, p, List.of("id", "name", "from", "to"));
      String id = json.code(o, p, "id");
      String name = json.text(o, p, "name");
      LocalDate from = json.date(o, p, "from");
      LocalDate to = json.date(o, p, "to");
      json.unique(ids, id, p, "id", "stage id");
      if (from != null && to != null && to.isBefore(from)) {
        json.problem(at(p, "to"), "ends " + to + ", before the stage starts " + from);
      }
      if (id != null && name != null && from != null && to != null) {
        if (!stages.isEmpty() && !from.isAfter(stages.get(stages.size() - 1).to())) {
          json.problem(at(p, "from"), "starts " + from + ", before the stage before it ends ("
              + stages.get(stages.size() - 1).to() + "); stages follow one another");
        }
        stages.add(new Stage(id, name, from, to));
      }
    }
    return stages;
  }

  /** The contest's public contacts: phone lines, an e-mail address and the platforms' links; none when left out. */
  private Contacts contacts(JsonObject root) {
    if (!root.containsKey("contacts")) {
      return Contacts.NONE;
    }
    JsonObject o = json.object(root, "$", "contacts");
    if (o == null) {
      return null;
    }
    String p = at("$", "contacts");
    json.fields(o, p, List.of("phones", "email", "links"));
    List<Contacts.Phone> phones = new ArrayList<>();
    for (Item item : json.objects(o, p, "phones", "phone line")) {
      json.fields(item.object(), item.path(), List.of("label", "number", "who"));
      String label = json.text(item.object(), item.path(), "label");
      String number = json.text(item.object(), item.path(), "number");
      String who = json.optionalText(item.object(), item.path(), "who");
      if (number != null && !PHONE.matcher(number).matches()) {
        json.problem(at(item.path(), "number"), "\"" + number + "\" is not a phone number like 0982 103 591");
        number = null;
      }
      if (label != null && number != null) {
        phones.add(new Contacts.Phone(label, number, who == null ? "" : who));
      }
    }
    String email = json.text(o, p, "email");
    if (email != null && !EMAIL.matcher(email).matches()) {
      json.problem(at(p, "email"), "\"" + email + "\" is not an e-mail address");
    }
    List<Contacts.Link> links = new ArrayList<>();
    for (Item item : json.objects(o, p, "links", null)) {
      json.fields(item.object(), item.path(), List.of("label", "url"));
      String label = json.text(item.object(), item.path(), "label");
      String url = json.text(item.object(), item.path(), "url");
      if (url != null && !URL.matcher(url).matches()) {
        json.problem(at(item.path(), "url"), "\"" + url + "\" is not a web address starting with http:// or https://");
        url = null;
      }
      if (label != null && url != null) {
        links.add(new Contacts.Link(label, url));
      }
    }
    return new Contacts(phones, email, links);
  }
}
