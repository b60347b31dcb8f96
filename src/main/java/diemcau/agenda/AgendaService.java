package diemcau.agenda;

import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import diemcau.command.LiveCore;
import diemcau.command.Role;
import diemcau.event.AgendaItem;
import diemcau.event.Day;
import diemcau.event.Event;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The agenda of both days as one live core: the conference's programme and the final's (its
 * presentation slots named after the drawn order), one {@link Agenda} clock each, the same
 * {@code agenda.*} commands, and one {@code agenda} topic serving one day at a time.
 *
 * <p>Which day: the one an MC or admin chose ({@code agenda.day}), else the calendar's (the
 * conference until the end of its date, then the final); a day whose programme is running or
 * paused is never left by itself. The topic says which day it serves, with its name, date and
 * venue, so every screen shows the day it is serving.
 */
public final class AgendaService implements LiveCore {

  public static final String TOPIC = "agenda";
  /** How often the calendar's choice of day is looked at again. */
  static final long DAY_CHECK_MS = 60_000;
  private static final Set<Role> MC = Set.of(Role.MC, Role.ADMIN);

  /** Who presents in one of the final's slots: a unit, its name, and its entry's title. */
  public record Presenter(String unit, String name, String title) {}

  /** Where one of the final's presentation slots is: started, and ended (not running again). */
  public record Slot(int presentation, String unit, boolean started, boolean ended) {}

  private final Event event;
  private final Clock clock;
  /** The day an MC or admin chose; null: the calendar's. */
  private String chosenDay;
  private Map<String, Agenda.State> states = idleDays();
  /** The final's presenters, slot by slot, once the order is drawn (empty before). */
  private List<Presenter> presenters = List.of();
  private String servedInLastFrame;

  public AgendaService(Event event, Clock clock) {
    this.event = event;
    this.clock = clock;
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  public JsonObject topicData(long now) {
    Day day = served(now);
    servedInLastFrame = day.id();
    return agenda(day).toTopic(states.get(day.id()))
        .put("day", day.id())
        .put("dayName", day.name())
        .put("date", day.date().toString())
        .put("dayStart", day.start().toEpochMilli())
        .put("venue", new JsonObject().put("name", day.venue().name()).put("address", day.venue().address()))
        .put("dayChosen", chosenDay != null);
  }

  @Override
  public void restore(JsonObject stored) {
    if (stored.containsKey("status")) { // stored before the final had its day: the conference's agenda
      states = idleDays();
      states.put(Day.CONFERENCE, Agenda.State.fromJson(stored));
      return;
    }
    chosenDay = stored.getString("chosenDay");
    states = idleDays();
    stored.getJsonObject("days", new JsonObject()).forEach(entry ->
        states.put(entry.getKey(), Agenda.State.fromJson((JsonObject) entry.getValue())));
  }

  @Override
  public void register(CommandDispatcher dispatcher) {
    dispatcher.register("agenda.start", MC, (caller, args, now) -> {
      Integer index = args.optInt("index");
      return step(now, (agenda, s) -> agenda.start(s, now, index));
    });
    dispatcher.register("agenda.next", MC, (caller, args, now) -> step(now, (agenda, s) -> agenda.next(s, now)));
    dispatcher.register("agenda.previous", MC, (caller, args, now) -> step(now, (agenda, s) -> agenda.previous(s, now)));
    dispatcher.register("agenda.goto", MC, (caller, args, now) -> {
      int index = args.requireInt("index");
      return step(now, (agenda, s) -> agenda.goTo(s, now, index));
    });
    dispatcher.register("agenda.pause", MC, (caller, args, now) -> step(now, (agenda, s) -> agenda.pause(s, now)));
    dispatcher.register("agenda.resume", MC, (caller, args, now) -> step(now, (agenda, s) -> agenda.resume(s, now)));
    dispatcher.register("agenda.adjust", MC, (caller, args, now) -> {
      long ms = args.requireLong("ms");
      return step(now, (agenda, s) -> agenda.adjust(s, now, ms));
    });
    dispatcher.register("agenda.day", MC, (caller, args, now) -> {
      String id = args.requireString("day");
      Day day = event.day(id).orElseThrow(() -> CommandException.badArgument("day",
          "day must be " + Day.CONFERENCE + " or " + Day.FINAL + ", got " + id));
      Day served = served(now);
      if (!served.id().equals(day.id()) && inProgress(served.id())) {
        throw CommandException.conflict("day_in_progress", "the programme of " + served.name() + " is "
            + states.get(served.id()).status().wire() + ": end it (next on its last item) before serving another day");
      }
      return save(day.id(), states);
    });
  }

  @Override
  public Future<Void> start(Vertx vertx, Runnable republish) {
    // the calendar moves on by itself: a screen left on overnight serves the new day
    vertx.setPeriodic(DAY_CHECK_MS, id -> {
      if (servedInLastFrame != null && !served(clock.millis()).id().equals(servedInLastFrame)) {
        republish.run();
      }
    });
    return Future.succeededFuture();
  }

  /**
   * Back to before a rehearsal: with {@code bothDays} both programmes idle and the day chosen by
   * the calendar again; without, only the final's programme idle (its slots' times are gone with
   * the order they were run for).
   */
  public Change reset(boolean bothDays) {
    Map<String, Agenda.State> next = new LinkedHashMap<>(states);
    next.put(Day.FINAL, Agenda.State.idle());
    return bothDays ? save(null, idleDays()) : save(chosenDay, next);
  }

  /** Names the final's presentation slots after the drawn order (slot n: the n-th presenter); empty before the draw. */
  public void presenters(List<Presenter> inOrder) {
    presenters = List.copyOf(inOrder);
  }

  /** The final's presentation slots in order, each with its unit (null before the draw) and how far it is. */
  public List<Slot> finalSlots() {
    List<AgendaItem> items = agenda(event.finalDay()).items();
    Agenda.State state = states.get(Day.FINAL);
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      AgendaItem item = items.get(i);
      if (item.presentation() != null) {
        Agenda.Actual actual = state.actual(i);
        slots.add(new Slot(item.presentation(), item.unit(), actual != null, actual != null && actual.end() != null));
      }
    }
    return slots;
  }

