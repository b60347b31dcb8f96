package diemcau.web;

import diemcau.command.Addresses;
import diemcau.command.Caller;
import diemcau.command.Credentials;
import diemcau.command.Role;
import diemcau.event.Contacts;
import diemcau.event.Day;
import diemcau.event.Event;
import diemcau.command.CommandPipe;
import diemcau.live.Frame;
import diemcau.live.LiveHub;
import diemcau.live.SocketGroup;
import diemcau.store.AuditLog;
import diemcau.store.Store;
import diemcau.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP and WebSocket edge of one event loop: routes in one place, the handshake that
 * settles who a socket is, and this loop's socket group. Deployed once per event loop.
 */
public final class WebVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(WebVerticle.class);

  /** Largest accepted command body; larger ones are refused while they arrive. */
  public static final int COMMAND_BODY_LIMIT = 64 * 1024;
  public static final int WS_FRAME_LIMIT = 16 * 1024;
  public static final int WS_MESSAGE_LIMIT = 64 * 1024;

  static final long HEALTH_TIMEOUT_MS = 2_000;
  /** Smallest response body worth compressing. */
  static final int COMPRESS_FROM_BYTES = 1024;
  private static final List<String> PAGES = List.of("mc", "judge", "admin", "stage1");

  private final WebSettings settings;
  private final Event event;
  private final Store store;
  private final Credentials credentials;
  private final SocketDoor door;
  private final AddressGuard guard;
  private ConnectionWatch watch;
  private final LiveHub hub;
  private final Clock clock;
  private final long startedAt;
  private final List<FeatureRoutes> features;
  private SocketGroup sockets;
  private HttpServer server;

  /** What the web edge needs from the settings. */
  public record WebSettings(String host, int port) {}

  public WebVerticle(WebSettings settings, Event event, Store store, Credentials credentials, SocketDoor door,
      AddressGuard guard, LiveHub hub, Clock clock, List<FeatureRoutes> features) {
    this.features = List.copyOf(features);
    this.settings = settings;
    this.event = event;
    this.store = store;
    this.credentials = credentials;
    this.door = door;
    this.guard = guard;
    this.hub = hub;
    this.clock = clock;
    this.startedAt = clock.millis();
  }

  @Override
  public Future<?> start() {
    sockets = new SocketGroup(vertx, hub, clock);
    watch = new ConnectionWatch(vertx, guard, credentials);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(settings.host())
        .setPort(settings.port())
        // a silent HTTP connection is closed; an upgraded socket's idle handler is taken out (SocketGroup)
        .setIdleTimeout(guard.limits().idleTimeoutSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setUseProxyProtocol(guard.limits().proxyProtocol())
        .setProxyProtocolTimeout(guard.limits().requestTimeoutSeconds())
        .setProxyProtocolTimeoutUnit(TimeUnit.SECONDS)
        .setCompressionSupported(true)
        // HTTP/1.1 only (browsers speak HTTP/2 only over TLS, at the proxy): the connection then exists,
        // and its request timeout runs, from the moment it is accepted, not from its first bytes
        .setHttp2ClearTextEnabled(false)
        // a command's reply or a small state is sent as it is: compressing a 30-byte body costs more
        // than it saves (a new compressor per response, and the reply then waits for it)
        .setCompressionContentSizeThreshold(COMPRESS_FROM_BYTES)
        // every handler answers on its own event loop; in exchange the HTTP connection, which an
        // upgraded socket keeps, writes directly instead of through a queue with a 4 KB chunk
        .setStrictThreadMode(true)
        // one encoding per change for every screen: per-socket deflate would compress each copy again
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setMaxWebSocketFrameSize(WS_FRAME_LIMIT)
        .setMaxWebSocketMessageSize(WS_MESSAGE_LIMIT)
        // selected when a console's browser offers its token as a second sub-protocol (SocketDoor)
        .setWebSocketSubProtocols(List.of(SocketDoor.PROTOCOL))
        // a fixed send buffer turns off the kernel's autotuning (up to 4 MB a socket): a screen that
        // stops reading then holds ~2× this in the kernel, and the hub parks its states instead
        .setSendBufferSize(SocketGroup.SEND_BUFFER_BYTES);
    Router router = router();
    server = vertx.createHttpServer(options)
        .connectionHandler(watch::opened)
        .webSocketHandshakeHandler(this::handshake)
        .webSocketHandler(this::opened)
        .requestHandler(request -> {
          if (watch.request(request)) {
            router.handle(request);
          }
        });
    return sockets.start().compose(ignored -> server.listen());
  }

  @Override
  public Future<?> stop() {
    return sockets.stop().eventually(() -> server.close());
  }

  private Router router() {
    Router router = Router.router(vertx);
    // what Vert.x answers itself, in the JSON shape of every other refusal
    router.errorHandler(413, ctx -> Http.error(ctx, 413, "too_large", "the body is larger than this endpoint accepts"));
    router.errorHandler(500, ctx -> {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
      Http.error(ctx, 500, "internal", "the server could not answer this request (see its log)");
    });
    router.route().handler(WebVerticle::securityHeaders);
    router.route().handler(ctx -> {
      ctx.put(AddressGuard.class.getName(), guard);
      ctx.next();
    });
    router.get("/health").handler(this::health);
    router.post("/api/commands").handler(Http.rawBody(COMMAND_BODY_LIMIT));
    router.post("/api/commands").handler(this::command);
    router.get("/api/state/:topic").handler(this::state);
    router.get("/api/event").handler(this::eventSummary);
    router.get("/api/audit").handler(this::audit);
    router.get("/api/whoami").handler(ctx -> Http.bearer(ctx, credentials)
        .ifPresent(caller -> ctx.json(new JsonObject().put("role", caller.role().wire()).put("id", caller.id()))));
    router.get("/bridge").handler(this::bridgePage);
    features.forEach(feature -> feature.mount(router));
    router.get("/").handler(ctx -> ctx.reroute("/index.html"));
    router.get("/mc/print").handler(ctx -> ctx.reroute("/mc-print.html"));
    for (String page : PAGES) {
      router.get("/" + page).handler(ctx -> ctx.reroute("/" + page + ".html"));
    }
    router.get("/lib/*").handler(StaticHandler.create("META-INF/resources/webjars/chart.js/4.5.1/dist")
        .setMaxAgeSeconds(86_400));
    router.getWithRegex(".*\\.html").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    router.get().handler(StaticHandler.create("webroot").setMaxAgeSeconds(3_600));
    return router;
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response().headers()
        .add("X-Content-Type-Options", "nosniff")
        // bridge links carry their key in the URL: never pass it on as a referrer
        .add("Referrer-Policy", "no-referrer")
        .add("X-Frame-Options", "SAMEORIGIN")
        .add("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'");
    ctx.next();
  }

  /**
   * Settles who a socket is before it opens: a bad token or key never gets a socket, and counts
   * against its address (a 429 a second late once the address is over its budget).
   */
  private void handshake(ServerWebSocketHandshake handshake) {
    SocketAddress remote = handshake.remoteAddress();
    SocketDoor.Claim claim = door.claim(handshake.query(), handshake.headers());
    boolean identified = claim.caller().isPresent() && claim.claimed();
    if (!watch.handshake(remote, identified)) {
      handshake.reject(429).onComplete(ignored -> watch.handshakeRefused(remote));
      return;
    }
    if (!"/ws".equals(handshake.path())) {
      handshake.reject(404).onComplete(ignored -> watch.handshakeRefused(remote));
      return;
    }
    if (claim.caller().isEmpty()) {
      if (guard.failed(remote.hostAddress())) {
        vertx.setTimer(Http.THROTTLE_DELAY_MS, ignored -> handshake.reject(429).onComplete(done -> watch.handshakeRefused(remote)));
      } else {
        handshake.reject(claim.status()).onComplete(done -> watch.handshakeRefused(remote));
      }
      return;
    }
    handshake.accept();
  }

  private void opened(ServerWebSocket ws) {
    SocketDoor.Claim claim = door.claim(ws.query(), ws.headers());
    Runnable closed = watch.upgraded(ws.remoteAddress(), claim.claimed() && claim.caller().isPresent());
    sockets.add(ws, claim.caller().orElse(Caller.VIEWER), closed);
  }

  /** A bridge link with a wrong key gets a page that says so, never a silent viewer. */
  private void bridgePage(RoutingContext ctx) {
    String unit = ctx.request().getParam("unit");
    String key = ctx.request().getParam("key");
    if (unit != null && event.unit(unit).isPresent() && credentials.bridgeKeyValid(unit, key)) {
      ctx.reroute("/bridge.html");
      return;
    }
    String reason = unit == null ? "Liên kết thiếu mã điểm cầu (unit)."
        : event.unit(unit).isEmpty() ? "Không có điểm cầu mang mã " + Http.escape(unit) + "."
        : "Khóa của liên kết không đúng cho điểm cầu " + Http.escape(event.unit(unit).get().name()) + ".";
    Http.wrongCredential(ctx, () -> ctx.response().setStatusCode(403).putHeader("Content-Type", "text/html; charset=utf-8").end(
        "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Liên kết không hợp lệ</title>"
            + "<link rel=\"stylesheet\" href=\"/css/screen.css\"><body class=\"invalid-link\"><main>"
            + "<h1>Liên kết điểm cầu không hợp lệ</h1><p>" + reason + "</p>"
            + "<p>Xin liên hệ Ban Tổ chức để nhận đúng liên kết của điểm cầu.</p>" + contactsHtml()
            + "<p lang=\"en\">This bridge link is not valid. Ask the organisers for your site's link.</p></main></body></html>"));
  }

  /** The contest's contacts as a list for a server-rendered page: phones to call, the e-mail, the platforms. */
  private String contactsHtml() {
    StringBuilder html = new StringBuilder("<ul class=\"contacts\">");
    for (Contacts.Phone phone : event.contacts().phones()) {
      html.append("<li>").append(Http.escape(phone.label())).append(": <a href=\"tel:").append(Http.escape(phone.dialable()))
          .append("\">").append(Http.escape(phone.number())).append("</a>")
          .append(phone.who().isEmpty() ? "" : " (" + Http.escape(phone.who()) + ")").append("</li>");
    }
    if (event.contacts().email() != null) {
      html.append("<li>E-mail: ").append(Http.escape(event.contacts().email())).append("</li>");
    }
    for (Contacts.Link link : event.contacts().links()) {
      html.append("<li>").append(Http.escape(link.label())).append(": <a href=\"").append(Http.escape(link.url())).append("\">")
          .append(Http.escape(link.url())).append("</a></li>");
    }
    return html.append("</ul>").toString();
  }

  /** UP when the database answers within {@link #HEALTH_TIMEOUT_MS} (and the embedded file is the one opened). */
  private void health(RoutingContext ctx) {
    store.ping().timeout(HEALTH_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onSuccess(ok -> ctx.json(new JsonObject()
            .put("status", "UP")
            .put("database", new JsonObject().put("status", "UP").put("kind", store.kind().wire()))
            .put("event", event.id())
            .put("connections", hub.connections())
            .put("uptimeMs", clock.millis() - startedAt)
            .mergeIn(clusterNode(ctx))))
        .onFailure(failure -> {
          // the driver's text (host names, user, SQL state) is for the log, never for the public
          LOG.warn("health: the database is not usable: {}", failure.toString());
          JsonObject database = new JsonObject().put("status", "DOWN").put("kind", store.kind().wire());
          if (failure instanceof StoreUnavailableException ours) {
            database.put("error", ours.getMessage()); // the server's own words (a file removed or replaced), no driver text
          }
          // a cluster node still says its role: a node cut off from the database is never the writer
          ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
              .end(clusterNode(ctx).copy().put("status", "DOWN").put("database", database).encode());
        });
  }

  /** In cluster mode, the node's role and the cluster's figures (empty on a single server). */
  private static JsonObject clusterNode(RoutingContext ctx) {
    return ctx.vertx().sharedData().<String, JsonObject>getLocalMap(Addresses.HEALTH).getOrDefault("node", new JsonObject());
  }

  private void audit(RoutingContext ctx) {
    if (Http.require(ctx, credentials, Role.ADMIN).isEmpty()) {
      return;
    }
    store.tx(connection -> AuditLog.recent(connection, 500))
        .onSuccess(entries -> ctx.json(new JsonObject().put("entries", entries)))
        .onFailure(ctx::fail);
  }

  private void command(RoutingContext ctx) {
    Optional<Caller> caller = Http.bearer(ctx, credentials);
    if (caller.isEmpty()) {
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      Http.error(ctx, 400, "bad_json", "the body is not a JSON object");
      return;
    }
    CommandPipe.submit(vertx, caller.get(), body == null ? new JsonObject() : body).onSuccess(result -> Http.reply(ctx, result));
  }

  /**
   * The newest state of a topic; with {@code ?settled=true}, only once every command taken before
   * this read has finished and its outcome is known (what a console reads after "outcome unknown").
   */
  private void state(RoutingContext ctx) {
    String topic = ctx.pathParam("topic");
    if (!LiveHub.TOPICS.contains(topic)) {
      Http.error(ctx, 404, "unknown_topic", "no such topic: " + topic + " (topics: " + String.join(", ", LiveHub.TOPICS) + ")");
      return;
    }
    if ("true".equals(ctx.request().getParam("settled"))) {
      CommandPipe.settle(vertx).onSuccess(settled -> {
        if (settled.ok()) {
          latest(ctx, topic);
        } else {
          Http.reply(ctx, settled);
        }
      });
      return;
    }
    latest(ctx, topic);
  }

  private void latest(RoutingContext ctx, String topic) {
    Frame latest = hub.latest(topic);
    if (latest == null) {
      Http.error(ctx, 503, "starting", "the server is starting: no state of " + topic + " yet");
      return;
    }
    ctx.response().putHeader("Content-Type", "application/json").end(latest.data().encode());
  }

  /** Each day the agenda runs: its name, date, announced start, venue and planned programme. */
  private JsonObject days() {
    JsonObject days = new JsonObject();
    for (Day day : event.days()) {
      JsonArray programme = new JsonArray();
      day.programme().forEach(item -> programme.add(new JsonObject()
          .put("id", item.id())
          .put("title", item.title())
          .put("by", item.by())
          .put("plannedStart", item.plannedStart().toEpochMilli())
          .put("plannedEnd", item.plannedEnd().toEpochMilli())
          .put("presentation", item.presentation())));
      days.put(day.id(), new JsonObject()
          .put("id", day.id())
          .put("name", day.name())
          .put("date", day.date().toString())
          .put("start", day.start().toEpochMilli())
          .put("venue", new JsonObject().put("name", day.venue().name()).put("address", day.venue().address()))
          .put("programme", programme));
    }
    return days;
  }

  /** The contest's public contacts, as the event file gives them. */
  private JsonObject contacts() {
    JsonArray phones = new JsonArray();
    event.contacts().phones().forEach(phone -> phones.add(new JsonObject().put("label", phone.label())
        .put("number", phone.number()).put("dial", phone.dialable()).put("who", phone.who())));
    JsonArray links = new JsonArray();
    event.contacts().links().forEach(link -> links.add(new JsonObject().put("label", link.label()).put("url", link.url())));
    return new JsonObject().put("phones", phones).put("email", event.contacts().email()).put("links", links);
  }

  private void eventSummary(RoutingContext ctx) {
    JsonArray units = new JsonArray();
    event.units().forEach(unit -> units.add(new JsonObject()
        .put("code", unit.code())
        .put("name", unit.name())
        .put("kind", unit.kind().name())
        .put("kindLabel", unit.kind().label())
        .put("communeLevel", unit.kind().communeLevel())));
    ctx.json(new JsonObject()
        .put("id", event.id())
        .put("name", event.name())
        .put("shortName", event.shortName())
        .put("organiser", event.organiser())
        .put("days", days())
        .put("contacts", contacts())
        .put("zone", event.zone().getId())
        .put("groups", new JsonObject(new TreeMap<>(event.ranking().groupLabels())))
        .put("stages", new JsonArray(event.stages().stream()
            .map(stage -> new JsonObject().put("id", stage.id()).put("name", stage.name())).toList()))
        .put("units", units));
  }
}
