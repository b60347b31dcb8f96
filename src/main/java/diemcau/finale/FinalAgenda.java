package diemcau.finale;

import diemcau.agenda.Agenda;
import diemcau.event.AgendaItem;
import diemcau.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The final's running order as an agenda: one slot per finalist in presentation order, each
 * {@code presentationMinutes + qaMinutes} long, back to back from the planned start (by
 * default 08:00 on the final's date in the event's zone; {@code final.schedule} moves it).
 * The slots are timed by the same {@link Agenda} clock as the conference.
 */
public final class FinalAgenda {

  private FinalAgenda() {}

  /** The planned start of the first slot. */
  public static long start(Running running, Event event) {
    return running.startAt() != null ? running.startAt()
        : event.finalDay().presentations().get(0).plannedStart().toEpochMilli();
  }

  /** The agenda of the drawn or set order; null before there is an order. */
  public static Agenda of(FinalState state, Event event) {
    Order order = state.running().order();
    if (order == null) {
      return null;
    }
    long slotMs = event.finalDay().presentations().get(0).plannedDurationMs();
    long at = start(state.running(), event);
    List<AgendaItem> items = new ArrayList<>();
    for (String unit : order.units()) {
      Entry entry = state.stage2().entries().get(unit);
      items.add(new AgendaItem("slot-" + unit, Outcome.name(event, unit), entry == null ? "" : entry.title(),
          Instant.ofEpochMilli(at), Instant.ofEpochMilli(at + slotMs)));
      at += slotMs;
    }
    return new Agenda(items);
  }
}
