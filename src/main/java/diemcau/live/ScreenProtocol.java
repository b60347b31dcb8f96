package diemcau.live;

import diemcau.command.Addresses;
import diemcau.command.CommandPipe;
import diemcau.command.Role;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Set;

/**
 * The client → server side of the screen protocol: a screen's hello (which topics it reads, answered
 * with their newest states, whole), its pings (answered with a pong carrying the server's clock), its
 * commands (answered with an ack once the command was committed or refused), and an error frame
 * for anything else. Also tells the bridges core when a bridge site's screen is heard from.
 * Runs on the event loop of the socket's group.
 */
final class ScreenProtocol {

  /** A bridge screen's traffic is reported as presence at most this often. */
  private static final long PRESENCE_EVERY_MS = 2_000;

  private static final Set<String> SCREENS = Set.of("hall", "bridge", "public", "mc", "judge", "admin");

  private final Vertx vertx;
  private final LiveHub hub;
  private final Clock clock;

  ScreenProtocol(Vertx vertx, LiveHub hub, Clock clock) {
    this.vertx = vertx;
    this.hub = hub;
    this.clock = clock;
  }

  /** A text frame from {@code socket}. */
  void onText(ScreenSocket socket, String text) {
    if (clock.millis() - socket.lastPresence >= PRESENCE_EVERY_MS) {
      presence(socket, "seen");
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error(socket, "bad_json", "frame is not a JSON object");
      return;
    }
    String type = frame.getValue("type") instanceof String t ? t : null;
    if (type == null) {
      error(socket, "bad_frame", "type is missing");
      return;
    }
    switch (type) {
      case "hello" -> hello(socket, frame);
      case "ping" -> pong(socket, frame);
      case "command" -> command(socket, frame);
      default -> error(socket, "bad_frame", "unknown type: " + type);
    }
  }

  /** A binary frame from {@code socket}: not part of the protocol. */
  void onBinary(ScreenSocket socket) {
    error(socket, "bad_frame", "binary frames are not part of the protocol");
  }

  /** Tells the bridges core that a bridge site's screen opened, closed, or was heard from. */
  void presence(ScreenSocket socket, String event) {
    if (socket.caller.role() == Role.BRIDGE) {
      socket.lastPresence = clock.millis();
      vertx.eventBus().publish(Addresses.PRESENCE, new JsonObject().put("unit", socket.caller.id()).put("event", event));
    }
  }

  private void hello(ScreenSocket socket, JsonObject frame) {
    Object screen = frame.getValue("screen");
    if (!(screen instanceof String name) || !SCREENS.contains(name)) {
      error(socket, "bad_hello", "screen must be one of " + String.join("|", SCREENS));
      return;
    }
    Object topics = frame.getValue("topics");
    if (!(topics instanceof JsonArray list)) {
      error(socket, "bad_hello", "topics must be an array of topic names");
      return;
    }
    int wanted = 0;
    for (Object topic : list) {
      int index = topic instanceof String t ? LiveHub.topicIndex(t) : -1;
      if (index < 0) {
        error(socket, "bad_hello", "unknown topic: " + topic);
        return;
      }
      wanted |= 1 << index;
    }
    socket.screen = name;
    socket.unit = frame.getValue("unit") instanceof String unit ? unit : null;
    socket.topics = wanted;
    for (Object topic : list) {
      Frame latest = hub.latest((String) topic);
      if (latest != null) {
        socket.sendWholeState(latest);
      }
    }
  }

  private void pong(ScreenSocket socket, JsonObject frame) {
    socket.sendControl(Frame.reply(new JsonObject()
        .put("type", "pong")
        .put("id", frame.getValue("id"))
        .put("t0", frame.getValue("t0"))
        .put("server", clock.millis())));
  }

  /** Hands the command frame to the command pipe and acks the socket with its outcome. */
  private void command(ScreenSocket socket, JsonObject frame) {
    CommandPipe.submit(vertx, socket.caller, frame)
        .onSuccess(result -> socket.sendReply(Frame.reply(result.ack(frame.getValue("id")))));
  }

  private void error(ScreenSocket socket, String code, String message) {
    socket.sendReply(Frame.reply(new JsonObject().put("type", "error").put("code", code).put("message", message)));
  }
}
