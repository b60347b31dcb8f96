package diemcau.finale;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Answers the consoles' reads of the final on the command verticle's context, so they see the
 * state exactly as the commands left it. Request {@code {view, judge?, file?}}; reply the view,
 * or {@code {status, error}}.
 */
final class FinalQueries {

  /** Request-reply, local: {@code {view: progress|judge|admin|export, judge?, file?}}. */
  static final String ADDRESS = "diemcau.final.query";

  /** The CSV files kept in the core's state (the score ledger is read from its table by the routes). */
  static final List<String> EXPORTS = List.of("results", "scores", "certificates");

  private final FinalService core;

  FinalQueries(FinalService core) {
    this.core = core;
  }

  void listen(Vertx vertx) {
    vertx.eventBus().<JsonObject>localConsumer(ADDRESS, this::answer);
  }

  private void answer(Message<JsonObject> request) {
    JsonObject query = request.body();
    FinalState state = core.state();
    JsonObject reply = switch (query.getString("view", "")) {
      case "progress" -> FinalViews.progress(state, core.event(), core.agenda().presenting());
      case "admin" -> FinalViews.admin(state, core.event());
      case "judge" -> state.jury().judge(query.getString("judge"))
          .map(judge -> FinalViews.judge(state, core.event(), judge, core.agenda().presenting()))
          .orElseGet(() -> refused(403, "forbidden", "this judge has been removed"));
      case "export" -> export(state, query.getString("file", ""));
      default -> refused(404, "not_found", "no such view");
    };
    request.reply(reply);
  }

  private JsonObject export(FinalState state, String file) {
    if (!EXPORTS.contains(file)) {
      return refused(404, "not_found", "no export " + file + " (exports: " + String.join(", ", EXPORTS) + ")");
    }
    if (!file.equals("scores") && !state.finalised()) {
      return refused(409, "not_finalised", "the results are not finalised yet: " + file + " is exported after final.finalise");
    }
    String csv = switch (file) {
      case "scores" -> Exports.scores(state, core.event());
      case "results" -> Exports.results(state, core.event());
      default -> Exports.certificates(state, core.event());
    };
    return new JsonObject().put("csv", csv);
  }

  static JsonObject refused(int status, String code, String message) {
    return new JsonObject().put("status", status).put("error", new JsonObject().put("code", code).put("message", message));
  }
}
