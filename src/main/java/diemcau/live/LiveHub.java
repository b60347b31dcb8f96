package diemcau.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * What every event loop's socket group shares: the epoch, the newest frame of each topic
 * (what a screen gets on hello) with its patch from the one before, and the groups themselves.
 */
public final class LiveHub {

  /** The topics of the wire contract. */
  public static final List<String> TOPICS = List.of("agenda", "screen", "bridges", "leaderboard", "final");

  /** A topic's position in {@link #TOPICS}, or -1. */
  public static int topicIndex(String topic) {
    return topic == null ? -1 : TOPICS.indexOf(topic);
  }

  private final String epoch;
  private final Map<String, Frame> latest = new ConcurrentHashMap<>();
  private final List<SocketGroup> groups = new CopyOnWriteArrayList<>();

  public LiveHub(String epoch) {
    this.epoch = epoch;
  }

  public String epoch() {
    return epoch;
  }

  /**
   * Keeps {@code frame} if it is newer than what the hub holds for its topic, with the patch from
   * the held one when both were built here (see {@link Frame#withPatchFrom}): every socket that
   * was sent the held revision is sent that patch instead of the whole state.
   */
  public void offer(Frame frame) {
    latest.compute(frame.topic(), (topic, held) -> held == null ? frame
        : frame.rev() > held.rev() ? frame.withPatchFrom(held) : held);
  }

  /** Drops every held frame: a new writer (cluster mode) starts a new epoch, whose revisions start again. */
  public void forget() {
    latest.clear();
  }

  public Frame latest(String topic) {
    return latest.get(topic);
  }

  void join(SocketGroup group) {
    groups.add(group);
  }

  void leave(SocketGroup group) {
    groups.remove(group);
  }

  /** Frames written to sockets on this node since it started (approximate while writes run). */
  public long framesSent() {
    long sent = 0;
    for (SocketGroup group : groups) {
      sent += group.framesSent();
    }
    return sent;
  }

  /** State frames parked for sockets that do not read, over every event loop (approximate). */
  public int parked() {
    int parked = 0;
    for (SocketGroup group : groups) {
      parked += group.parked();
    }
    return parked;
  }

  /** How many times a state was parked for a socket that did not drain, since start. */
  public long parks() {
    long parks = 0;
    for (SocketGroup group : groups) {
      parks += group.parks();
    }
    return parks;
  }

  /** Sockets whose handler ran on another thread than their group's event loop (should stay 0). */
  public int offLoopSockets() {
    int count = 0;
    for (SocketGroup group : groups) {
      count += group.offLoop();
    }
    return count;
  }

  /** Sockets in the priority tier (identified in their handshake) on this node, over every event loop. */
  public int prioritySockets() {
    int count = 0;
    for (SocketGroup group : groups) {
      count += group.prioritySize();
    }
    return count;
  }

  /** Open sockets on this node, over every event loop. */
  public int connections() {
    int count = 0;
    for (SocketGroup group : groups) {
      count += group.size();
    }
    return count;
  }
}
