package diemcau.finale;

import diemcau.command.Args;
import diemcau.command.Caller;
import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import diemcau.command.Role;
import io.vertx.core.json.JsonObject;

/**
 * The jury: {@code judge.create {name, tokenHash}} and {@code judge.remove {judge, reason}}
 * [admin] (the admin console creates judges through {@code POST /api/final/judges}, which makes
 * the token and sends only its hash); {@code judge.score {unit, scores}} submits and locks a
 * judge's sheet for a finalist once its presentation has started, {@code judge.correct {unit,
 * scores, reason}} changes a locked one, logged with before and after [judge; an admin entering
 * a paper sheet adds {@code judge}, and may score before the presentation with an {@code override}].
 */
final class JudgeCommands {

  static final int NAME_MAX = 80;

  private final FinalService core;

  JudgeCommands(FinalService core) {
    this.core = core;
  }

  void register(CommandDispatcher dispatcher) {
    dispatcher.register("judge.create", FinalService.ADMIN, (caller, args, now) -> {
      String name = args.requireText("name", NAME_MAX);
      String hash = args.requireString("tokenHash");
      if (!JudgeTokens.isHash(hash)) {
        throw CommandException.badArgument("tokenHash", "tokenHash must be the SHA-256 of the token, as 64 hex digits");
      }
      Jury jury = core.state().jury();
      if (jury.judges().stream().anyMatch(j -> j.tokenHash().equals(hash))) {
        throw CommandException.badArgument("tokenHash", "another judge has this token");
      }
      core.state().requireNotFinalised();
      Judge judge = new Judge("gk" + (jury.created() + 1), name, hash, now);
      return core.change(core.state().with(jury.withJudge(judge)));
    });
    dispatcher.register("judge.remove", FinalService.ADMIN, (caller, args, now) -> {
      Judge judge = judge(args.requireString("judge"), "judge");
      FinalArgs.reason(args);
      core.state().requireNotFinalised();
      return core.change(core.state().with(core.state().jury().withoutJudge(judge.id())));
    });
    dispatcher.register("judge.score", FinalService.JUDGE, (caller, args, now) -> score(caller, args, now));
    dispatcher.register("judge.correct", FinalService.JUDGE, (caller, args, now) -> correct(caller, args, now));
  }

  private Change score(Caller caller, Args args, long now) {
    Overrides overrides = Overrides.of(caller, args);
    Judge judge = scorer(caller, args);
    String unit = finalist(args);
    ScoreSheet scores = ScoreSheet.parse(core.event().rubric(), args.requireObject("scores"), "scores");
    core.state().requireNotFinalised();
    if (core.state().jury().sheet(judge.id(), unit).isPresent()) {
      throw CommandException.conflict("locked",
          "the scores for " + FinalResults.name(core.event(), unit) + " are submitted and locked: a change needs judge.correct with a reason");
    }
    boolean started = core.agenda().finalSlots().stream().anyMatch(slot -> unit.equals(slot.unit()) && slot.started());
    overrides.check(!started, "slot_not_started", "the presentation of " + FinalResults.name(core.event(), unit)
        + " has not started: a finalist is scored once its presentation has started");
    ScoreLog.Row row = new ScoreLog.Row(judge.id(), unit, 0, now, caller.id(), scores, null, null);
    return core.change(core.state().with(core.state().jury().withSheet(judge.id(), unit, new JudgeSheet(scores, now, caller.id(), 0))),
        (connection, rev, at) -> ScoreLog.append(connection, row), overrides.audit(args));
  }

  private Change correct(Caller caller, Args args, long now) {
    Judge judge = scorer(caller, args);
    String unit = finalist(args);
    ScoreSheet scores = ScoreSheet.parse(core.event().rubric(), args.requireObject("scores"), "scores");
    String reason = FinalArgs.reason(args);
    core.state().requireNotFinalised();
    JudgeSheet before = core.state().jury().sheet(judge.id(), unit).orElseThrow(() -> CommandException.conflict("not_scored",
        "there are no submitted scores for " + FinalResults.name(core.event(), unit) + " to correct: use judge.score"));
    if (before.scores().equals(scores)) {
      throw CommandException.badArgument("scores", "these are the scores already submitted: nothing to correct");
    }
    int version = before.version() + 1;
    ScoreLog.Row row = new ScoreLog.Row(judge.id(), unit, version, now, caller.id(), scores, before.scores(), reason);
    JsonObject audit = new JsonObject().put("judge", judge.id()).put("unit", unit).put("reason", reason)
        .put("before", before.scores().toJson()).put("after", scores.toJson());
    return core.change(core.state().with(core.state().jury().withSheet(judge.id(), unit, new JudgeSheet(scores, now, caller.id(), version))),
        (connection, rev, at) -> ScoreLog.append(connection, row), audit);
  }

  /** The judge whose sheet this is: the caller, or for an admin the {@code judge} argument. */
  private Judge scorer(Caller caller, Args args) {
    if (caller.role() == Role.JUDGE) {
      if (args.json().containsKey("judge")) {
        throw CommandException.badArgument("judge", "a judge scores only as themself: leave judge out");
      }
      return judge(caller.id(), null);
    }
    return judge(args.requireString("judge"), "judge");
  }

  private Judge judge(String id, String field) {
    return core.state().jury().judge(id).orElseThrow(() -> field == null
        ? new CommandException(403, "forbidden", null, "this judge has been removed")
        : CommandException.badArgument(field, "no judge " + id));
  }

  private String finalist(Args args) {
    String unit = args.requireString("unit");
    if (!core.state().stage2().finalists().contains(unit)) {
      throw CommandException.badArgument("unit", unit + " is not a finalist");
    }
    return unit;
  }
}
