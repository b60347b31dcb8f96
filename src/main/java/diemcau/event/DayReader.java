package diemcau.event;

import static diemcau.event.JsonFieldReader.at;

import diemcau.event.JsonFieldReader.Item;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a day the agenda runs ({@code $.conference}, {@code $.final}): its name, date, announced
 * start, venue and programme, in the event's zone. Only the final's programme has presentation
 * slots, one per finalist.
 */
final class DayReader {

  private static final List<String> DAY_FIELDS = List.of("name", "date", "start", "venue", "programme");
  private static final List<String> ITEM_FIELDS = List.of("id", "title", "by", "start", "end", "minutes");
  /** The longest programme item given by its length. */
  private static final long MAX_ITEM_MINUTES = 12 * 60;
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final JsonFieldReader json;
  /** The event's zone; null when it is wrong (times are then checked against their own offsets). */
  private final ZoneId zone;

  DayReader(JsonFieldReader json, ZoneId zone) {
    this.json = json;
    this.zone = zone;
  }

  /**
   * The day at {@code $.key}, or null when it has a problem. {@code otherFields} are the day's
   * fields beyond its own (the final's rules); {@code finalists}, when not null, is how many
   * presentation slots the programme must have.
   */
  Day read(JsonObject root, String id, String key, List<String> otherFields, Integer finalists) {
    JsonObject o = json.object(root, "$", key);
    if (o == null) {
      return null;
    }
    String p = at("$", key);
    List<String> allowed = new ArrayList<>(DAY_FIELDS);
    allowed.addAll(otherFields);
    json.fields(o, p, allowed);
    String name = json.text(o, p, "name");
    LocalDate date = json.date(o, p, "date");
    OffsetDateTime start = json.time(o, p, "start", zone);
    if (date != null && start != null && !localDate(start).equals(date)) {
      json.problem(at(p, "start"), "is on " + localDate(start) + ", not on the day's date " + date);
    }
    Venue venue = venue(o, p);
    List<AgendaItem> programme = programme(o, p, date, start, Day.FINAL.equals(id), finalists);
    if (name == null || date == null || start == null || venue == null || programme.isEmpty()) {
      return null;
    }
    return new Day(id, name, date, start.toInstant(), venue, programme);
  }

  private Venue venue(JsonObject day, String dayPath) {
    JsonObject o = json.object(day, dayPath, "venue");
    if (o == null) {
      return null;
    }
    String p = at(dayPath, "venue");
    json.fields(o, p, List.of("name", "address"));
    String name = json.text(o, p, "name");
    String address = json.text(o, p, "address");
    return name == null || address == null ? null : new Venue(name, address);
  }

  /**
   * A day's programme. An item gives its {@code start} and {@code end}, or its length in
   * {@code minutes}: it then starts when the item before it ends (the first one at the day's
   * start). Items follow one another in time, on the day's date. With {@code presentations} the
   * items may be presentation slots, numbered 1, 2, … in programme order, one per finalist.
   */
  private List<AgendaItem> programme(JsonObject day, String dayPath, LocalDate date, OffsetDateTime dayStart,
      boolean presentations, Integer finalists) {
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
    List<Item> programme = json.objects(day, dayPath, "programme", "programme item");
    for (Item item : programme) {
      JsonObject o = item.object();
      String p = item.path();
      json.fields(o, p, itemFields);
      String id = json.code(o, p, "id");
      String title = json.text(o, p, "title");
      String by = json.optionalText(o, p, "by");
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
          json.problem(at(p, "minutes"), "give either start and end, or minutes, not both");
        }
        Long minutes = json.whole(o, p, "minutes");
        if (minutes != null && (minutes < 1 || minutes > MAX_ITEM_MINUTES)) {
          json.problem(at(p, "minutes"), "must be from 1 to " + MAX_ITEM_MINUTES + ", not " + minutes);
          minutes = null;
        }
        start = previousEnd;
        end = start == null || minutes == null ? null : start.plusMinutes(minutes);
        startField = "minutes";
      } else {
        start = json.time(o, p, "start", zone);
        end = json.time(o, p, "end", zone);
        startField = "start";
      }
      previousEnd = end;
      json.unique(ids, id, p, "id", "programme id");
      if (start != null && end != null && !end.isAfter(start)) {
        json.problem(at(p, "end"), "ends " + show(end, start) + ", not after its start " + show(start, end));
      }
      if (start != null && latestEnd != null && start.isBefore(latestEnd)) {
        String which = latest.index() == item.index() - 1 ? "the previous item" : "an earlier item";
        json.problem(at(p, startField), "starts " + show(start, latestEnd) + ", which overlaps " + which
            + " \"" + latestTitle + "\" (" + latest.path() + ") that ends " + show(latestEnd, start)
            + "; items must follow one another in time");
      }
      if (start != null && date != null && !localDate(start).equals(date)) {
        json.problem(at(p, startField), "starts on " + localDate(start) + ", not on the day's date " + date);
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
    if (presentations && finalists != null && !programme.isEmpty() && slots != finalists) {
      json.problem(at(dayPath, "programme"), "has " + slots + " presentation slots, but the final has "
          + finalists + " finalists ($.quotas.finalists): one slot each");
    }
    return items;
  }

  /** A presentation slot's number: the {@code expected}-th slot of the programme is number {@code expected}. */
  private Integer presentation(JsonObject o, String p, int expected) {
    Long number = json.whole(o, p, "presentation");
    if (number == null) {
      return null;
    }
    if (number != expected) {
      json.problem(at(p, "presentation"), "is " + number + " but this is slot " + expected
          + " of the programme: slots are numbered 1, 2, 3… in programme order");
      return null;
    }
    return expected;
  }

  private LocalDate localDate(OffsetDateTime time) {
    return zone == null ? time.toLocalDate() : time.atZoneSameInstant(zone).toLocalDate();
  }

  /** A clock time in the event zone (or its own offset); with the date when it differs from {@code other}'s. */
  private String show(OffsetDateTime time, OffsetDateTime other) {
    OffsetDateTime t = zone == null ? time : time.atZoneSameInstant(zone).toOffsetDateTime();
    OffsetDateTime u = zone == null ? other : other.atZoneSameInstant(zone).toOffsetDateTime();
    return (t.toLocalDate().equals(u.toLocalDate()) ? CLOCK : DAY_AND_CLOCK).format(t);
  }
}
