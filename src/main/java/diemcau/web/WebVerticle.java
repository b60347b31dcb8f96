package diemcau.web;

import diemcau.bridges.QrSvg;
import diemcau.command.Caller;
import diemcau.command.Credentials;
import diemcau.command.Role;
import diemcau.event.Event;
import diemcau.live.CommandReplies;
import diemcau.live.Frame;
import diemcau.live.LiveHub;
import diemcau.live.SocketGroup;
import diemcau.store.AuditLog;
import diemcau.store.Store;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP and WebSocket edge of one event loop: routes in one place, the handshake that
 * settles who a socket is, and this loop's socket group. Deployed once per event loop.
 */
public final class WebVerticle extends VerticleBase {

  /** Largest accepted command body; larger ones are refused while they arrive. */
  public static final int COMMAND_BODY_LIMIT = 64 * 1024;
  public static final int WS_FRAME_LIMIT = 16 * 1024;
  public static final int WS_MESSAGE_LIMIT = 64 * 1024;

  static final long HEALTH_TIMEOUT_MS = 2_000;
  /** Smallest response body worth compressing. */
  static final int COMPRESS_FROM_BYTES = 1024;
  private static final List<String> PAGES = List.of("hall", "mc", "judge", "admin", "stage1");

  private final WebSettings settings;
  private final Event event;
  private final Store store;
  private final Credentials credentials;
  private final LiveHub hub;
  private final Clock clock;
  private final long startedAt;
  private final List<FeatureRoutes> features;
  private SocketGroup sockets;
  private HttpServer server;

  /** What the web edge needs from the settings. */
  public record WebSettings(String host, int port, String publicUrl) {}

  public WebVerticle(WebSettings settings, Event event, Store store, Credentials credentials, LiveHub hub, Clock clock,
      List<FeatureRoutes> features) {
    this.features = List.copyOf(features);
    this.settings = settings;
    this.event = event;
    this.store = store;
    this.credentials = credentials;
    this.hub = hub;
    this.clock = clock;
    this.startedAt = clock.millis();
  }

  @Override
  public Future<?> start() {
    sockets = new SocketGroup(vertx, hub, clock);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(settings.host())
        .setPort(settings.port())
        .setCompressionSupported(true)
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
        // a fixed send buffer turns off the kernel's autotuning (up to 4 MB a socket): a screen that
        // stops reading then holds ~2× this in the kernel, and the hub parks its states instead
        .setSendBufferSize(SocketGroup.SEND_BUFFER_BYTES);
    server = vertx.createHttpServer(options)
        .webSocketHandshakeHandler(this::handshake)
        .webSocketHandler(ws -> sockets.add(ws, identify(ws.query()).orElse(Caller.VIEWER)))
        .requestHandler(router());
    return sockets.start().compose(ignored -> server.listen());
  }

  @Override
  public Future<?> stop() {
    return sockets.stop().eventually(() -> server.close());
  }

  private Router router() {
    Router router = Router.router(vertx);
    router.route().handler(WebVerticle::securityHeaders);
    router.get("/health").handler(this::health);
    router.post("/api/commands").handler(BodyHandler.create(false).setBodyLimit(COMMAND_BODY_LIMIT));
    router.post("/api/commands").handler(this::command);
    router.get("/api/state/:topic").handler(this::state);
    router.get("/api/event").handler(this::eventSummary);
    router.get("/api/audit").handler(this::audit);
    router.get("/api/whoami").handler(ctx -> Http.bearer(ctx, credentials)
        .ifPresent(caller -> ctx.json(new JsonObject().put("role", caller.role().wire()).put("id", caller.id()))));
    router.get("/api/bridges/links").handler(this::bridgeLinks);
    router.get("/bridge").handler(this::bridgePage);
    features.forEach(feature -> feature.mount(router));
    new diemcau.live.MetricsRoutes(vertx, credentials, hub).mount(router);
    router.get("/").handler(ctx -> ctx.reroute("/index.html"));
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
        .add("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'");
    ctx.next();
  }

  /** Settles who a socket is before it opens: a bad token or bridge key never gets a socket. */
  private void handshake(ServerWebSocketHandshake handshake) {
    if (!"/ws".equals(handshake.path())) {
      handshake.reject(404);
      return;
    }
    Map<String, List<String>> query = new QueryStringDecoder(handshake.query() == null ? "" : handshake.query(), false).parameters();
    boolean claimsIdentity = query.containsKey("token") || query.containsKey("unit") || query.containsKey("key");
    if (claimsIdentity && identify(handshake.query()).isEmpty()) {
      handshake.reject(query.containsKey("token") ? 401 : 403);
      return;
    }
    handshake.accept();
  }

