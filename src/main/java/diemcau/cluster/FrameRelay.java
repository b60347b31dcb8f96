package diemcau.cluster;

import diemcau.links.LinkKeys;
import diemcau.command.Addresses;
import diemcau.live.Frame;
import diemcau.live.LiveHub;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries the writer's state frames to every node: the writer publishes each frame it made once,
 * cluster-wide; every other node keeps it as its hub's newest (what {@code hello} answers) and
 * publishes it on its own local address, where its socket groups fan it out exactly as on a single
 * server (each node frames it once more, so that its hub makes the patches for its own sockets). A frame of a new writer epoch first clears the hub: the new writer's revisions start from
 * the stored ones. The link keys (not a public topic) ride along, so every node checks hall and
 * report keys as the writer does.
 */
final class FrameRelay {

  /** Publish, cluster-wide: a state frame from the writer; headers topic, rev, epoch. */
  static final String FRAMES = "diemcau.cluster.frames";
  private static final String RELAYED = "relayed";

  private final Vertx vertx;
  private final Vertx cluster;
  private final LiveHub hub;
  private final LinkKeys linkKeys;
  private final ClusterStatus status;
  private final Runnable writerChanged;
  private volatile String writerEpoch;
  /** Epochs of writers that were succeeded: a frame of theirs still on its way is dropped. */
  private final java.util.Set<String> retired = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** {@code vertx}: the server's own (local) Vert.x; {@code cluster}: the one on the cluster's bus. */
  FrameRelay(Vertx vertx, Vertx cluster, LiveHub hub, LinkKeys linkKeys, ClusterStatus status, Runnable writerChanged) {
    this.vertx = vertx;
    this.cluster = cluster;
    this.hub = hub;
    this.linkKeys = linkKeys;
    this.status = status;
    this.writerChanged = writerChanged;
  }

  void start() {
    vertx.eventBus().<Buffer>localConsumer(Addresses.STATE, message -> {
      if (status.writer && message.headers().get(RELAYED) == null) {
        cluster.eventBus().publish(FRAMES, message.body(), new DeliveryOptions()
            .addHeader("topic", message.headers().get("topic"))
            .addHeader("rev", message.headers().get("rev"))
            .addHeader("epoch", hub.epoch()));
      }
    });
    // on the cluster's one event loop, as is the catch-up's answer: frames are taken in order, on one thread
    cluster.eventBus().<Buffer>consumer(FRAMES, message -> {
      if (!status.writer) {
        take(message.headers().get("epoch"), message.headers().get("topic"),
            Long.parseLong(message.headers().get("rev")), message.body().getBytes());
      }
    });
  }

  /** The writer's side of a follower's catch-up: every frame it holds, with its epoch. */
  static JsonObject held(LiveHub hub, List<String> topics) {
    JsonArray frames = new JsonArray();
    for (String topic : topics) {
      Frame frame = hub.latest(topic);
      if (frame != null) {
        frames.add(new JsonObject().put("topic", topic).put("rev", frame.rev()).put("frame", frame.buffer().toString()));
      }
    }
    return new JsonObject().put("epoch", hub.epoch()).put("frames", frames);
  }

  /** A follower's catch-up from {@link #held}. */
  void takeAll(JsonObject held) {
    List<JsonObject> frames = new ArrayList<>();
    held.getJsonArray("frames").forEach(frame -> frames.add((JsonObject) frame));
    for (JsonObject frame : frames) {
      take(held.getString("epoch"), frame.getString("topic"), frame.getLong("rev"),
          frame.getString("frame").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private void take(String epoch, String topic, long rev, byte[] utf8) {
    if (retired.contains(epoch)) {
      return;
    }
    boolean newWriter = !epoch.equals(writerEpoch);
    if (newWriter) {
      if (writerEpoch != null) {
        retired.add(writerEpoch);
      }
      writerEpoch = epoch;
      hub.forget();
    }
    Frame held = hub.latest(topic);
    if (held != null && held.rev() >= rev) {
      return;
    }
    // framed again here, once, so that this node's hub makes the patch for its own sockets
    JsonObject state = new JsonObject(Buffer.buffer(utf8));
    Frame frame = Frame.state(epoch, topic, rev, state.getLong("server"), state.getJsonObject("data"));
    hub.offer(frame);
    if (LiveHub.topicIndex(topic) < 0) {
      if (topic.equals(linkKeys.topic())) {
        linkKeys.restore(frame.data());
      }
    } else {
      vertx.eventBus().publish(Addresses.STATE, frame.buffer(), new DeliveryOptions()
          .addHeader("topic", topic).addHeader("rev", Long.toString(rev)).addHeader(RELAYED, "1"));
    }
    if (newWriter) {
      writerChanged.run();
    }
  }

  /** Forgets which writer it followed: a node that was writer follows anew. */
  void reset() {
    if (writerEpoch != null) {
      retired.add(writerEpoch);
    }
    writerEpoch = null;
  }
}
