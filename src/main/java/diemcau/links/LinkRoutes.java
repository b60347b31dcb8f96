package diemcau.links;

import diemcau.web.QrSvg;
import diemcau.command.Credentials;
import diemcau.command.Role;
import diemcau.event.Event;
import diemcau.event.Unit;
import diemcau.web.FeatureRoutes;
import diemcau.web.Http;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The links the organisers hand out, for {@code /admin} (admin token): {@code GET /api/bridges/links}
 * (each unit's bridge link and the hall's link, with QR codes, to print) and
 * {@code GET /api/reports/links} (each unit's report link, to send to the unit, never printed on the
 * room's card). Also the hall page's door: {@code /hall?key=KEY} is the hall's projector;
 * {@code /hall} without a key is a public view of the same screen.
 */
public final class LinkRoutes implements FeatureRoutes {

  private final Event event;
  private final Credentials credentials;
  private final LinkKeys keys;
  private final String publicUrl;

  public LinkRoutes(Event event, Credentials credentials, LinkKeys keys, String publicUrl) {
    this.event = event;
    this.credentials = credentials;
    this.keys = keys;
    this.publicUrl = publicUrl;
  }

  @Override
  public void mount(Router router) {
    router.get("/hall").handler(this::hallPage);
    router.get("/api/bridges/links").handler(this::bridgeLinks);
    router.get("/api/reports/links").handler(this::reportLinks);
  }

  private void hallPage(RoutingContext ctx) {
    String key = ctx.request().getParam("key");
    if (key == null || keys.hallKeyValid(key)) {
      ctx.reroute("/hall.html");
      return;
    }
    Http.wrongCredential(ctx, () -> Http.refusedPage(ctx, "/css/screen.css", "Liên kết màn hình hội trường không hợp lệ",
        "Khóa của liên kết không đúng hoặc đã được đổi.",
        "Mở lại liên kết hội trường mới nhất từ trang quản trị (/admin)."));
  }

  /** Every unit's bridge link and the hall's, with QR codes, for the admin to print. */
  private void bridgeLinks(RoutingContext ctx) {
    if (Http.require(ctx, credentials, Role.ADMIN).isEmpty()) {
      return;
    }
    String base = Http.base(ctx, publicUrl);
    ctx.vertx().<JsonObject>executeBlocking(() -> {
      JsonArray links = new JsonArray();
      for (Unit unit : event.units()) {
        String url = base + "/bridge?unit=" + unit.code() + "&key=" + credentials.bridgeKey(unit.code());
        links.add(unitJson(unit).put("url", url).put("qrSvg", QrSvg.of(url)));
      }
      String hall = base + "/hall?key=" + keys.hallKey();
      return new JsonObject().put("base", base).put("links", links)
          .put("hall", new JsonObject().put("url", hall).put("qrSvg", QrSvg.of(hall)));
    }, false).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  /** Every unit's report link; {@code report.key.revoke {unit}} replaces one. */
  private void reportLinks(RoutingContext ctx) {
    if (Http.require(ctx, credentials, Role.ADMIN).isEmpty()) {
      return;
    }
    String base = Http.base(ctx, publicUrl);
    JsonArray links = new JsonArray();
    for (Unit unit : event.units()) {
      links.add(unitJson(unit).put("url", base + "/report?unit=" + unit.code() + "&key=" + keys.reportKey(unit.code())));
    }
    ctx.response().putHeader("Cache-Control", "no-store");
    ctx.json(new JsonObject().put("base", base).put("links", links));
  }

  private static JsonObject unitJson(Unit unit) {
    return new JsonObject()
        .put("unit", unit.code())
        .put("name", unit.name())
        .put("kind", unit.kind().name())
        .put("kindLabel", unit.kind().label());
  }
}
