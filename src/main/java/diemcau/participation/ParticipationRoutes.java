package diemcau.participation;

import diemcau.command.Addresses;
import diemcau.command.ApiError;
import diemcau.command.Caller;
import diemcau.command.CommandRequest;
import diemcau.command.CommandResult;
import diemcau.command.Credentials;
import diemcau.command.Role;
import diemcau.event.Event;
import diemcau.event.Ranking;
import diemcau.event.Unit;
import diemcau.links.LinkKeys;
import diemcau.command.CommandPipe;
import diemcau.store.Store;
import diemcau.web.FeatureRoutes;
import diemcau.web.Http;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1's HTTP doors. Admin only: {@code POST /api/participation} (JSON array),
 * {@code POST /api/participation/import} (CSV), {@code POST /api/participation/headcounts}
 * (CSV), {@code GET /api/participation/export/standings-communes.csv},
 * {@code …/standings-departments.csv} and {@code …/qualifiers.csv}. With the unit's report key (links.LinkKeys, never its bridge key) or the admin token:
 * {@code GET /api/participation/report?unit=CODE&key=KEY} and its printable page
 * {@code /report?unit=CODE&key=KEY}.
 *
 * <p>Uploads are all-or-nothing: the token is checked before the body is read, the body is
 * refused with 413 past {@link #UPLOAD_LIMIT} while it arrives, it is parsed on a worker
 * thread, and if any row is wrong nothing is applied and every wrong row is listed. A valid
 * upload is applied by the {@code participation.import} command in one transaction.
 */
public final class ParticipationRoutes implements FeatureRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(ParticipationRoutes.class);
  public static final int UPLOAD_LIMIT = 32 * 1024 * 1024;
  private static final int HEADCOUNT_LIMIT = 1024 * 1024;
  private static final String CALLER = "participation.caller";

  /** An upload read on a worker: its rows for the command, or null when some row is wrong. */
  private record Prepared(Uploads.Parsed parsed, Upload upload) {}

  /** What a unit's report reads from the store. */
  private record UnitPeople(List<Person> pending, List<Long> completions) {}

  private final Event event;
  private final Credentials credentials;
  private final LinkKeys keys;
  private final Store store;
  private final Uploads uploads;
  private final StandingsCsv csv;
  private final UnitReport report;
  private final MeterRegistry registry;

  /** {@code registry}: where each import's duration is recorded ({@code diemcau_imports_seconds}). */
  public ParticipationRoutes(Event event, Credentials credentials, LinkKeys keys, Store store, MeterRegistry registry) {
    this.registry = registry;
    this.event = event;
    this.credentials = credentials;
    this.keys = keys;
    this.store = store;
    this.uploads = new Uploads(event.units().stream().map(Unit::code).collect(Collectors.toSet()), event.zone());
    this.csv = new StandingsCsv(event.zone());
    this.report = new UnitReport(event.zone());
  }

  @Override
  public void mount(Router router) {
    upload(router, "/api/participation", UPLOAD_LIMIT, ctx -> upload(ctx, "json"));
    upload(router, "/api/participation/import", UPLOAD_LIMIT, ctx -> upload(ctx, "csv"));
    upload(router, "/api/participation/headcounts", HEADCOUNT_LIMIT, this::headcounts);
    router.get("/api/participation/export/:file").handler(this::admin).handler(this::download);
    router.get("/api/participation/report").handler(this::reportData);
    router.get("/report").handler(this::reportPage);
  }

  /** The token is checked on a route of its own, before the body handler reads anything. */
  private void upload(Router router, String path, int limit, Handler<RoutingContext> handler) {
    router.post(path).handler(this::admin);
    router.post(path).handler(Http.rawBody(limit));
    router.post(path).handler(handler);
  }

  private void admin(RoutingContext ctx) {
    Http.require(ctx, credentials, Role.ADMIN).ifPresent(caller -> {
      ctx.put(CALLER, caller);
      ctx.next();
    });
  }

  private void upload(RoutingContext ctx, String source) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      Http.error(ctx, 400, "empty", "the body is empty: send the " + ("csv".equals(source) ? "CSV file" : "JSON array"));
      return;
    }
    long received = System.nanoTime();
    ctx.vertx().executeBlocking(() -> {
          Uploads.Parsed parsed = "csv".equals(source) ? uploads.csv(body.getBytes()) : uploads.json(body);
          return new Prepared(parsed, parsed.valid() ? new Upload(source, sha256(body.getBytes()), parsed.rows()) : null);
        }, false)
        .onFailure(ctx::fail)
        .onSuccess(prepared -> {
          Uploads.Parsed parsed = prepared.parsed();
          if (prepared.upload() == null) {
            refuseRows(ctx, parsed);
            return;
          }
          if (parsed.rows().isEmpty()) {
            Http.error(ctx, 400, "no_rows", "the " + ("csv".equals(source) ? "file has a header but no rows" : "array is empty")
                + ": nothing was imported");
            return;
          }
          long parsedAt = System.nanoTime();
          CommandRequest request = CommandPipe.request(ctx.get(CALLER), "participation.import", null, CommandPipe.IMPORT_MS)
              .with(prepared.upload());
          CommandPipe.send(ctx.vertx(), request).onSuccess(result -> {
            Timer.builder("diemcau.imports")
                .description("Participation imports from the upload's arrival to the answer, by source and outcome")
                .tag("source", source).tag("outcome", result.ok() ? "ok" : result.error().code())
                .register(registry).record(System.nanoTime() - received, TimeUnit.NANOSECONDS);
            if (result.ok()) {
              LOG.info("participation: {} import of {} rows parsed in {} ms, committed and applied {} ms after the upload",
                  source, parsed.rows().size(), (parsedAt - received) / 1_000_000, (System.nanoTime() - received) / 1_000_000);
              result.data().put("source", source).put("rows", parsed.rows().size())
                  .put("ignoredColumns", new JsonArray(parsed.ignoredColumns()));
            }
            Http.reply(ctx, result);
          });
        });
  }

  private static void refuseRows(RoutingContext ctx, Uploads.Parsed parsed) {
    JsonArray rejected = new JsonArray();
    parsed.errors().forEach(error -> rejected.add(error.toJson(parsed.positionName())));
    long rows = parsed.errors().stream().map(RowError::position).distinct().count();
    Http.json(ctx, 400, new ApiError(400, "rejected_rows", rows + (rows == 1 ? " row is" : " rows are")
            + " wrong: nothing was imported; correct them and send the whole file again").body()
        .put("rejected", rejected)
        .put("ignoredColumns", new JsonArray(parsed.ignoredColumns())));
  }

  private void headcounts(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    List<RowError> errors = new ArrayList<>();
    ctx.vertx().executeBlocking(() -> uploads.headcounts(body == null ? new byte[0] : body.getBytes(), errors), false)
        .onFailure(ctx::fail)
        .onSuccess(headcounts -> {
          if (!errors.isEmpty()) {
            refuseRows(ctx, new Uploads.Parsed(List.of(), errors, List.of(), "line"));
            return;
          }
          CommandPipe.send(ctx.vertx(), CommandPipe.request(ctx.get(CALLER), "units.headcounts",
                  new JsonObject().put("headcounts", new JsonObject(Map.copyOf(headcounts))), CommandPipe.COMMAND_MS))
              .onSuccess(result -> {
                if (result.ok()) {
                  result.data().put("units", headcounts.size());
                }
                Http.reply(ctx, result);
              });
        });
  }

  private void download(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    leaderboard(ctx).onSuccess(data -> {
      String text = switch (file) {
        case "standings-communes.csv" -> csv.standings(data, Ranking.COMMUNES);
        case "standings-departments.csv" -> csv.standings(data, Ranking.DEPARTMENTS);
        case "qualifiers.csv" -> csv.qualifiers(data);
        default -> null;
      };
      if (text == null) {
        Http.error(ctx, 404, "not_found", "downloads: standings-communes.csv, standings-departments.csv, qualifiers.csv");
        return;
      }
      ctx.response()
          .putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"chang-1-" + file + "\"")
          .putHeader("Cache-Control", "no-store")
          .end(text);
    });
  }

  private void reportData(RoutingContext ctx) {
    String code = ctx.request().getParam("unit");
    Optional<Unit> unit = event.unit(code);
    if (unit.isEmpty()) {
      Http.error(ctx, 404, "unknown_unit", "no unit with code " + code);
      return;
    }
    if (!allowed(ctx, code)) {
      Http.wrongCredential(ctx, () ->
          Http.error(ctx, 403, "forbidden", "this report needs the unit's own report link (its key) or the admin token"));
      return;
    }
    leaderboard(ctx).onSuccess(data -> store.tx(connection -> new UnitPeople(
            ParticipationTables.pending(connection, code), ParticipationTables.completions(connection, code)))
        .onFailure(ctx::fail)
        .onSuccess(people -> {
          ctx.response().putHeader("Cache-Control", "no-store");
          ctx.json(report.of(unit.get(), data, people.pending(), people.completions()));
        }));
  }

  private void reportPage(RoutingContext ctx) {
    String code = ctx.request().getParam("unit");
    String key = ctx.request().getParam("key");
    // without a key the page asks with the admin console's token; it holds no data of its own
    if (event.unit(code).isPresent() && (key == null || keys.reportKeyValid(code, key))) {
      ctx.reroute("/report.html");
      return;
    }
    Runnable refuse = () -> Http.refusedPage(ctx, "/css/public.css", "Không xem được báo cáo này",
        "Báo cáo của đơn vị chỉ mở được bằng đúng liên kết báo cáo của đơn vị (có khóa), do Ban Tổ chức gửi, "
            + "hoặc bằng quyền quản trị. Liên kết điểm cầu in trên thẻ QR không mở được báo cáo.");
    if (key == null) {
      refuse.run();
    } else {
      Http.wrongCredential(ctx, refuse);
    }
  }

  /**
   * The unit's report key in {@code key} (never its bridge key: that one is printed on the room's
   * card and sits in the projector's address), or the admin token as a bearer.
   */
  private boolean allowed(RoutingContext ctx, String unit) {
    if (keys.reportKeyValid(unit, ctx.request().getParam("key"))) {
      return true;
    }
    Optional<Caller> caller = credentials.caller(Http.bearerToken(ctx.request()));
    return caller.isPresent() && caller.get().role() == Role.ADMIN;
  }

  private static Future<JsonObject> leaderboard(RoutingContext ctx) {
    return ctx.vertx().eventBus().<CommandResult>request(Addresses.LEADERBOARD, null)
        .map(message -> message.body().data())
        .onFailure(ctx::fail);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