  /** The caller a socket's query names: a console token, a bridge unit and key, or nobody. */
  private Optional<Caller> identify(String rawQuery) {
    Map<String, List<String>> query = new QueryStringDecoder(rawQuery == null ? "" : rawQuery, false).parameters();
    String token = first(query, "token");
    if (token != null) {
      return credentials.caller(token);
    }
    String unit = first(query, "unit");
    String key = first(query, "key");
    if (unit != null || key != null) {
      if (unit == null || event.unit(unit).isEmpty() || !credentials.bridgeKeyValid(unit, key)) {
        return Optional.empty();
      }
      return Optional.of(new Caller(Role.BRIDGE, unit));
    }
    return Optional.of(Caller.VIEWER);
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
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
        : event.unit(unit).isEmpty() ? "Không có điểm cầu mang mã " + escape(unit) + "."
        : "Khóa của liên kết không đúng cho điểm cầu " + escape(event.unit(unit).get().name()) + ".";
    ctx.response().setStatusCode(403).putHeader("Content-Type", "text/html; charset=utf-8").end(
        "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Liên kết không hợp lệ</title>"
            + "<link rel=\"stylesheet\" href=\"/css/screen.css\"><body class=\"invalid-link\"><main>"
            + "<h1>Liên kết điểm cầu không hợp lệ</h1><p>" + reason + "</p>"
            + "<p>Xin liên hệ Ban Tổ chức để nhận đúng liên kết của điểm cầu.</p>"
            + "<p lang=\"en\">This bridge link is not valid. Ask the organisers for your site's link.</p></main></body></html>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Every unit's bridge link and its QR code, for the admin to print. */
  private void bridgeLinks(RoutingContext ctx) {
    if (Http.require(ctx, credentials, Role.ADMIN).isEmpty()) {
      return;
    }
    String base = settings.publicUrl() != null ? settings.publicUrl()
        : ctx.request().scheme() + "://" + ctx.request().authority();
    vertx.<JsonArray>executeBlocking(() -> {
      JsonArray links = new JsonArray();
      for (var unit : event.units()) {
        String url = base + "/bridge?unit=" + unit.code() + "&key=" + credentials.bridgeKey(unit.code());
        links.add(new JsonObject()
            .put("unit", unit.code())
            .put("name", unit.name())
            .put("kind", unit.kind().name())
            .put("kindLabel", unit.kind().label())
            .put("url", url)
            .put("qrSvg", QrSvg.of(url)));
      }
      return links;
    }, false).onSuccess(links -> ctx.json(new JsonObject().put("base", base).put("links", links))).onFailure(ctx::fail);
  }

  /** UP when the database answers within {@link #HEALTH_TIMEOUT_MS} (and the embedded file is the one opened). */
  private void health(RoutingContext ctx) {
    store.ping().timeout(HEALTH_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onSuccess(ok -> ctx.json(new JsonObject()
            .put("status", "UP")
            .put("database", new JsonObject().put("status", "UP").put("kind", store.kind().wire()))
            .put("event", event.id())
            .put("connections", hub.connections())
            .put("uptimeMs", clock.millis() - startedAt)))
        .onFailure(failure -> ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
            .end(new JsonObject()
                .put("status", "DOWN")
                .put("database", new JsonObject().put("status", "DOWN").put("kind", store.kind().wire())
                    .put("error", String.valueOf(failure.getMessage())))
                .encode()));
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
      reply(ctx, CommandReplies.refused(400, "bad_json", "the body is not a JSON object"));
      return;
    }
    if (body == null || !(body.getValue("name") instanceof String name)) {
      reply(ctx, CommandReplies.refused(400, "bad_argument", "name is required: {\"name\": \"...\", \"args\": {...}}"));
      return;
    }
    Object args = body.getValue("args");
    if (args != null && !(args instanceof JsonObject)) {
      reply(ctx, CommandReplies.refused(400, "bad_argument", "args must be an object"));
      return;
    }
    CommandReplies.send(vertx, caller.get(), name, (JsonObject) args).onSuccess(reply -> reply(ctx, reply));
  }

  private static void reply(RoutingContext ctx, JsonObject reply) {
    int status = reply.getBoolean("ok") ? 200 : reply.getInteger("status", 400);
    JsonObject body = reply.copy();
    body.remove("status");
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  /**
   * The newest state of a topic; with {@code ?settled=true}, only once every command taken before
   * this read has finished and its outcome is known (what a console reads after "outcome unknown").
   */
  private void state(RoutingContext ctx) {
    String topic = ctx.pathParam("topic");
    if (!LiveHub.TOPICS.contains(topic)) {
      reply(ctx, CommandReplies.refused(404, "unknown_topic",
          "no such topic: " + topic + " (topics: " + String.join(", ", LiveHub.TOPICS) + ")"));
      return;
    }
    if ("true".equals(ctx.request().getParam("settled"))) {
      CommandReplies.settle(vertx).onSuccess(settled -> {
        if (settled.getBoolean("ok")) {
          latest(ctx, topic);
        } else {
          reply(ctx, settled);
        }
      });
      return;
    }
    latest(ctx, topic);
  }

  private void latest(RoutingContext ctx, String topic) {
    Frame latest = hub.latest(topic);
    if (latest == null) {
      reply(ctx, CommandReplies.refused(503, "starting", "the server is starting: no state of " + topic + " yet"));
      return;
    }
    ctx.response().putHeader("Content-Type", "application/json").end(latest.data().encode());
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
        .put("venue", event.venue())
        .put("zone", event.zone().getId())
        .put("units", units));
  }
}
