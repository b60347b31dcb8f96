package diemcau.finale;

import diemcau.command.Addresses;
import diemcau.command.CommandResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Answers the consoles' reads of the final ({@link Addresses#FINAL_VIEWS}) on the command
 * verticle's context, so they see the state exactly as the commands left it.
 */
final class FinalQueries {

  /** The CSV files kept in the core's state (the score ledger is read from its table by the routes). */
  static final List<String> EXPORTS = List.of("results", "scores", "certificates");

  private final FinalService core;

  FinalQueries(FinalService core) {
    this.core = core;
  }

  Future<Void> listen(Vertx vertx) {
    return vertx.eventBus().<JsonObject>localConsumer(Addresses.FINAL_VIEWS, this::answer).completion();
  }

  private void answer(Message<JsonObject> request) {
    JsonObject query = request.body();
    FinalState state = core.state();
    CommandResult reply = switch (query.getString("view", "")) {
      case "progress" -> CommandResult.answer(FinalViews.progress(state, core.event(), core.agenda().presenting()));
      case "admin" -> CommandResult.answer(FinalViews.admin(state, core.event()));
      case "judge" -> state.jury().judge(query.getString("judge"))
          .map(judge -> CommandResult.answer(FinalViews.judge(state, core.event(), judge, core.agenda().presenting())))
          .orElseGet(() -> refused(403, "forbidden", "this judge has been removed"));
      case "export" -> export(state, query.getString("file", ""));
      default -> refused(404, "not_found", "no such view");
    };
    request.reply(reply);
  }

  private CommandResult export(FinalState state, String file) {
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
    return CommandResult.answer(new JsonObject().put("csv", csv));
  }

  private static CommandResult refused(int status, String code, String message) {
    return CommandResult.refused(status, code, message);
  }
}
