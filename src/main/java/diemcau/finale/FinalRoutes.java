package diemcau.finale;

import diemcau.web.QrSvg;
import diemcau.command.Addresses;
import diemcau.command.Caller;
import diemcau.command.CommandResult;
import diemcau.command.Credentials;
import diemcau.command.Role;
import diemcau.event.Event;
import diemcau.command.CommandPipe;
import diemcau.store.Store;
import diemcau.web.FeatureRoutes;
import diemcau.web.Http;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The final's HTTP endpoints beyond the command door: the MC's submission overview, a judge's
 * own sheets, the admin's full view, judge creation (the one place a judge's token exists in
 * clear, answered once with its link and QR code), and the CSV exports.
 */
public final class FinalRoutes implements FeatureRoutes {

  private static final DeliveryOptions QUERY = new DeliveryOptions().setSendTimeout(10_000);
  private static final int BODY_LIMIT = 4 * 1024;

  private final Credentials credentials;
  private final Store store;
  private final Event event;
  private final String publicUrl;

  /** {@code publicUrl}: the base of judge links, null to use the address the admin's browser used. */
  public FinalRoutes(Credentials credentials, Store store, Event event, String publicUrl) {
    this.credentials = credentials;
    this.store = store;
    this.event = event;
    this.publicUrl = publicUrl;
  }

  @Override
  public void mount(Router router) {
    router.get("/final-admin").handler(ctx -> ctx.reroute("/final-admin.html"));
    router.get("/api/final/progress").handler(ctx -> view(ctx, new JsonObject().put("view", "progress"), Role.MC, Role.ADMIN));
    router.get("/api/final/admin").handler(ctx -> view(ctx, new JsonObject().put("view", "admin"), Role.ADMIN));
    router.get("/api/final/judge").handler(this::judgeView);
    router.post("/api/final/judges").handler(Http.rawBody(BODY_LIMIT));
    router.post("/api/final/judges").handler(this::createJudge);
    router.get("/api/final/export/:file").handler(this::export);
  }

  private void judgeView(RoutingContext ctx) {
    Optional<Caller> caller = Http.require(ctx, credentials, Role.JUDGE);
    caller.ifPresent(judge -> query(ctx, new JsonObject().put("view", "judge").put("judge", judge.id()), ctx::json));
  }

  private void view(RoutingContext ctx, JsonObject query, Role... roles) {
    if (Http.require(ctx, credentials, roles).isPresent()) {
      query(ctx, query, ctx::json);
    }
  }

  /** Asks the final's core; answers the error itself when it refuses. */
  private void query(RoutingContext ctx, JsonObject query, Consumer<JsonObject> answer) {
    ctx.vertx().eventBus().<CommandResult>request(Addresses.FINAL_VIEWS, query, QUERY)
        .onFailure(ctx::fail)
        .onSuccess(reply -> {
          if (reply.body().ok()) {
            answer.accept(reply.body().data());
          } else {
            Http.reply(ctx, reply.body());
          }
        });
  }

  /** Makes a token, sends only its hash through {@code judge.create}, and answers the token once. */
  private void createJudge(RoutingContext ctx) {
    Optional<Caller> admin = Http.require(ctx, credentials, Role.ADMIN);
    if (admin.isEmpty()) {
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null || !(body.getValue("name") instanceof String name)) {
      Http.error(ctx, 400, "bad_argument", "send {\"name\": \"...\"}");
      return;
    }
    String token = JudgeTokens.newToken();
    JsonObject args = new JsonObject().put("name", name).put("tokenHash", JudgeTokens.hash(token));
    CommandPipe.send(ctx.vertx(), CommandPipe.request(admin.get(), "judge.create", args, CommandPipe.COMMAND_MS)).onSuccess(reply -> {
      if (!reply.ok()) {
        Http.reply(ctx, reply);
        return;
      }
      // after #: the token never reaches a server or a proxy log (the page moves it to storage)
      String url = Http.base(ctx, publicUrl) + "/judge#token=" + token;
      ctx.vertx().executeBlocking(() -> QrSvg.of(url), false)
          .onFailure(ctx::fail)
          .onSuccess(qr -> ctx.json(reply.body().put("name", name.strip()).put("token", token).put("url", url).put("qrSvg", qr)));
    });
  }

  private void export(RoutingContext ctx) {
    if (Http.require(ctx, credentials, Role.ADMIN).isEmpty()) {
      return;
    }
    String file = ctx.pathParam("file");
    if (!file.endsWith(".csv")) {
      Http.error(ctx, 404, "not_found", "exports are .csv files");
      return;
    }
    String name = file.substring(0, file.length() - 4);
    if (name.equals("score-log")) {
      store.tx(ScoreLog::all).onFailure(ctx::fail).onSuccess(rows -> csv(ctx, file, Exports.scoreLog(rows, event)));
    } else {
      query(ctx, new JsonObject().put("view", "export").put("file", name), reply -> csv(ctx, file, reply.getString("csv")));
    }
  }

  private static void csv(RoutingContext ctx, String file, String text) {
    ctx.response()
        .putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"chung-ket-" + file + "\"")
        .putHeader("Cache-Control", "no-store")
        .end(text);
  }
}
