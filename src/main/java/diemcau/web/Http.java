package diemcau.web;

import diemcau.command.Caller;
import diemcau.command.Credentials;
import diemcau.command.Role;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The small pieces every HTTP handler shares: the bearer token's caller and the JSON error shape. */
public final class Http {

  private Http() {}

  /** Answers {@code {"ok":false,"error":{code,message}}} with {@code status}. */
  public static void error(RoutingContext ctx, int status, String code, String message) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("ok", false)
            .put("error", new JsonObject().put("code", code).put("message", message)).encode());
  }

  /** The caller of the request's {@code Authorization: Bearer} token; answers 401 itself when there is none. */
  public static Optional<Caller> bearer(RoutingContext ctx, Credentials credentials) {
    String authorization = ctx.request().getHeader("Authorization");
    String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
    Optional<Caller> caller = credentials.caller(token);
    if (caller.isEmpty()) {
      error(ctx, 401, "unauthorized", token == null ? "send the token as Authorization: Bearer TOKEN" : "the token is not valid");
    }
    return caller;
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
