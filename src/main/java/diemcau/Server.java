package diemcau;

import diemcau.agenda.AgendaService;
import diemcau.bridges.BridgesService;
import diemcau.command.Credentials;
import diemcau.command.LiveCore;
import diemcau.event.Event;
import diemcau.event.EventLoader;
import diemcau.live.CommandVerticle;
import diemcau.live.LiveHub;
import diemcau.screen.ScreenService;
import diemcau.store.Store;
import diemcau.web.FeatureRoutes;
import diemcau.web.WebVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
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

  private Server(Vertx vertx, Store store, Credentials credentials, Event event) {
    this.vertx = vertx;
    this.store = store;
    this.credentials = credentials;
    this.event = event;
  }

  /** Starts a server; the future completes when it accepts connections. */
  public static Future<Server> start(Settings settings, Clock clock) {
    Event event = settings.eventFile() == null ? EventLoader.loadDefault() : EventLoader.load(settings.eventFile());
    int loops = Math.max(2, Runtime.getRuntime().availableProcessors());
    Vertx vertx;
    try {
      vertx = Transports.vertx(new VertxOptions().setEventLoopPoolSize(loops),
          Transports.named(settings.transport(), "DIEMCAU_TRANSPORT / --transport"));
    } catch (IllegalArgumentException unavailable) {
      return Future.failedFuture(unavailable);
    }
    return vertx.executeBlocking(() -> {
          Files.createDirectories(settings.dataDir());
          Store store = settings.dbUrl() != null
              ? Store.mysql(vertx, settings.dbUrl(), settings.dbUser(), settings.dbPassword())
              : Store.embedded(vertx, settings.dataDir(), settings.freshDatabase());
          Credentials credentials = Credentials.load(settings.dataDir(), settings.mcToken(), settings.adminToken());
          return new Server(vertx, store, credentials, event);
        })
        .compose(server -> server.deploy(settings, clock).map(server))
        .recover(failure -> {
          // closing from inside a failed deployment: do not wait on the loops being shut
          vertx.close();
          return Future.failedFuture(failure);
        });
  }

  private Future<?> deploy(Settings settings, Clock clock) {
    LiveHub hub = new LiveHub(Long.toString(clock.millis(), 36) + "-" + UUID.randomUUID().toString().substring(0, 8));
    List<LiveCore> cores = List.of(
        new AgendaService(event.agenda()), new ScreenService(), new BridgesService(event.units(), clock), new diemcau.finale.FinaleService(event, credentials), new diemcau.participation.ParticipationService(event, store, clock));
    List<FeatureRoutes> routes = List.of(new diemcau.finale.FinaleRoutes(credentials, store, event, settings.publicUrl()), new diemcau.participation.ParticipationRoutes(event, credentials, store));
    WebVerticle.WebSettings web = new WebVerticle.WebSettings(settings.host(), settings.port(), settings.publicUrl());
    int instances = Math.max(2, Runtime.getRuntime().availableProcessors());
    // a worker: commands commit on the thread that runs them, one after another
    return vertx.deployVerticle(new CommandVerticle(store, clock, hub, cores), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .compose(ignored -> vertx.deployVerticle(() -> new WebVerticle(web, event, store, credentials, hub, clock, routes),
            new DeploymentOptions().setInstances(instances)));
  }

  public Credentials credentials() {
    return credentials;
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
