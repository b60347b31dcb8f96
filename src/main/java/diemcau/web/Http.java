package diemcau.web;

import diemcau.command.ApiError;
import diemcau.command.Caller;
import diemcau.command.CommandResult;
import diemcau.command.Credentials;
import diemcau.command.Role;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The small pieces every HTTP handler shares: the bearer token's caller and the JSON error shape. */
public final class Http {

  /** How late a wrong credential from an address over its budget is answered. */
  static final long THROTTLE_DELAY_MS = 1_000;

  private Http() {}

  /** Answers {@code {"ok":false,"error":{code,message}}} with {@code status}. */
  public static void error(RoutingContext ctx, int status, String code, String message) {
    refuse(ctx, new ApiError(status, code, message));
  }

  /** Answers a refusal in the one error shape ({@link ApiError#body()}), with its status. */
  public static void refuse(RoutingContext ctx, ApiError error) {
    json(ctx, error.status(), error.body());
  }

  /** Answers what became of a command, or a refused read: {@link CommandResult#httpStatus()} and {@link CommandResult#body()}. */
  public static void reply(RoutingContext ctx, CommandResult result) {
    json(ctx, result.httpStatus(), result.body());
  }

  /** Answers {@code body} with {@code status}. */
  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  /**
   * A page that says a link is not valid (403), for a person who opened it: {@code paragraphs} are
   * HTML-escaped; the stylesheet is the screen's or the public page's.
   */
  public static void refusedPage(RoutingContext ctx, String stylesheet, String title, String... paragraphs) {
    StringBuilder page = new StringBuilder("<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>")
        .append(escape(title)).append("</title><link rel=\"stylesheet\" href=\"").append(stylesheet)
        .append("\"><body class=\"invalid-link\"><main><h1>").append(escape(title)).append("</h1>");
    for (String paragraph : paragraphs) {
      page.append("<p>").append(escape(paragraph)).append("</p>");
    }
    ctx.response().setStatusCode(403).putHeader("Content-Type", "text/html; charset=utf-8")
        .end(page.append("</main></body></html>").toString());
  }

  /** Text made safe inside HTML. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Where this server is reached, for links: the public URL setting, else the address the request came to. */
  public static String base(RoutingContext ctx, String publicUrl) {
    return publicUrl != null ? publicUrl : ctx.request().scheme() + "://" + ctx.request().authority();
  }

  /**
   * Reads a request's body as it is, up to {@code limit} bytes (413 past it, while it arrives),
   * whatever its Content-Type says: {@code curl --data-binary @file} sends
   * {@code application/x-www-form-urlencoded}, which would otherwise be decoded as a form and lost.
   */
  public static Handler<RoutingContext> rawBody(int limit) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(limit);
    return ctx -> {
      ctx.request().headers().remove(HttpHeaders.CONTENT_TYPE);
      body.handle(ctx);
    };
  }

  /** The token of a request's {@code Authorization: Bearer} header, or null. */
  public static String bearerToken(HttpServerRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
  }

  /**
   * The caller of the request's {@code Authorization: Bearer} token; answers 401 itself when there
   * is none, and counts a wrong one against the address ({@link #wrongCredential}).
   */
  public static Optional<Caller> bearer(RoutingContext ctx, Credentials credentials) {
    String token = bearerToken(ctx.request());
    Optional<Caller> caller = credentials.caller(token);
    if (caller.isEmpty()) {
      if (token == null) {
        error(ctx, 401, "unauthorized", "send the token as Authorization: Bearer TOKEN");
      } else {
        wrongCredential(ctx, () -> error(ctx, 401, "unauthorized", "the token is not valid"));
      }
    }
    return caller;
  }

  /**
   * The request presented a wrong token or key: counted against its address; {@code answer} runs at
   * once, or, from an address over its minute's budget, a 429 comes a second later instead.
   */
  public static void wrongCredential(RoutingContext ctx, Runnable answer) {
    AddressGuard guard = ctx.get(AddressGuard.class.getName());
    if (guard == null || !guard.failed(address(ctx))) {
      answer.run();
      return;
    }
    ctx.vertx().setTimer(THROTTLE_DELAY_MS, ignored -> {
      ctx.response().putHeader("Retry-After", Long.toString(AddressGuard.WINDOW_MS / 1000));
      error(ctx, 429, "too_many_failures", "too many wrong tokens or keys from this address: wait a minute");
    });
  }

  /** The client's address (the real one behind a proxy that sends the PROXY protocol). */
  public static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress().hostAddress();
  }

  /** The caller if its token has one of {@code roles}; answers 401/403 itself otherwise. */
  public static Optional<Caller> require(RoutingContext ctx, Credentials credentials, Role... roles) {
    Optional<Caller> caller = bearer(ctx, credentials);
    if (caller.isPresent() && !Set.of(roles).contains(caller.get().role())) {
      error(ctx, 403, "forbidden", "this needs the " + String.join(" or ",
          Arrays.stream(roles).map(Role::wire).toList()) + " token");
      return Optional.empty();
    }
    return caller;
  }
}
