package diemcau.finale;

import diemcau.agenda.AgendaState;
import diemcau.agenda.AgendaStatus;
import io.vertx.core.json.JsonObject;

/**
 * The final's running order: the presentation order (null until drawn or set), the planned
 * start of the first slot (null: the default, see {@link FinalAgenda}), and the anchors of the
 * agenda clock that times the slots.
 */
public record Running(Order order, Long startAt, AgendaState agenda) {

  public static Running empty() {
    return new Running(null, null, AgendaState.idle());
  }

  /** True once the MC has started the slots: from then on the order cannot change. */
  public boolean started() {
    return agenda.status() != AgendaStatus.IDLE;
  }

  public Running withOrder(Order next) {
    return new Running(next, startAt, agenda);
  }

  public Running withStartAt(long next) {
    return new Running(order, next, agenda);
  }

  public Running withAgenda(AgendaState next) {
    return new Running(order, startAt, next);
  }

  public JsonObject toJson() {
    return new JsonObject().put("order", order == null ? null : order.toJson()).put("startAt", startAt)
        .put("agenda", agenda.toJson());
  }

  public static Running fromJson(JsonObject json) {
    JsonObject order = json.getJsonObject("order");
    return new Running(order == null ? null : Order.fromJson(order), json.getLong("startAt"),
        AgendaState.fromJson(json.getJsonObject("agenda")));
  }
}
