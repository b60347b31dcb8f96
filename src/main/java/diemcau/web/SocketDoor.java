package diemcau.web;

import diemcau.command.Caller;
import diemcau.command.Credentials;
import diemcau.command.Role;
import diemcau.event.Event;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who a WebSocket is, settled from its handshake before it opens:
 * <ul>
 *   <li>a console by its token: in the {@code Sec-WebSocket-Protocol} header as
 *       {@code diemcau.token.<base64url of the token>} beside {@value #PROTOCOL} (what a browser can
 *       send: a header, so the token is in no URL and no proxy's access log), or as
 *       {@code Authorization: Bearer TOKEN} (scripts), or, deprecated, as {@code ?token=};</li>
 *   <li>a bridge screen by {@code ?unit=CODE&key=KEY}, the hall's projector by {@code ?hall=KEY};</li>
 *   <li>anyone else is an anonymous viewer.</li>
 * </ul>
 * A socket that names an identity and fails it gets none: the handshake is refused.
 */
public final class SocketDoor {

  /** The sub-protocol the server speaks, and selects, when a browser offers its token beside it. */
  public static final String PROTOCOL = "diemcau";
  private static final String TOKEN_PROTOCOL = PROTOCOL + ".token.";

  /** What a handshake claims: nothing, or an identity that is valid or not; {@code status} is the refusal's. */
  public record Claim(Optional<Caller> caller, boolean claimed, int status) {
    static Claim anonymous() {
      return new Claim(Optional.of(Caller.VIEWER), false, 0);
    }
  }

  private final Event event;
  private final Credentials credentials;
  private final Predicate<String> hallKeyValid;

  /** {@code hallKeyValid}: whether a key opens the hall's link (the links feature keeps those keys). */
  public SocketDoor(Event event, Credentials credentials, Predicate<String> hallKeyValid) {
    this.event = event;
    this.credentials = credentials;
    this.hallKeyValid = hallKeyValid;
  }

  /** Reads the handshake's query and headers. */
  public Claim claim(String rawQuery, MultiMap headers) {
    Map<String, List<String>> query = new QueryStringDecoder(rawQuery == null ? "" : rawQuery, false).parameters();
    String token = token(headers);
    if (token == null) {
      token = first(query, "token");
    }
    if (token != null) {
      return new Claim(credentials.caller(token), true, 401);
    }
    String hall = first(query, "hall");
    if (hall != null) {
      return new Claim(hallKeyValid.test(hall) ? Optional.of(new Caller(Role.HALL, "hall")) : Optional.empty(), true, 403);
    }
    String unit = first(query, "unit");
    String key = first(query, "key");
    if (unit != null || key != null) {
      boolean valid = unit != null && event.unit(unit).isPresent() && credentials.bridgeKeyValid(unit, key);
      return new Claim(valid ? Optional.of(new Caller(Role.BRIDGE, unit)) : Optional.empty(), true, 403);
    }
    return Claim.anonymous();
  }

  /** The token in the handshake's headers, or null. */
  static String token(MultiMap headers) {
    String authorization = headers.get("Authorization");
    if (authorization != null && authorization.startsWith("Bearer ")) {
      return authorization.substring(7).trim();
    }
    String protocols = headers.get("Sec-WebSocket-Protocol");
    if (protocols == null) {
      return null;
    }
    for (String protocol : protocols.split(",")) {
      String offered = protocol.trim();
      if (offered.startsWith(TOKEN_PROTOCOL)) {
        try {
          return new String(Base64.getUrlDecoder().decode(offered.substring(TOKEN_PROTOCOL.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
          return "";
        }
      }
    }
    return null;
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
