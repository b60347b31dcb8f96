package diemcau.live;

import diemcau.command.Caller;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.VoidChannelPromise;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One connected screen or console: who it is (settled in the handshake), what it subscribed to,
 * the newest revision it was sent per topic (which tells whether a patch will do), and, while it
 * reads too slowly, the newest frame per topic waiting for it — never more — and the
 * replies to its own commands, which are never dropped.
 * Touched only on its group's event loop.
 *
 * <p>Frames are written straight to the socket's Netty channel, at the place in its pipeline
 * where Vert.x writes, as views of the bytes a {@link Frame} framed once: per socket and change
 * that is one small view object instead of Vert.x's frame, promise and header encoding (measured:
 * ~265 bytes of garbage a delivery, a young GC every few seconds at 5,000 viewers). Back-pressure
 * is the channel's own writability, and its return is watched by a handler added to the pipeline
 * only while the socket is held back.
 */
final class ScreenSocket {

  final ServerWebSocket ws;
  final Caller caller;
  private final SocketGroup group;
  /** Vert.x's handler context on this socket's channel: writes from here pass the pipeline as Vert.x's do. */
  private final ChannelHandlerContext channel;
  /** A write's outcome is not awaited: a failed write closes the channel, and the close handler cleans up. */
  private final VoidChannelPromise unawaited;
  /** Subscribed topics, one bit per index of {@link LiveHub#TOPICS}. */
  int topics;
  String screen;
  String unit;
  long lastPresence;
  /** Which of its group's lists holds it, and where: kept for O(1) removal. */
  boolean priority;
  int slot = -1;
  /** The newest revision written per topic, -1 before the first: a frame that is not newer is never sent. */
  private final long[] sentRevs = new long[LiveHub.TOPICS.size()];
  /**
   * The epoch of the state written last per topic: a state of another epoch (a new writer, in a
   * cluster) is written whole whatever its revision, since revisions start again with an epoch.
   */
  private final String[] sentEpochs = new String[LiveHub.TOPICS.size()];
  /** The group's heartbeat check after which a frame was last written to it, or it opened. */
  private int writtenAfter;
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
    this.writtenAfter = group.checks();
    this.channel = ((WebSocketInternal) ws).channelHandlerContext();
    this.unawaited = new VoidChannelPromise(channel.channel(), false);
    Arrays.fill(sentRevs, -1);
  }

  /** The pipeline name of the handler that watches a held-back socket drain. */
  private static final String DRAIN_WATCH = "diemcau-drain-watch";

  /** Netty's outbound buffer for this socket is over its high-water mark: the screen is not reading. */
  private boolean full() {
    return !channel.channel().isWritable();
  }

  private void write(Frame frame) {
    channel.writeAndFlush(frame.wireView(), unawaited);
    writtenAfter = group.checks();
  }

  /**
   * Sent nothing since check {@code silentSince} and reading: due a heartbeat. A socket that does
   * not read is not, or a stuck phone would make its group build and sweep a beat every check.
   */
  boolean dueHeartbeat(int silentSince) {
    return writtenAfter <= silentSince && waiting == null;
  }

  /**
   * Writes a state now, or parks it as the newest of its topic until the socket drains; true if
   * written. Written as the state's patch when this socket was last sent the patch's base, else
   * whole.
   */
  boolean sendState(Frame frame, int topic) {
    return sendState(frame, topic, true);
  }

  /**
   * Writes a state whole, unless this socket was already sent it: what a hello is answered with. A
   * hello again sends nothing the socket was sent, or a viewer could make the server resend every
   * topic at will; a screen that holds something else opens a new socket.
   */
  boolean sendWholeState(Frame frame) {
    return sendState(frame, LiveHub.topicIndex(frame.topic()), false);
  }

  private boolean sendState(Frame frame, int topic, boolean patchable) {
    boolean newEpoch = frame.epoch() != null && sentEpochs[topic] != null && !frame.epoch().equals(sentEpochs[topic]);
    if ((frame.rev() <= sentRevs[topic] && !newEpoch) || ws.isClosed()) {
      return false;
    }
    if (waiting != null || full()) {
      park(frame, topic);
      return false;
    }
    Frame patch = patchable ? frame.patch() : null;
    boolean holdsBase = patch != null && patch.base() == sentRevs[topic] && !newEpoch;
    sentRevs[topic] = frame.rev();
    if (frame.epoch() != null) {
      sentEpochs[topic] = frame.epoch();
    }
    write(holdsBase ? patch : frame);
    return true;
  }

  /**
   * Writes a heartbeat or a pong unless the socket is not reading: late, either would only mislead
   * (a stale pong skews the clock sync), so it is dropped.
   */
  boolean sendControl(Frame frame) {
    if (waiting != null || ws.isClosed() || full()) {
      return false;
    }
    write(frame);
    return true;
  }

  /** Writes an ack or an error now, or keeps it, in order, until the socket drains. */
  void sendReply(Frame frame) {
    if (ws.isClosed()) {
      return;
    }
    if (waiting == null && !full()) {
      write(frame);
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
      channel.pipeline().addBefore(channel.name(), DRAIN_WATCH, new ChannelInboundHandlerAdapter() {
        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
          if (ctx.channel().isWritable() && waiting != null) {
            flush();
          }
          ctx.fireChannelWritabilityChanged();
        }
      });
    }
  }

  private void park(Frame frame, int topic) {
    holdBack();
    Frame held = waiting[topic];
    if (held != null && held.rev() >= frame.rev() && (held.epoch() == null || held.epoch().equals(frame.epoch()))) {
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

  private void unwatchDrain() {
    if (channel.pipeline().get(DRAIN_WATCH) != null) {
      channel.pipeline().remove(DRAIN_WATCH);
    }
  }

  /** The socket drained: writes the replies that waited, then one frame per topic. */
  private void flush() {
    Frame[] parked = waiting;
    ArrayDeque<Frame> held = replies;
    group.parked(-waitingFrames());
    waiting = null;
    replies = null;
    unwatchDrain();
    while (held != null && !held.isEmpty()) {
      sendReply(held.poll());
    }
    // whole states: what a socket that fell behind holds is not worth reasoning about
    for (int topic = 0; topic < parked.length; topic++) {
      if (parked[topic] != null) {
        sendState(parked[topic], topic, false);
      }
    }
  }
}
