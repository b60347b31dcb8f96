package diemcau.live;

import diemcau.command.Addresses;
import diemcau.command.Caller;
import diemcau.command.Role;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The sockets of one event loop. It subscribes to the state address on that loop, so a change
 * costs one task per loop, and then one write of the same bytes per subscribed socket: first to
 * the priority tier (the sockets the handshake identified: hall, bridge and console screens), then
 * to the public viewers, so the screens in the rooms never wait behind thousands of phones.
 * Writes to the public viewers (of a state, of a heartbeat) go as a {@link Sweep}, so a change
 * that comes meanwhile reaches the priority tier after one slice of them, not after thousands.
 * What the screens say to the server is {@link ScreenProtocol}'s.
 *
 * <p>Everything here runs on the group's event loop; the counters are read by the metrics
 * endpoint from other threads, approximately.
 */
public final class SocketGroup {

  /**
   * A socket that has been sent nothing for this long gets a heartbeat, so its screen can tell a
   * live link from a dead one. Only a silent socket: one that was sent a state, a pong or an ack
   * within the period already knows, and beats to every socket at a fixed time were a whole extra
   * sweep that, at 5,000 viewers, doubled the fan-out of a change that came at the same moment.
   */
  public static final long HEARTBEAT_MS = 15_000;

  /** How often the group looks for sockets due a heartbeat: a beat comes 15–16 s after the last frame. */
  static final long HEARTBEAT_CHECK_MS = 1_000;

  /**
   * A socket written to after check {@code k} is due at check {@code k + SILENT_CHECKS}: checks are
   * at least {@link #HEARTBEAT_CHECK_MS} apart, so that is at least {@link #HEARTBEAT_MS} later.
   */
  private static final int SILENT_CHECKS = (int) (HEARTBEAT_MS / HEARTBEAT_CHECK_MS) + 1;

  /**
   * The kernel send buffer of every socket (the kernel doubles it). Fixed, so a screen that does
   * not read costs at most ~128 KB of kernel memory plus Netty's 64 KB write queue before its
   * states are parked; left to autotuning, Linux grows it to 4 MB a socket and a few hundred stuck
   * phones hold a gigabyte. The largest state (bridges, ~16 KB) and a full hello fit many times.
   */
  public static final int SEND_BUFFER_BYTES = 64 * 1024;

  /**
   * A sweep writes to at most this many sockets per event-loop task: ~3 ms of a loop, the longest a
   * change, a command or a hello that arrives meanwhile waits (a whole sweep at 5,000 viewers on
   * two loops is ~30 ms, and a heartbeat sweep used to delay the next change by as much).
   */
  static final int SLICE = 256;

  /**
   * Vert.x's names of the pipeline handlers an upgraded WebSocket never needs: the HTTP compressor,
   * the chunked writer, and the idle timeout of HTTP connections (a screen has its heartbeat).
   */
  private static final List<String> HTTP_ONLY_HANDLERS = List.of("deflater", "chunkedWriter", "idle");


  private final Vertx vertx;
  private final LiveHub hub;
  private final Clock clock;
  private final SocketList priority = new SocketList(true);
  private final SocketList viewers = new SocketList(false);
  private final ScreenProtocol protocol;
  /** This loop's task queue: where a sweep's next slice waits its turn. */
  private Executor loopTasks;
  private MessageConsumer<Buffer> states;
  private long heartbeatTimer;
  /**
   * Heartbeat checks so far. A write notes this number instead of reading the clock: thousands of
   * writes a change then cost a field read, not a clock read each.
   */
  private int checks;
  private Thread loop;
  private volatile long framesSent;
  private volatile int offLoop;
  private volatile int parkedNow;
  private volatile long parks;
  private volatile int size;

  public SocketGroup(Vertx vertx, LiveHub hub, Clock clock) {
    this.vertx = vertx;
    this.hub = hub;
    this.clock = clock;
    this.protocol = new ScreenProtocol(vertx, hub, clock);
  }

  /** Starts listening on the current context's event loop. */
  public Future<Void> start() {
    loop = Thread.currentThread();
    Context context = vertx.getOrCreateContext();
    loopTasks = task -> context.runOnContext(ignored -> task.run());
    states = vertx.eventBus().localConsumer(Addresses.STATE, this::onState);
    scheduleHeartbeat();
    hub.join(this);
    return states.completion();
  }

