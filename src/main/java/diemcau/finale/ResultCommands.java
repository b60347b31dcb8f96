package diemcau.finale;

import diemcau.command.Args;
import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Results and the reveal: {@code final.tie.break {units, reason}} records the council's order
 * for a tie, {@code final.finalise {override?}} checks that the results are complete (every
 * presentation ended, every judge's sheet for every finalist, no tie across a prize boundary)
 * and computes the reveal script, {@code final.finalise.undo {reason}} takes that back before
 * the first step [admin]; {@code final.reveal.next} and {@code final.reveal.previous} move
 * through the script [mc, admin], ignoring clicks closer than {@link FinalService#REVEAL_GAP_MS}.
 */
final class ResultCommands {

  private final FinalService core;

  ResultCommands(FinalService core) {
    this.core = core;
  }

  void register(CommandDispatcher dispatcher) {
    dispatcher.register("final.tie.break", FinalService.ADMIN, (caller, args, now) -> {
      List<String> units = FinalArgs.units(args, "units");
      FinalArgs.reason(args);
      return tieBreak(units);
    });
    dispatcher.register("final.finalise", FinalService.ADMIN, (caller, args, now) -> finalise(Overrides.of(caller, args), args));
    dispatcher.register("final.finalise.undo", FinalService.ADMIN, (caller, args, now) -> {
      FinalArgs.reason(args);
      Reveal reveal = requireReveal();
      if (reveal.step() > 0) {
        throw CommandException.conflict("revealing", "the reveal has begun: the results stay final");
      }
      return core.change(core.state().withReveal(null));
    });
    dispatcher.register("final.reveal.next", FinalService.MC, (caller, args, now) -> step(+1, now));
    dispatcher.register("final.reveal.previous", FinalService.MC, (caller, args, now) -> step(-1, now));
  }

  private Change tieBreak(List<String> units) {
    FinalState state = core.state();
    state.requireNotFinalised();
    if (units.size() < 2) {
      throw CommandException.badArgument("units", "a tie needs at least two units");
    }
    Set<String> set = new HashSet<>(units);
    List<List<String>> others = new ArrayList<>(state.tieBreaks());
    others.removeIf(decided -> new HashSet<>(decided).equals(set));
    FinalResults outcome = FinalResults.of(state.withTieBreaks(others), core.event());
    List<List<String>> ties = new ArrayList<>(UnitRanking.ties(outcome.finalists()));
    ties.addAll(UnitRanking.ties(outcome.others()));
    if (ties.stream().noneMatch(tie -> new HashSet<>(tie).equals(set))) {
      throw CommandException.badArgument("units", "these units do not tie with each other (and with no one else)"
          + (ties.isEmpty() ? ": there is no tie" : "; the ties are: " + String.join("; ", ties.stream().map(t -> String.join(",", t)).toList())));
    }
    others.add(units);
    return core.change(state.withTieBreaks(others));
  }

  private Change finalise(Overrides overrides, Args args) {
    FinalState state = core.state();
    state.requireNotFinalised();
    List<String> open = core.agenda().finalSlots().stream().filter(slot -> !slot.ended())
        .map(slot -> slot.presentation() + " (" + (slot.unit() == null ? "no unit yet" : FinalResults.name(core.event(), slot.unit())) + ")")
        .toList();
    overrides.check(!open.isEmpty(), "slots_not_ended", "the results are finalised once every presentation has ended: "
        + "presentation " + String.join(", ", open) + " has not");
    FinalResults outcome = FinalResults.of(state, core.event());
    overrides.check(!outcome.missing().isEmpty(), "sheets_missing", "the results are finalised once every judge has "
        + "submitted every finalist: " + summary(outcome.missing()));
    if (!outcome.problems().isEmpty()) {
      throw CommandException.conflict("not_ready", "the results cannot be finalised: " + summary(outcome.problems()));
    }
    return core.change(state.withReveal(new Reveal(RevealScript.of(outcome.awards(), core.event()), 0, 0)), null,
        overrides.audit(args));
  }

  private static String summary(List<FinalResults.Issue> issues) {
    List<String> messages = issues.stream().map(FinalResults.Issue::message).toList();
    return String.join("; ", messages.subList(0, Math.min(5, messages.size())))
        + (messages.size() > 5 ? "; and " + (messages.size() - 5) + " more" : "");
  }

  private Change step(int delta, long now) {
    Reveal reveal = requireReveal();
    int next = reveal.step() + delta;
    if (next < 0) {
      throw CommandException.conflict("at_start", "nothing is revealed yet");
    }
    if (next > reveal.steps()) {
      throw CommandException.conflict("at_end", "every prize is revealed");
    }
    if (now - reveal.at() < FinalService.REVEAL_GAP_MS) {
      throw CommandException.conflict("animating", "the hall is still showing the last step: click again when it has");
    }
    return core.change(core.state().withReveal(reveal.moved(next, now)));
  }

  private Reveal requireReveal() {
    Reveal reveal = core.state().reveal();
    if (reveal == null) {
      throw CommandException.conflict("not_finalised", "the results are not finalised yet (final.finalise)");
    }
    return reveal;
  }
}
