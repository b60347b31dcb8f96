package diemcau.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import diemcau.command.CommandPipe;
import diemcau.command.CommandRequest;
import diemcau.links.LinkKeys;
import diemcau.live.LiveHub;
import diemcau.store.Store;
import diemcau.store.WriterLock;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a cluster: follows the writer, or is it. Every {@link #TICK_MS} it either keeps its
 * writer lock alive or, as a follower, tries to take it ({@link WriterLock}); the node that takes
 * it closes its forwarders, restores every live core from the database (a new command worker, as
 * at start-up, whose every transaction is fenced by the new epoch) and opens the writer's
 * cluster-wide addresses. A writer whose lock is gone (its session ended while it was frozen or
 * cut off) stops its command worker and follows again.
 */
public final class ClusterNode extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
  static final long TICK_MS = 500;
  private static final String HELD = "diemcau.cluster.writer.held";
  private static final String VERTX_NODE_ID = "__vertx.nodeId";

  /** Where the database is, for the lock's own session. */
  public record Database(String url, String user, String password) {}

  private final ClusterSettings settings;
  private final Database database;
  private final Store store;
  private final LiveHub hub;
  private final LinkKeys linkKeys;
  private final WriterClock clock;
  private final Function<Store, Deployable> commandWorker;
  private final Map<String, Function<JsonObject, CommandRequest.Attachment>> attachments;
  private final List<MessageConsumer<?>> writerOnly = new ArrayList<>();
  private Vertx cluster;
  private ClusterStatus status;
  private String node;
  private FrameRelay frames;
  private PresenceLedger presence;
  private Forwarding forwarding;
  private ClockSync clockSync;
  private WorkerExecutor lockThread;
  private Connection candidate;
  private WriterLock lock;
  private String workerDeployment;
  private boolean busy;
  private boolean following;
  /** The writer's node id, as the database says (read by the follower on every tick). */
  private volatile String writerNode;

  /** {@code attachments}: how commands' attachments are read from their wire form; {@code commandWorker}: the command worker over the store it is given (fenced by the writer's epoch). */
  public ClusterNode(ClusterSettings settings, Database database, Store store, LiveHub hub, LinkKeys linkKeys, WriterClock clock,
      Map<String, Function<JsonObject, CommandRequest.Attachment>> attachments, Function<Store, Deployable> commandWorker) {
    this.attachments = attachments;
    this.settings = settings;
    this.database = database;
    this.store = store;
    this.hub = hub;
    this.linkKeys = linkKeys;
    this.clock = clock;
    this.commandWorker = commandWorker;
  }

  @Override
  public Future<?> start() {
    return ClusterStart.join(settings).compose(joined -> {
      cluster = joined;
      // commands and their answers cross the cluster in their wire form
      CommandPipe.register(cluster.eventBus(), attachments);
      return follow();
    });
  }

  private Future<?> follow() {
    status = new ClusterStatus();
    status.publish(vertx);
    HazelcastClusterManager manager = (HazelcastClusterManager) ((VertxInternal) cluster).clusterManager();
    node = manager.getNodeId();
    presence = new PresenceLedger(vertx, cluster, node, status);
    frames = new FrameRelay(vertx, cluster, hub, linkKeys, status, presence::replay);
    forwarding = new Forwarding(vertx, cluster);
    clockSync = new ClockSync(cluster, clock, status);
    frames.start();
    presence.start();
    var cluster = manager.getHazelcastInstance().getCluster();
    status.members(cluster.getMembers().size());
    cluster.addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        context.runOnContext(ignored -> status.members(event.getMembers().size()));
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        context.runOnContext(ignored -> {
          status.members(event.getMembers().size());
          // Vert.x names a node by this attribute, not by Hazelcast's member id
          String gone = event.getMember().getAttribute(VERTX_NODE_ID);
          presence.left(gone);
          if (gone.equals(writerNode)) {
            forwarding.writerLost();
          }
          tick();
        });
      }
    });
    lockThread = vertx.createSharedWorkerExecutor("diemcau-writer-lock", 1);
    vertx.setPeriodic(TICK_MS, ignored -> tick());
    vertx.setPeriodic(ClockSync.EVERY_MS, ignored -> {
      if (!status.writer) {
        clockSync.sample();
      }
    });
    return forwarding.openFollower().onSuccess(ignored -> tick());
  }

  private void tick() {
    status.publish(vertx);
    if (busy) {
      return;
    }
    busy = true;
    if (lock != null) {
      WriterLock held = lock;
      lockThread.executeBlocking(() -> {
            held.ping();
            return null;
          }, false)
          .onComplete(done -> {
            busy = false;
            if (done.failed() && lock == held) {
              LOG.warn("cluster: this node lost the writer lock ({}); it follows again", done.cause().getMessage());
              demote();
            }
          });
      return;
    }
    lockThread.executeBlocking(this::tryTake, false)
        .onComplete(done -> {
          busy = false;
          if (done.succeeded() && done.result().isPresent()) {
            promote(done.result().get());
          } else if (!following) {
            catchUp();
          }
        });
  }

  /** On the lock's thread: takes the lock if it is free; otherwise reads the writer's epoch. */
  private Optional<WriterLock> tryTake() throws SQLException {
    try {
      if (candidate == null) {
        candidate = WriterLock.open(database.url(), database.user(), database.password());
      }
      Optional<WriterLock> taken = WriterLock.tryTake(candidate, node);
      if (taken.isPresent()) {
        candidate = null;
      } else {
        WriterLock.Term term = WriterLock.current(candidate);
        status.epoch = term.epoch();
        writerNode = term.node();
        forwarding.writerEpoch(term.epoch());
      }
      return taken;
    } catch (SQLException e) {
      closeCandidate();
      LOG.debug("cluster: the database cannot be reached; this node cannot be writer", e);
      throw e;
    }
  }

  private void promote(WriterLock taken) {
    lock = taken;
    LOG.info("cluster: this node is the writer (epoch {}); restoring the live cores", taken.epoch());
    status.writer = true;
    status.epoch = taken.epoch();
    clock.offset(0);
    status.offsetMs = 0;
    frames.reset();
    following = false;
    hub.forget();
    // the forwarders stay until the command worker runs: a command taken meanwhile waits for this writer's address
    vertx.deployVerticle(commandWorker.apply(store.fenced(taken.fence())), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .compose(id -> {
          workerDeployment = id;
          return forwarding.closeFollower();
        })
        .compose(ignored -> {
          writerOnly.add(cluster.eventBus().<JsonObject>consumer(HELD,
              message -> message.reply(FrameRelay.held(hub, topics()))));
          writerOnly.add(clockSync.serve());
          return forwarding.openWriter(taken.epoch());
        })
        .onComplete(done -> context.runOnContext(ignored -> {
          if (done.succeeded()) {
            status.serving = true;
            status.publish(vertx);
            presence.replay();
          } else if (lock == taken) {
            LOG.warn("cluster: this node could not start as writer; it follows again", done.cause());
            demote();
          }
        }));
  }

  private void demote() {
    WriterLock held = lock;
    lock = null;
    status.writer = false;
    status.serving = false;
    writerOnly.forEach(MessageConsumer::unregister);
    writerOnly.clear();
    forwarding.closeWriter();
    String deployment = workerDeployment;
    workerDeployment = null;
    Future<?> stopped = deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
    stopped.eventually(() -> lockThread.executeBlocking(() -> {
          held.close();
          return null;
        }, false))
        .eventually(forwarding::openFollower);
  }

  /** A follower's first frames: whatever the writer holds now (later ones come as they are published). */
  private void catchUp() {
    cluster.eventBus().<JsonObject>request(HELD, null)
        .onSuccess(reply -> {
          if (!status.writer && !following) {
            following = true;
            frames.takeAll(reply.body());
          }
        });
  }

  private List<String> topics() {
    List<String> topics = new ArrayList<>(LiveHub.TOPICS);
    topics.add(linkKeys.topic());
    return topics;
  }

  private void closeCandidate() {
    if (candidate != null) {
      try {
        candidate.close();
      } catch (SQLException ignored) {
        // gone either way
      }
      candidate = null;
    }
  }

  /** Leaves the cluster, then ends the lock's sessions (a successor may take over at once). */
  @Override
  public Future<?> stop() {
    ClusterStatus.withdraw(vertx);
    Future<?> left = cluster == null ? Future.succeededFuture() : cluster.close();
    return left.eventually(() -> lockThread == null ? Future.succeededFuture() : lockThread.executeBlocking(() -> {
      closeCandidate();
      if (lock != null) {
        lock.close();
      }
      return null;
    }, false));
  }
}
