package diemcau.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonObject;

/**
 * A server → client frame encoded once, as UTF-8 bytes shared by every socket it goes to.
 * {@code topic} and {@code rev} are set for {@code state} frames only.
 */
public record Frame(String topic, long rev, byte[] utf8) {

  public static Frame state(String epoch, String topic, long rev, long server, JsonObject data) {
    JsonObject frame = new JsonObject()
        .put("type", "state")
        .put("topic", topic)
        .put("epoch", epoch)
        .put("rev", rev)
        .put("server", server)
        .put("data", data);
    return new Frame(topic, rev, frame.toBuffer().getBytes());
  }

  public static Frame control(JsonObject frame) {
    return new Frame(null, 0, frame.toBuffer().getBytes());
  }

  public Buffer buffer() {
    return Buffer.buffer(utf8);
  }

  /** The payload of this frame's {@code data} field, decoded (for REST reads, not the hot path). */
  public JsonObject data() {
    return new JsonObject(buffer()).getJsonObject("data");
  }

  /** This state frame's topic as a bit of a socket's subscription mask; 0 for a control frame or an unknown topic. */
  int topicBit() {
    int index = topic == null ? -1 : LiveHub.topicIndex(topic);
    return index < 0 ? 0 : 1 << index;
  }

  /** A WebSocket text frame over the shared bytes: no copy, no re-encoding per socket. */
  WebSocketFrame textFrame() {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true);
  }
}
