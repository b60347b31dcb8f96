package diemcau;

import diemcau.agenda.AgendaService;
import diemcau.net.Transports;
import diemcau.bridges.BridgesService;
import diemcau.cluster.ClusterNode;
import diemcau.cluster.WriterClock;
import diemcau.command.CommandPipe;
import diemcau.command.CommandRequest;
import diemcau.command.Commands;
import diemcau.command.Credentials;
import diemcau.command.LiveCore;
import diemcau.event.Event;
import diemcau.event.EventLoader;
import diemcau.finale.FinalService;
import diemcau.live.CommandVerticle;
import diemcau.links.LinkKeys;
import diemcau.links.LinkRoutes;
import diemcau.live.LiveHub;
import diemcau.metrics.MetricsRoutes;
import diemcau.metrics.ServerMetrics;
import diemcau.participation.ParticipationService;
import diemcau.participation.Upload;
import diemcau.rehearsal.RehearsalReset;
import diemcau.screen.ScreenService;
import diemcau.store.Store;
import diemcau.web.AddressGuard;
import diemcau.web.FeatureRoutes;
import diemcau.web.SocketDoor;
import diemcau.web.WebVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running diemcau server: composes the store, the live cores and the web edge. */
public final class Server {

  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private final Vertx vertx;
  private final Store store;
  private final Credentials credentials;
  private final Event event;
  private final LinkKeys linkKeys;
  private final ServerMetrics metrics;

  private Server(Vertx vertx, Store store, Credentials credentials, Event event, ServerMetrics metrics) {
    this.vertx = vertx;
    this.store = store;
    this.credentials = credentials;
    this.event = event;
    this.linkKeys = new LinkKeys(credentials, event);
    this.metrics = metrics;
  }

  /** Starts a server; the future completes when it accepts connections. */
  public static Future<Server> start(Settings settings, Clock clock) {
    Event event = settings.eventFile() == null ? EventLoader.loadDefault() : EventLoader.load(settings.eventFile());
    int loops = Math.max(2, Runtime.getRuntime().availableProcessors());
    ServerMetrics metrics = new ServerMetrics();
    Vertx vertx;
    try {
      vertx = metrics.install(Vertx.builder(), new VertxOptions().setEventLoopPoolSize(loops))
          .withTransport(Transports.named(settings.transport(), "DIEMCAU_TRANSPORT / --transport"))
          .build();
    } catch (IllegalArgumentException unavailable) {
      return Future.failedFuture(unavailable);
    }
    return vertx.executeBlocking(() -> {
          DataFolder.prepare(settings.dataDir());
          Store store = settings.dbUrl() != null
              ? Store.mysql(vertx, settings.dbUrl(), settings.dbUser(), settings.dbPassword())
              : Store.embedded(vertx, settings.dataDir(), settings.freshDatabase());
          Credentials credentials = Credentials.load(settings.dataDir(), settings.mcToken(), settings.adminToken());
          // the embedded database's files were just created with the process's umask
          DataFolder.narrow(settings.dataDir().toAbsolutePath());
          return new Server(vertx, store, credentials, event, metrics);
        })
        // a cluster node answers in the writer's time (its offset measured once it follows one)
        .compose(server -> server.deploy(settings, settings.cluster().enabled() ? new WriterClock(clock) : clock).map(server))
        .recover(failure -> {
          // closing from inside a failed deployment: do not wait on the loops being shut
          vertx.close();
          return Future.failedFuture(failure);
        });
  }

  private Future<?> deploy(Settings settings, Clock clock) {
    // how a command's attachment is read back from its wire form (a cluster node forwards it)
    Map<String, Function<JsonObject, CommandRequest.Attachment>> attachments = Map.of("participation.import", Upload::fromJson);
    CommandPipe.register(vertx.eventBus(), attachments);
    LiveHub hub = new LiveHub(Long.toString(clock.millis(), 36) + "-" + UUID.randomUUID().toString().substring(0, 8));
    AgendaService agenda = new AgendaService(event, clock);
    ScreenService screen = new ScreenService();
    BridgesService bridges = new BridgesService(event.units(), clock);
    ParticipationService participation = new ParticipationService(event, store, clock);
    FinalService finale = new FinalService(event, credentials, agenda, participation);
    List<LiveCore> cores = List.of(agenda, screen, bridges, finale, participation, linkKeys);
    List<Commands> spanning = List.of(new RehearsalReset(agenda, screen, bridges, participation, finale));
    SocketDoor door = new SocketDoor(event, credentials, linkKeys::hallKeyValid);
    AddressGuard guard = new AddressGuard(settings.limits(), clock);
    vertx.setPeriodic(AddressGuard.WINDOW_MS, ignored -> guard.sweep());
    metrics.watch(hub);
    store.measure(metrics.registry());
    metrics.watch(guard);
    List<FeatureRoutes> routes = List.of(new diemcau.finale.FinalRoutes(credentials, store, event, settings.publicUrl()),
        new diemcau.participation.ParticipationRoutes(event, credentials, linkKeys, store, metrics.registry()),
        new LinkRoutes(event, credentials, linkKeys, settings.publicUrl()),
        new MetricsRoutes(credentials, hub, metrics, guard::toJson));
    WebVerticle.WebSettings web = new WebVerticle.WebSettings(settings.host(), settings.port());
    int instances = Math.max(2, Runtime.getRuntime().availableProcessors());
    // a worker: commands commit on the thread that runs them, one after another (in a cluster, on the writer only)
    Future<?> commands = settings.cluster().enabled()
        ? vertx.deployVerticle(new ClusterNode(settings.cluster(),
            new ClusterNode.Database(settings.dbUrl(), settings.dbUser(), settings.dbPassword()), store, hub, linkKeys, (WriterClock) clock, attachments,
            fenced -> new CommandVerticle(fenced, clock, hub, cores, spanning, metrics.registry())))
        : vertx.deployVerticle(new CommandVerticle(store, clock, hub, cores, spanning, metrics.registry()),
            new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER));
    return commands.compose(ignored -> vertx.deployVerticle(() -> new WebVerticle(web, event, store, credentials, door, guard, hub, clock, routes),
            new DeploymentOptions().setInstances(instances)));
  }

  public Credentials credentials() {
    return credentials;
  }

  /** The hall's and the units' report links' keys. */
  public LinkKeys linkKeys() {
    return linkKeys;
  }

  public Event event() {
    return event;
  }

  /** The network transport the server runs on. */
  public String transport() {
    return Transports.name(vertx);
  }

  /** Graceful stop: sockets closed with 1001, verticles undeployed, then the pool closed. */
  public Future<Void> stop() {
    return vertx.close().eventually(() -> {
      store.close();
      LOG.info("diemcau stopped");
      return Future.succeededFuture();
    });
  }
}
