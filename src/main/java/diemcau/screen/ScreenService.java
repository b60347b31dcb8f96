package diemcau.screen;

import diemcau.command.Args;
import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import diemcau.command.LiveCore;
import diemcau.command.Role;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * What the hall and the bridge screens show, chosen by the MC: the scene, a message banner
 * over it, or a blackout. Published as the {@code screen} topic.
 */
public final class ScreenService implements LiveCore {

  public static final List<String> SCENES = List.of("agenda", "bridges", "leaderboard", "final", "logo");
  public static final int MESSAGE_LIMIT = 280;
  private static final Set<Role> MC = Set.of(Role.MC, Role.ADMIN);

  /** The screen state; {@code message} is null when no banner is up. */
  record State(String scene, Message message, boolean blackout) {
    JsonObject toJson() {
      return new JsonObject()
          .put("scene", scene)
          .put("message", message == null ? null : new JsonObject().put("text", message.text()).put("tone", message.tone()))
          .put("blackout", blackout);
    }

    static State fromJson(JsonObject json) {
      JsonObject message = json.getJsonObject("message");
      return new State(json.getString("scene", "agenda"),
          message == null ? null : new Message(message.getString("text"), message.getString("tone")),
          json.getBoolean("blackout", false));
    }
  }

  record Message(String text, String tone) {}

  private static final State INITIAL = new State("agenda", null, false);

  private State state = INITIAL;

  @Override
  public String topic() {
    return "screen";
  }

  @Override
  public JsonObject topicData(long now) {
    return state.toJson();
  }

  @Override
  public void restore(JsonObject stored) {
    state = State.fromJson(stored);
  }

  @Override
  public void register(CommandDispatcher dispatcher) {
    dispatcher.register("screen.scene", MC, (caller, args, now) ->
        change(new State(scene(args), state.message(), state.blackout())));
    dispatcher.register("screen.message", MC, (caller, args, now) ->
        change(new State(state.scene(), message(args), state.blackout())));
    dispatcher.register("screen.clear", MC, (caller, args, now) ->
        change(new State(state.scene(), null, state.blackout())));
    dispatcher.register("screen.blackout", MC, (caller, args, now) -> {
      Boolean on = args.optBoolean("on");
      if (on == null) {
        throw CommandException.badArgument("on", "on is required: true blanks every screen, false restores them");
      }
      return change(new State(state.scene(), state.message(), on));
    });
  }

  /** Back to before a rehearsal: the agenda scene, no message, no blackout. */
  public Change reset() {
    return change(INITIAL);
  }

  private static String scene(Args args) {
    String scene = args.requireString("scene");
    if (!SCENES.contains(scene)) {
      throw CommandException.badArgument("scene", "scene must be one of " + String.join(", ", SCENES) + ", got " + scene);
    }
    return scene;
  }

  private static Message message(Args args) {
    String text = args.requireText("text", MESSAGE_LIMIT);
    String tone = args.optString("tone");
    if (tone == null) {
      tone = "info";
    } else if (!tone.equals("info") && !tone.equals("attention")) {
      throw CommandException.badArgument("tone", "tone must be info or attention, got " + tone);
    }
    return new Message(text, tone);
  }

  private Change change(State next) {
    return Change.ofState(this, next.toJson(), () -> state = next);
  }
}
