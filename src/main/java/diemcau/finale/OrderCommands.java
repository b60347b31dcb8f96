package diemcau.finale;

import diemcau.agenda.AgendaService;
import diemcau.command.Args;
import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;

/**
 * The presentation order: {@code final.draw {seed?}} [mc, admin] draws it once, with the number
 * drawn in the hall when one is typed, else with one the server picks;
 * {@code final.draw.redo {reason, seed?}} and {@code final.order.set {order, reason?}} [admin]
 * replace it before the first presentation starts. The seed goes into the audit log with the
 * order it gave. When each slot is planned is the final's programme (the event file).
 */
final class OrderCommands {

  private final FinalService core;

  OrderCommands(FinalService core) {
    this.core = core;
  }

  void register(CommandDispatcher dispatcher) {
    dispatcher.register("final.draw", FinalService.MC, (caller, args, now) -> {
      Long seed = seed(args);
      if (core.state().order() != null) {
        throw CommandException.conflict("already_drawn",
            "the order is already " + (PresentationOrder.DRAW.equals(core.state().order().method()) ? "drawn" : "set")
                + ": redoing it needs final.draw.redo by an admin, with a reason");
      }
      return draw(seed, now, 0, null);
    });
    dispatcher.register("final.draw.redo", FinalService.ADMIN, (caller, args, now) -> {
      String reason = FinalArgs.reason(args);
      Long seed = seed(args);
      PresentationOrder before = requireReplaceable();
      return draw(seed, now, before.redraws() + 1, reason);
    });
    dispatcher.register("final.order.set", FinalService.ADMIN, (caller, args, now) -> set(args, now));
  }

  /** The seed given (a number drawn in the hall), or null when the server is to pick one. */
  private Long seed(Args args) {
    if (!args.json().containsKey("seed")) {
      return null;
    }
    long seed = args.requireLong("seed");
    if (seed < 0 || seed > Draw.MAX_SEED) {
      throw CommandException.badArgument("seed", "seed must be 0.." + Draw.MAX_SEED + ", got " + seed);
    }
    return seed;
  }

  private Change draw(Long given, long now, int redraws, String reason) {
    FinalState state = core.state();
    requireFinalists(state);
    long seed = given != null ? given : Draw.newSeed();
    List<String> order = Draw.order(state.stage2().finalists(), seed);
    JsonObject audit = new JsonObject().put("seed", seed).put("seedGiven", given != null).put("order", String.join(",", order))
        .put("reason", reason);
    return core.change(state.withOrder(new PresentationOrder(order, PresentationOrder.DRAW, seed, given != null, now, redraws)), null, audit);
  }

  private Change set(Args args, long now) {
    List<String> order = FinalArgs.units(args, "order");
    String reason = args.json().containsKey("reason") ? FinalArgs.reason(args) : null;
    FinalState state = core.state();
    requireFinalists(state);
    if (order.size() != state.stage2().finalists().size()
        || !new HashSet<>(order).equals(new HashSet<>(state.stage2().finalists()))) {
      throw CommandException.badArgument("order", "order must list each of the " + state.stage2().finalists().size()
          + " finalists once: " + String.join(",", state.stage2().finalists()));
    }
    int redraws = 0;
    if (state.order() != null) {
      if (reason == null) {
        throw CommandException.badArgument("reason", "the order is already " + state.order().method()
            + ": replacing it needs a reason");
      }
      redraws = requireReplaceable().redraws() + 1;
    }
    return core.change(state.withOrder(new PresentationOrder(order, PresentationOrder.SET, null, false, now, redraws)));
  }

  private PresentationOrder requireReplaceable() {
    PresentationOrder order = core.state().order();
    if (order == null) {
      throw CommandException.conflict("not_drawn", "there is no order yet: use final.draw or final.order.set");
    }
    if (core.agenda().finalSlots().stream().anyMatch(AgendaService.Slot::started)) {
      throw CommandException.conflict("final_started", "the first presentation has started: the order stays");
    }
    core.state().requireNotFinalised();
    return order;
  }

  private static void requireFinalists(FinalState state) {
    if (!state.stage2().confirmed()) {
      throw CommandException.conflict("no_finalists", "confirm the finalists first (final.finalists.confirm)");
    }
  }
}
