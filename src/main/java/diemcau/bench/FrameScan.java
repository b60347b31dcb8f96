package diemcau.bench;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a server frame's envelope (type, topic, rev, server time) from its bytes, never decoding
 * it as JSON, so the bench's thousands of screens spend as little of the shared CPU as they can.
 */
final class FrameScan {

  /** The topics of the wire contract, in the server's order; a viewer tracks revisions by index. */
  static final List<String> TOPICS = List.of("agenda", "screen", "bridges", "leaderboard", "final");
  static final int AGENDA = 0;
  static final int SCREEN = 1;
  static final int HEARTBEAT = -2;
  static final int PONG = -3;

  private static final byte[] TYPE = bytes("\"type\":\"");
  private static final byte[] TOPIC = bytes("\"topic\":\"");
  private static final byte[] REV = bytes("\"rev\":");
  private static final byte[] SERVER = bytes("\"server\":");
  private static final byte[] HEARTBEAT_TYPE = bytes("heartbeat\"");
  private static final byte[] PONG_TYPE = bytes("pong\"");
  private static final byte[] STATE_TYPE = bytes("state\"");
  private static final byte[] PATCH_TYPE = bytes("patch\"");
  private static final byte[][] TOPIC_NAMES = TOPICS.stream().map(topic -> bytes(topic + "\"")).toArray(byte[][]::new);
  /** The envelope fields come before {@code data}; look no further than this. */
  private static final int SCAN_LIMIT = 256;

  private FrameScan() {}

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The topic index of a {@code state} or {@code patch} frame (either brings a topic's next
   * revision), {@link #HEARTBEAT} for a heartbeat, {@link #PONG} for a pong, or -1.
   */
  static int topicOf(Buffer frame) {
    int type = find(frame, TYPE);
    if (type < 0) {
      return -1;
    }
    if (startsWith(frame, type, HEARTBEAT_TYPE)) {
      return HEARTBEAT;
    }
    if (startsWith(frame, type, PONG_TYPE)) {
      return PONG;
    }
    if (!startsWith(frame, type, STATE_TYPE) && !startsWith(frame, type, PATCH_TYPE)) {
      return -1;
    }
    int at = find(frame, TOPIC);
    if (at < 0) {
      return -1;
    }
    for (int t = 0; t < TOPIC_NAMES.length; t++) {
      if (startsWith(frame, at, TOPIC_NAMES[t])) {
        return t;
      }
    }
    return -1;
  }

  /** Is it a {@code patch} frame (what changed since the socket's last revision) rather than a whole state? */
  static boolean isPatch(Buffer frame) {
    int type = find(frame, TYPE);
    return type >= 0 && startsWith(frame, type, PATCH_TYPE);
  }

  /** The {@code rev} of a frame, or -1. */
  static long revOf(Buffer frame) {
    return numberAfter(frame, REV);
  }

  /** The {@code server} time of a frame, or -1. */
  static long serverOf(Buffer frame) {
    return numberAfter(frame, SERVER);
  }

  private static long numberAfter(Buffer frame, byte[] key) {
    int at = find(frame, key);
    if (at < 0) {
      return -1;
    }
    long value = 0;
    int digits = 0;
    for (int i = at; i < frame.length(); i++) {
      byte b = frame.getByte(i);
      if (b < '0' || b > '9') {
        break;
      }
      value = value * 10 + (b - '0');
      digits++;
    }
    return digits == 0 ? -1 : value;
  }

  /** The index just after the first occurrence of {@code pattern} within the scan limit, or -1. */
  private static int find(Buffer frame, byte[] pattern) {
    int end = Math.min(frame.length(), SCAN_LIMIT) - pattern.length;
    for (int i = 0; i <= end; i++) {
      if (startsWith(frame, i, pattern)) {
        return i + pattern.length;
      }
    }
    return -1;
  }

  private static boolean startsWith(Buffer frame, int at, byte[] pattern) {
    if (at + pattern.length > frame.length()) {
      return false;
    }
    for (int j = 0; j < pattern.length; j++) {
      if (frame.getByte(at + j) != pattern[j]) {
        return false;
      }
    }
    return true;
  }
}
