package diemcau.command;

import io.vertx.core.json.JsonObject;

/**
 * The identity a command runs as, settled before the command is read: from a bearer token,
 * a socket's handshake, or a bridge key. {@code id} names the actor in the audit log
 * ("mc", "admin", a unit code, a judge id).
 */
public record Caller(Role role, String id) {

  public static final Caller VIEWER = new Caller(Role.VIEWER, "viewer");

  public JsonObject toJson() {
    return new JsonObject().put("role", role.wire()).put("id", id);
  }

  public static Caller fromJson(JsonObject json) {
    return new Caller(Role.fromWire(json.getString("role")), json.getString("id"));
  }
}
