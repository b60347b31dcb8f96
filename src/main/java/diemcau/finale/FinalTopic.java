package diemcau.finale;

import diemcau.event.Event;
import diemcau.event.Unit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;

/**
 * The public {@code final} topic: only what may be on any screen now. The entries without their
 * representative and contact, the finalists once confirmed (by unit code: their order must not
 * tell the council's ranking), the order once drawn (with the seed and the sorted list it was
 * drawn from, so anyone can re-run it), and of the results only the awards revealed so far, with
 * the least time between two reveal steps ({@code reveal.gapMs}: the pages wait that long, the
 * server refuses a step sooner). No score, council or judge, is ever part of it. The
 * presentations' timing is the {@code agenda} topic's, on the final's day.
 */
final class FinalTopic {

  private FinalTopic() {}

  static JsonObject of(FinalState state, Event event) {
    Stage2 stage2 = state.stage2();
    JsonArray entries = new JsonArray();
    stage2.entries().values().forEach(entry -> entries.add(unit(event, entry.unit())
        .put("title", entry.title())
        .put("channel", entry.channel().wire())
        .put("channelLabel", entry.channel().label())
        .put("receivedAt", entry.receivedAt())
        .put("status", entry.status().wire())
        .put("statusLabel", entry.status().label())));
    JsonArray finalists = new JsonArray();
    stage2.finalists().stream().sorted().forEach(unit -> finalists.add(unit(event, unit)));
    return new JsonObject()
        .put("quota", event.quotas().stage2Units())
        .put("received", stage2.entries().size())
        .put("entries", entries)
        .put("finalistsQuota", event.quotas().finalists())
        .put("finalists", finalists)
        .put("draw", draw(state.order(), stage2))
        .put("order", state.order() == null ? null : new JsonArray(new ArrayList<>(state.order().units())))
        .put("finalised", state.finalised())
        .put("reveal", reveal(state.reveal(), event));
  }

  private static JsonObject draw(PresentationOrder order, Stage2 stage2) {
    if (order == null) {
      return null;
    }
    JsonArray sorted = new JsonArray();
    stage2.finalists().stream().sorted().forEach(sorted::add);
    return new JsonObject()
        .put("method", order.method())
        .put("seed", order.seed())
        .put("seedGiven", order.seedGiven())
        .put("sorted", PresentationOrder.DRAW.equals(order.method()) ? sorted : null)
        .put("at", order.at())
        .put("redraws", order.redraws());
  }

  private static JsonObject reveal(Reveal reveal, Event event) {
    JsonArray revealed = new JsonArray();
    if (reveal == null) {
      return new JsonObject().put("step", 0).put("steps", 0).put("at", null).put("gapMs", FinalService.REVEAL_GAP_MS)
          .put("revealed", revealed);
    }
    reveal.revealed().forEach(award -> revealed.add(unit(event, award.unit())
        .put("prize", award.prize())
        .put("prizeName", award.prizeName())
        .put("amountVnd", award.amountVnd())
        .put("rank", award.rank())));
    return new JsonObject().put("step", reveal.step()).put("steps", reveal.steps()).put("at", reveal.at())
        .put("gapMs", FinalService.REVEAL_GAP_MS).put("revealed", revealed);
  }

  private static JsonObject unit(Event event, String code) {
    Unit unit = event.unit(code).orElse(null);
    return new JsonObject()
        .put("unit", code)
        .put("name", unit == null ? code : unit.displayName())
        .put("kind", unit == null ? null : unit.kind().name());
  }
}
