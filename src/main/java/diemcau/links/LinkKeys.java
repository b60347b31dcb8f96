package diemcau.links;

import diemcau.command.Args;
import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import diemcau.command.Credentials;
import diemcau.command.LiveCore;
import diemcau.command.Role;
import diemcau.event.Event;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys of the links that are not bridge links, each revocable: the hall projector's link (its
 * key puts the hall's screen in the priority tier) and each unit's report link (its key opens the
 * unit's personal report, so it is never the bridge key printed on the room's card). A key is an
 * HMAC of the link's purpose and generation; revoking a link bumps its generation, so the old key
 * stops working and a new one is shown on {@code /admin}. Generations are kept in {@code core_state}
 * under {@value #NAME}, a name no screen can subscribe to.
 *
 * <p>Changed on the command verticle; read by every event loop (an immutable snapshot).
 */
public final class LinkKeys implements LiveCore {

  static final String NAME = "link-keys";
  private static final Set<Role> ADMIN = Set.of(Role.ADMIN);

  private record Generations(int hall, Map<String, Integer> reports) {
    JsonObject toJson() {
      return new JsonObject().put("hall", hall).put("reports", new JsonObject(new HashMap<>(reports)));
    }

    static Generations fromJson(JsonObject json) {
      Map<String, Integer> reports = new HashMap<>();
      json.getJsonObject("reports", new JsonObject()).forEach(entry -> reports.put(entry.getKey(), ((Number) entry.getValue()).intValue()));
      return new Generations(json.getInteger("hall", 0), Map.copyOf(reports));
    }
  }

  private final Credentials credentials;
  private final Event event;
  private volatile Generations generations = new Generations(0, Map.of());

  public LinkKeys(Credentials credentials, Event event) {
    this.credentials = credentials;
    this.event = event;
  }

  /** The key of the hall projector's link. */
  public String hallKey() {
    return credentials.linkKey("hall:" + generations.hall());
  }

  public boolean hallKeyValid(String key) {
    return Credentials.keyMatches(hallKey(), key);
  }

  /** The key of a unit's report link. */
  public String reportKey(String unit) {
    return credentials.linkKey("report:" + unit + ":" + generations.reports().getOrDefault(unit, 0));
  }

  public boolean reportKeyValid(String unit, String key) {
    return event.unit(unit).isPresent() && Credentials.keyMatches(reportKey(unit), key);
  }

  @Override
  public String topic() {
    return NAME;
  }

  /** Not a public topic: never sent to a screen. */
  @Override
  public JsonObject topicData(long now) {
    return generations.toJson();
  }

  @Override
  public void restore(JsonObject stored) {
    generations = Generations.fromJson(stored);
  }

  @Override
  public void register(CommandDispatcher dispatcher) {
    dispatcher.register("report.key.revoke", ADMIN, (caller, args, now) -> revokeReport(args));
    dispatcher.register("hall.key.revoke", ADMIN, (caller, args, now) -> {
      Generations held = generations;
      return change(new Generations(held.hall() + 1, held.reports()));
    });
  }

  private Change revokeReport(Args args) {
    String unit = args.requireString("unit");
    if (event.unit(unit).isEmpty()) {
      throw CommandException.badArgument("unit", "unknown unit code: " + unit);
    }
    Generations held = generations;
    Map<String, Integer> reports = new HashMap<>(held.reports());
    reports.merge(unit, 1, Integer::sum);
    return change(new Generations(held.hall(), Map.copyOf(reports)));
  }

  private Change change(Generations next) {
    return Change.ofState(this, next.toJson(), () -> generations = next);
  }
}
