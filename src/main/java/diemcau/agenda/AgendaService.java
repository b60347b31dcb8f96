package diemcau.agenda;

import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import diemcau.command.LiveCore;
import diemcau.command.Role;
import diemcau.event.AgendaItem;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The conference agenda as a live core: the MC's agenda commands and the {@code agenda} topic. */
public final class AgendaService implements LiveCore {

  private static final Set<Role> MC = Set.of(Role.MC, Role.ADMIN);

  private final Agenda agenda;
  private AgendaState state = AgendaState.idle();

  public AgendaService(List<AgendaItem> items) {
    this.agenda = new Agenda(items);
  }

  @Override
  public String topic() {
    return "agenda";
  }

  @Override
  public JsonObject topicData(long now) {
    return agenda.toTopic(state, now);
  }

  @Override
  public void restore(JsonObject stored) {
    state = AgendaState.fromJson(stored);
  }

  @Override
  public void register(CommandDispatcher dispatcher) {
    dispatcher.register("agenda.start", MC, (caller, args, now) -> {
      Integer index = args.optInt("index");
      return change(() -> agenda.start(state, now, index));
    });
    dispatcher.register("agenda.next", MC, (caller, args, now) -> change(() -> agenda.next(state, now)));
    dispatcher.register("agenda.previous", MC, (caller, args, now) -> change(() -> agenda.previous(state, now)));
    dispatcher.register("agenda.goto", MC, (caller, args, now) -> {
      int index = args.requireInt("index");
      return change(() -> agenda.goTo(state, now, index));
    });
    dispatcher.register("agenda.pause", MC, (caller, args, now) -> change(() -> agenda.pause(state, now)));
    dispatcher.register("agenda.resume", MC, (caller, args, now) -> change(() -> agenda.resume(state, now)));
    dispatcher.register("agenda.adjust", MC, (caller, args, now) -> {
      long ms = args.requireLong("ms");
      return change(() -> agenda.adjust(state, now, ms));
    });
  }

  private Change change(Supplier<AgendaState> transition) {
    AgendaState next;
    try {
      next = transition.get();
    } catch (AgendaException e) {
      throw new CommandException(e.field() != null ? 400 : 409, e.code(), e.field(), e.getMessage());
    }
    return Change.ofState(this, next.toJson(), () -> state = next);
  }
}
