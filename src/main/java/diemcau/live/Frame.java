package diemcau.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A server → client frame encoded once, as UTF-8 bytes and as the whole WebSocket frame that
 * carries them ({@code wire}), shared by every socket it goes to. {@code topic} and {@code rev}
 * are set for {@code state} and {@code patch} frames only, {@code base} for patches only.
 *
 * <p>A state frame built here keeps the data it carries, so the hub can hand the next state of
 * its topic a patch from this one ({@link #withPatchFrom}): the sockets that hold this revision
 * then get a few hundred bytes instead of the whole topic: a JSON merge patch ({@link #mergePatch}).
 */
public final class Frame {

  private final String topic;
  private final long rev;
  private final long base;
  private final byte[] utf8;
  private final ByteBuf wire;
  /** What a state frame built here carries (never changed once framed), and when and where; else null. */
  private final JsonObject data;
  private final String epoch;
  private final long server;
  /** The patch from the topic's previous revision to this one, when the hub made one; else null. */
  private final Frame patch;

  private Frame(String topic, long rev, long base, byte[] utf8, ByteBuf wire, JsonObject data, String epoch,
      long server, Frame patch) {
    this.topic = topic;
    this.rev = rev;
    this.base = base;
    this.utf8 = utf8;
    this.wire = wire;
    this.data = data;
    this.epoch = epoch;
    this.server = server;
    this.patch = patch;
  }

  /** A frame for many sockets (a state, a heartbeat): its wire bytes in direct memory. */
  public Frame(String topic, long rev, byte[] utf8) {
    this(topic, rev, -1, utf8, wireFrame(utf8, true), null, null, 0, null);
  }

  public static Frame state(String epoch, String topic, long rev, long server, JsonObject data) {
    JsonObject frame = new JsonObject()
        .put("type", "state")
        .put("topic", topic)
        .put("epoch", epoch)
        .put("rev", rev)
        .put("server", server)
        .put("data", data);
    byte[] utf8 = frame.toBuffer().getBytes();
    return new Frame(topic, rev, -1, utf8, wireFrame(utf8, true), data, epoch, server, null);
  }

  /**
   * This state with the patch from {@code previous}, a state of the same topic and epoch at an
   * older revision, when both were built here and the patch is smaller than this frame; else this.
   */
  Frame withPatchFrom(Frame previous) {
    if (data == null || previous.data == null || !epoch.equals(previous.epoch) || previous.rev >= rev) {
      return this;
    }
    JsonObject changes = mergePatch(previous.data, data);
    if (changes == null) {
      return this;
    }
    byte[] patchUtf8 = new JsonObject()
        .put("type", "patch")
        .put("topic", topic)
        .put("epoch", epoch)
        .put("rev", rev)
        .put("base", previous.rev)
        .put("server", server)
        .put("data", changes)
        .toBuffer().getBytes();
    if (patchUtf8.length >= utf8.length) {
      return this;
    }
    Frame patchFrame = new Frame(topic, rev, previous.rev, patchUtf8, wireFrame(patchUtf8, true), null, epoch, server,
        null);
    return new Frame(topic, rev, base, utf8, wire, data, epoch, server, patchFrame);
  }

  /**
   * The JSON merge patch (RFC 7386: members replace, a null member deletes, arrays replace whole)
   * that turns {@code source} into {@code target}, compared as the cores built them (Vert.x's own
   * objects, no round trip through another JSON library): empty when they are equal, or null when
   * none can: a merge patch cannot set a member to null (null deletes), so a target with a null
   * member that the source did not hold as null is sent whole.
   */
  static JsonObject mergePatch(JsonObject source, JsonObject target) {
    JsonObject patch = new JsonObject();
    for (String key : source.fieldNames()) {
      if (!target.containsKey(key)) {
        patch.putNull(key);
      }
    }
    for (String key : target.fieldNames()) {
      Object to = target.getValue(key);
      Object from = source.getValue(key);
      if (to == null) {
        if (from != null || !source.containsKey(key)) {
          return null;
        }
      } else if (to instanceof JsonObject toObject && from instanceof JsonObject fromObject) {
        JsonObject inner = mergePatch(fromObject, toObject);
        if (inner == null) {
          return null;
        }
        if (!inner.isEmpty()) {
          patch.put(key, inner);
        }
      } else if (!same(from, to)) {
        if (to instanceof JsonObject added && holdsNull(added)) {
          return null;
        }
        patch.put(key, to);
      }
    }
    return patch;
  }

  /** True when some member of {@code object}, at any depth outside arrays, is null. */
  private static boolean holdsNull(JsonObject object) {
    for (String key : object.fieldNames()) {
      Object value = object.getValue(key);
      if (value == null || value instanceof JsonObject inner && holdsNull(inner)) {
        return true;
      }
    }
    return false;
  }

  /** Equal as JSON: numbers by value whatever their Java type, objects and arrays member by member. */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return isIntegral(x) && isIntegral(y) ? x.longValue() == y.longValue() : x.doubleValue() == y.doubleValue();
    }
    if (a instanceof JsonArray || a instanceof JsonObject) {
      return a.equals(b);
    }
    return Objects.equals(a, b);
  }

  private static boolean isIntegral(Number number) {
    return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte;
  }

  public String topic() {
    return topic;
  }

  public long rev() {
    return rev;
  }

  /** The revision a patch frame applies to; -1 for any other frame. */
  public long base() {
    return base;
  }

  /** The epoch of a state or patch frame built by {@link #state}; null for a frame read back from bytes. */
  String epoch() {
    return epoch;
  }

  public byte[] utf8() {
    return utf8;
  }

  /** The patch from the topic's previous revision to this state, or null. */
  public Frame patch() {
    return patch;
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
    return new Frame(null, 0, -1, utf8, wireFrame(utf8, false), null, null, 0, null);
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