  /** The unit presenting in the final right now (its slot running or paused), or null. */
  public String presenting() {
    Agenda.State state = states.get(Day.FINAL);
    if (state.current() == null) {
      return null;
    }
    return agenda(event.finalDay()).items().get(state.current()).unit();
  }

  /** The day served at {@code now}: the chosen one, else a day in progress, else the calendar's. */
  Day served(long now) {
    if (chosenDay != null) {
      return event.day(chosenDay).orElseThrow();
    }
    for (Day day : event.days()) {
      if (inProgress(day.id())) {
        return day;
      }
    }
    boolean conferenceOver = Instant.ofEpochMilli(now).atZone(event.zone()).toLocalDate().isAfter(event.conference().date());
    return conferenceOver ? event.finalDay() : event.conference();
  }

  private boolean inProgress(String day) {
    Agenda.Status status = states.get(day).status();
    return status == Agenda.Status.RUNNING || status == Agenda.Status.PAUSED;
  }

  /** A day's clock over its programme, the final's slots named after their presenters. */
  private Agenda agenda(Day day) {
    if (!Day.FINAL.equals(day.id()) || presenters.isEmpty()) {
      return new Agenda(day.programme());
    }
    List<AgendaItem> items = new ArrayList<>();
    for (AgendaItem item : day.programme()) {
      Integer slot = item.presentation();
      if (slot != null && slot <= presenters.size()) {
        Presenter presenter = presenters.get(slot - 1);
        items.add(item.presentedBy(presenter.unit(), presenter.name(), presenter.title()));
      } else {
        items.add(item);
      }
    }
    return new Agenda(items);
  }

  /** One transition of the served day's clock. */
  private Change step(long now, BiFunction<Agenda, Agenda.State, Agenda.State> transition) {
    Day day = served(now);
    Agenda agenda = agenda(day);
    Agenda.State next;
    try {
      next = transition.apply(agenda, states.get(day.id()));
    } catch (AgendaException e) {
      throw new CommandException(e.field() != null ? 400 : 409, e.code(), e.field(), e.getMessage());
    }
    if (next.current() != null) {
      AgendaItem item = agenda.items().get(next.current());
      if (item.presentation() != null && item.unit() == null) {
        throw CommandException.conflict("no_order", "\"" + item.title() + "\" is a presentation slot and the order is not"
            + " drawn yet: draw it (final.draw) or set it before the first presentation");
      }
    }
    Map<String, Agenda.State> all = new LinkedHashMap<>(states);
    all.put(day.id(), next);
    return save(chosenDay, all);
  }

  private Change save(String day, Map<String, Agenda.State> next) {
    JsonObject days = new JsonObject();
    next.forEach((id, state) -> days.put(id, state.toJson()));
    Map<String, Agenda.State> installed = new LinkedHashMap<>(next);
    return Change.ofState(this, new JsonObject().put("chosenDay", day).put("days", days), () -> {
      chosenDay = day;
      states = installed;
    });
  }

  private static Map<String, Agenda.State> idleDays() {
    Map<String, Agenda.State> days = new LinkedHashMap<>();
    days.put(Day.CONFERENCE, Agenda.State.idle());
    days.put(Day.FINAL, Agenda.State.idle());
    return days;
  }
}