  /** Closes every socket with 1001 (going away) and stops listening. */
  public Future<Void> stop() {
    hub.leave(this);
    vertx.cancelTimer(heartbeatTimer);
    List<Future<Void>> closing = new ArrayList<>();
    for (SocketList list : List.of(priority, viewers)) {
      for (ScreenSocket socket : list.snapshot(0)) {
        closing.add(socket.ws.close((short) 1001, "server going away"));
      }
    }
    return Future.join(closing).transform(ignored -> states.unregister());
  }

  int size() {
    return size;
  }

  /** Sockets in the priority tier now (approximate from other threads). */
  int prioritySize() {
    return priority.size;
  }

  /** Heartbeat checks so far: when, in checks, a socket was last written to. */
  int checks() {
    return checks;
  }

  long framesSent() {
    return framesSent;
  }

  int offLoop() {
    return offLoop;
  }

  /** State frames parked now for sockets that do not drain. */
  int parked() {
    return parkedNow;
  }

  /** How many times a state was parked instead of written, since start. */
  long parks() {
    return parks;
  }

  /** Called by a socket of this group: {@code delta} more (or fewer) frames parked; a park if ≥ 0. */
  void parked(int delta) {
    parkedNow += delta;
    if (delta >= 0) {
      parks++;
    }
  }

  /** Takes a socket whose identity the handshake settled; {@code closed} runs when it closes. */
  public void add(ServerWebSocket ws, Caller caller, Runnable closed) {
    ScreenSocket socket = new ScreenSocket(ws, caller, this);
    if (Thread.currentThread() != loop) {
      offLoop++;
    }
    leanPipeline(ws);
    // the handshake's headers are read once, in the handshake; held for the socket's life they
    // cost ~0.6 KB a viewer, a sixth of what the hub is allowed
    ws.headers().clear();
    // the priority tier is for sockets the handshake identified (a token, a bridge or hall key):
    // an anonymous socket is a public viewer, whatever its hello says
    (caller.role() == Role.VIEWER ? viewers : priority).add(socket);
    size++;
    ws.textMessageHandler(text -> protocol.onText(socket, text));
    ws.binaryMessageHandler(ignored -> protocol.onBinary(socket));
    ws.exceptionHandler(failure -> close(ws, failure));
    ws.closeHandler(ignored -> {
      (socket.priority ? priority : viewers).remove(socket);
      size--;
      socket.discard();
      protocol.presence(socket, "closed");
      closed.run();
    });
    protocol.presence(socket, "opened");
  }

  /**
   * Takes the HTTP compressor and chunked writer out of an upgraded socket's pipeline. Vert.x adds
   * them to every connection when HTTP compression is on (for the pages) and leaves them there
   * after the upgrade, so each state frame went through two more handlers, one of which queues
   * and re-polls every write: measured, ~2 µs of a loop's CPU per frame and about 1 KB per socket.
   * Only while the channel is writable, so the chunked writer's own queue is empty.
   */
  private static void leanPipeline(ServerWebSocket ws) {
    if (!(ws instanceof WebSocketInternal internal)) {
      return;
    }
    ChannelPipeline pipeline = internal.channelHandlerContext().pipeline();
    if (!pipeline.channel().isWritable()) {
      return;
    }
    for (String name : HTTP_ONLY_HANDLERS) {
      if (pipeline.get(name) != null) {
        pipeline.remove(name);
      }
    }
  }

