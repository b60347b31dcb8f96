package diemcau.finale;

import diemcau.agenda.Agenda;
import diemcau.agenda.AgendaException;
import diemcau.agenda.AgendaState;
import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import java.util.function.Function;

/**
 * The MC's controls of the final's slots, the conference's agenda commands under
 * {@code final.agenda.*} [mc, admin]: start {index?}, next, previous, goto {index}, pause,
 * resume, adjust {ms}. Same clock, same rules; the slots come from the order.
 */
final class FinalAgendaCommands {

  private final FinaleService core;

  FinalAgendaCommands(FinaleService core) {
    this.core = core;
  }

  void register(CommandDispatcher dispatcher) {
    dispatcher.register("final.agenda.start", FinaleService.MC, (caller, args, now) -> {
      Integer index = args.optInt("index");
      return change(agenda -> agenda.start(core.state().running().agenda(), now, index));
    });
    dispatcher.register("final.agenda.next", FinaleService.MC, (caller, args, now) ->
        change(agenda -> agenda.next(core.state().running().agenda(), now)));
    dispatcher.register("final.agenda.previous", FinaleService.MC, (caller, args, now) ->
        change(agenda -> agenda.previous(core.state().running().agenda(), now)));
    dispatcher.register("final.agenda.goto", FinaleService.MC, (caller, args, now) -> {
      int index = args.requireInt("index");
      return change(agenda -> agenda.goTo(core.state().running().agenda(), now, index));
    });
    dispatcher.register("final.agenda.pause", FinaleService.MC, (caller, args, now) ->
        change(agenda -> agenda.pause(core.state().running().agenda(), now)));
    dispatcher.register("final.agenda.resume", FinaleService.MC, (caller, args, now) ->
        change(agenda -> agenda.resume(core.state().running().agenda(), now)));
    dispatcher.register("final.agenda.adjust", FinaleService.MC, (caller, args, now) -> {
      long ms = args.requireLong("ms");
      return change(agenda -> agenda.adjust(core.state().running().agenda(), now, ms));
    });
  }

  private Change change(Function<Agenda, AgendaState> transition) {
    Agenda agenda = FinalAgenda.of(core.state(), core.event());
    if (agenda == null) {
      throw CommandException.conflict("no_order", "there is no presentation order yet: draw it or set it first");
    }
    AgendaState next;
    try {
      next = transition.apply(agenda);
    } catch (AgendaException e) {
      throw new CommandException(e.field() != null ? 400 : 409, e.code(), e.field(), e.getMessage());
    }
    return core.change(core.state().with(core.state().running().withAgenda(next)));
  }
}
