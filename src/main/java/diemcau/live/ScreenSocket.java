package diemcau.live;

import diemcau.command.Caller;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;

/**
 * One connected screen or console: who it is (settled in the handshake), what it subscribed to,
 * and, while it reads too slowly, the newest frame per topic waiting for it — never more — and the
 * replies to its own commands, which are never dropped.
 * Touched only on its group's event loop.
 */
final class ScreenSocket {

  final ServerWebSocket ws;
  final Caller caller;
  private final SocketGroup group;
  /** Subscribed topics, one bit per index of {@link LiveHub#TOPICS}. */
  int topics;
  String screen;
  String unit;
  long lastPresence;
  /** Which of its group's lists holds it, and where: kept for O(1) removal. */
  boolean priority;
  int slot = -1;
  /** The newest revision written per topic: a frame that is not newer is never sent. */
  private final long[] sentRevs = new long[LiveHub.TOPICS.size()];
  /** While the socket does not drain: the newest frame per topic, by topic index; else null. */
  private Frame[] waiting;
  /** While the socket does not drain: its acks and errors, in order; else null. */
  private ArrayDeque<Frame> replies;

  /**
   * A socket that keeps sending commands but reads none of its replies is closed at this many:
   * a reply is the only proof a console gets that its command was taken.
   */
  static final int MAX_WAITING_REPLIES = 64;

  ScreenSocket(ServerWebSocket ws, Caller caller, SocketGroup group) {
    this.ws = ws;
    this.caller = caller;
    this.group = group;
  }

  boolean subscribed(int topicBit) {
    return (topics & topicBit) != 0;
  }

  /** Writes a state frame now, or parks it as the newest of its topic until the socket drains; true if written. */
  boolean sendState(Frame frame, int topic) {
    if (frame.rev() < sentRevs[topic] || (frame.rev() == sentRevs[topic] && frame.rev() != 0)) {
      return false;
    }
    if (waiting != null || ws.writeQueueFull()) {
      park(frame, topic);
      return false;
    }
    sentRevs[topic] = frame.rev();
    ws.writeFrame(frame.textFrame());
    return true;
  }

  boolean sendState(Frame frame) {
    return sendState(frame, LiveHub.topicIndex(frame.topic()));
  }

  /**
   * Writes a heartbeat or a pong unless the socket is not reading: late, either would only mislead
   * (a stale pong skews the clock sync), so it is dropped.
   */
  boolean sendControl(Frame frame) {
    if (waiting != null || ws.writeQueueFull()) {
      return false;
    }
    ws.writeFrame(frame.textFrame());
    return true;
  }

  /** Writes an ack or an error now, or keeps it, in order, until the socket drains. */
  void sendReply(Frame frame) {
    if (waiting == null && !ws.writeQueueFull()) {
      ws.writeFrame(frame.textFrame());
      return;
    }
    holdBack();
    if (replies == null) {
      replies = new ArrayDeque<>();
    }
    if (replies.size() == MAX_WAITING_REPLIES) {
      ws.close((short) 1008, "replies not read");
      return;
    }
    replies.add(frame);
  }

  int waitingFrames() {
    if (waiting == null) {
      return 0;
    }
    int count = 0;
    for (Frame frame : waiting) {
      if (frame != null) {
        count++;
      }
    }
    return count;
  }

  /** From now until the socket drains, frames wait instead of being written. */
  private void holdBack() {
    if (waiting == null) {
      waiting = new Frame[LiveHub.TOPICS.size()];
      ws.drainHandler(ignored -> flush());
    }
  }

  private void park(Frame frame, int topic) {
    holdBack();
    Frame held = waiting[topic];
    if (held != null && held.rev() >= frame.rev()) {
      return;
    }
    waiting[topic] = frame;
    group.parked(held == null ? 1 : 0);
  }

  /** Forgets what waited (the socket closed). */
  void discard() {
    if (waiting != null) {
      group.parked(-waitingFrames());
      waiting = null;
    }
    replies = null;
  }

  /** The socket drained: writes the replies that waited, then one frame per topic. */
  private void flush() {
    Frame[] parked = waiting;
    ArrayDeque<Frame> held = replies;
    group.parked(-waitingFrames());
    waiting = null;
    replies = null;
    ws.drainHandler(null);
    while (held != null && !held.isEmpty()) {
      sendReply(held.poll());
    }
    for (int topic = 0; topic < parked.length; topic++) {
      if (parked[topic] != null) {
        sendState(parked[topic], topic);
      }
    }
  }
}