  /** Closes a socket whose frames could not be used, saying why when the frame was too big or malformed. */
  private static void close(ServerWebSocket ws, Throwable failure) {
    if (failure instanceof CorruptedWebSocketFrameException corrupted) {
      ws.close((short) corrupted.closeStatus().code(), corrupted.closeStatus().reasonText());
    } else if (failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).contains("max message size")) {
      ws.close((short) 1009, "message too big");
    } else {
      // never a normal closure (1000): the screen must reconnect, not think it was sent away
      ws.close((short) 1011, "socket error");
    }
  }

  private void onState(Message<Buffer> message) {
    Frame frame = published(message);
    int topic = LiveHub.topicIndex(frame.topic());
    if (topic < 0) {
      return;
    }
    int bit = 1 << topic;
    long first = send(priority, frame, topic);
    framesSent += first;
    if (first > 0) {
      // the priority screens' readers were just woken: where they share the server's cores (the
      // hall's browser on the MC laptop, or a bench), let them run before thousands of writes
      Thread.yield();
    }
    sweep(viewers.snapshot(0), socket -> (socket.topics & bit) != 0 && socket.sendState(frame, topic));
  }

  /**
   * Writes to a snapshot of sockets, {@link #SLICE} a task: sockets that close or move meanwhile
   * shift nothing; one that closed is skipped by its own check, one that opened had the newest
   * frames at hello.
   */
  private void sweep(ScreenSocket[] sockets, Predicate<ScreenSocket> write) {
    Sweep.over(sockets, SLICE, write, written -> framesSent += written, loopTasks);
  }

  /**
   * The frame the command verticle offered to the hub before publishing it, framed once for every
   * loop; built from the message only when the hub already holds a newer one of the topic.
   */
  private Frame published(Message<Buffer> message) {
    String topic = message.headers().get("topic");
    long rev = Long.parseLong(message.headers().get("rev"));
    Frame held = hub.latest(topic);
    if (held != null && held.rev() == rev) {
      return held;
    }
    Frame frame = new Frame(topic, rev, message.body().getBytes());
    hub.offer(frame);
    return frame;
  }

  private static long send(SocketList list, Frame frame, int topic) {
    int bit = 1 << topic;
    long sent = 0;
    ScreenSocket[] sockets = list.items;
    for (int i = 0, n = list.size; i < n; i++) {
      ScreenSocket socket = sockets[i];
      if ((socket.topics & bit) != 0 && socket.sendState(frame, topic)) {
        sent++;
      }
    }
    return sent;
  }

  /** The next check {@link #HEARTBEAT_CHECK_MS} after this one ends, not on a fixed rate. */
  private void scheduleHeartbeat() {
    heartbeatTimer = vertx.setTimer(HEARTBEAT_CHECK_MS, ignored -> {
      heartbeat();
      scheduleHeartbeat();
    });
  }

  /** A heartbeat to every socket that has been sent nothing for {@link #HEARTBEAT_MS}. */
  private void heartbeat() {
    int silentSince = ++checks - SILENT_CHECKS;
    if (!priority.anyDueHeartbeat(silentSince) && !viewers.anyDueHeartbeat(silentSince)) {
      return;
    }
    Frame beat = Frame.control(new JsonObject().put("type", "heartbeat").put("server", clock.millis()));
    ScreenSocket[] everyone = priority.snapshot(viewers.size);
    System.arraycopy(viewers.items, 0, everyone, priority.size, viewers.size);
    sweep(everyone, socket -> socket.dueHeartbeat(silentSince) && socket.sendControl(beat));
  }

  /**
   * An array list of sockets with O(1) removal (the last one takes the removed one's slot):
   * order does not matter, and a reconnect storm removes thousands at once.
   */
  private static final class SocketList {
    private final boolean priority;
    ScreenSocket[] items = new ScreenSocket[16];
    int size;

    SocketList(boolean priority) {
      this.priority = priority;
    }

    void add(ScreenSocket socket) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      socket.priority = priority;
      socket.slot = size;
      items[size++] = socket;
    }

    void remove(ScreenSocket socket) {
      int slot = socket.slot;
      if (slot < 0 || slot >= size || items[slot] != socket) {
        return;
      }
      ScreenSocket last = items[--size];
      items[slot] = last;
      last.slot = slot;
      items[size] = null;
      socket.slot = -1;
      if (items.length > 64 && size < items.length / 4) {
        items = Arrays.copyOf(items, items.length / 2);
      }
    }

    boolean anyDueHeartbeat(int silentSince) {
      for (int i = 0; i < size; i++) {
        if (items[i].dueHeartbeat(silentSince)) {
          return true;
        }
      }
      return false;
    }

    /** The sockets now, in an array with {@code room} free slots after them. */
    ScreenSocket[] snapshot(int room) {
      return Arrays.copyOf(items, size + room);
    }
  }
}
