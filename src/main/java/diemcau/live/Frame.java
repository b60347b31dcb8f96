package diemcau.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;

/**
 * A server → client frame encoded once, as UTF-8 bytes and as the whole WebSocket frame that
 * carries them ({@code wire}), shared by every socket it goes to. {@code topic} and {@code rev}
 * are set for {@code state} frames only.
 */
public record Frame(String topic, long rev, byte[] utf8, ByteBuf wire) {

  /** A frame for many sockets (a state, a heartbeat): its wire bytes in direct memory. */
  public Frame(String topic, long rev, byte[] utf8) {
    this(topic, rev, utf8, wireFrame(utf8, true));
  }

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

  /** A control frame for many sockets (a heartbeat). */
  public static Frame control(JsonObject frame) {
    return new Frame(null, 0, frame.toBuffer().getBytes());
  }

  /**
   * A frame for one socket (a pong, an ack, an error): its wire bytes stay on the heap, where
   * direct memory would cost more to allocate (and wait for a GC to be freed) than the one copy
   * the transport makes of them.
   */
  public static Frame reply(JsonObject frame) {
    byte[] utf8 = frame.toBuffer().getBytes();
    return new Frame(null, 0, utf8, wireFrame(utf8, false));
  }

  public Buffer buffer() {
    return Buffer.buffer(utf8);
  }

  /** The payload of this frame's {@code data} field, decoded (for REST reads, not the hot path). */
  public JsonObject data() {
    return new JsonObject(buffer()).getJsonObject("data");
  }

  /**
   * One socket's view of the wire bytes: its own reader index over the shared array, released by
   * Netty once written. Nothing is encoded, copied or framed per socket.
   */
  ByteBuf wireView() {
    return wire.retainedDuplicate();
  }

  /**
   * A final, unmasked WebSocket text frame (RFC 6455 §5.2) around {@code payload}: a server's
   * frames are never masked, so the same bytes are valid on every socket.
   */
  static ByteBuf wireFrame(byte[] payload, boolean shared) {
    int length = payload.length;
    int header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
    byte[] bytes = new byte[header + length];
    bytes[0] = (byte) 0x81;
    if (length < 126) {
      bytes[1] = (byte) length;
    } else if (length < 65_536) {
      bytes[1] = 126;
      bytes[2] = (byte) (length >>> 8);
      bytes[3] = (byte) length;
    } else {
      bytes[1] = 127;
      for (int i = 0; i < 8; i++) {
        bytes[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
      }
    }
    System.arraycopy(payload, 0, bytes, header, length);
    if (!shared) {
      return Unpooled.wrappedBuffer(bytes);
    }
    // in JDK direct memory (freed by the GC with the frame): epoll sends views of it as they are,
    // where heap bytes are copied per socket into a pooled direct buffer, with three NIO wrappers
    return Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip());
  }
}
