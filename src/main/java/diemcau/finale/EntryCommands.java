package diemcau.finale;

import diemcau.command.Args;
import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import diemcau.event.Event;
import diemcau.event.Stage;
import diemcau.event.Unit;
import diemcau.participation.Stage1Ranking;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Stage 2 [admin]: {@code stage2.entry} records or edits a unit's entry (only from a unit above
 * the stage-1 cut line, received inside the stage-2 window, unless an admin sets the rule aside
 * with a reason: {@code override}),
 * {@code stage2.entry.status} moves it along, {@code stage2.entry.remove} takes a mistaken one
 * out, {@code stage2.council.score} records the council's sheet, and
 * {@code final.finalists.confirm} makes the finalists.
 */
final class EntryCommands {

  static final int TITLE_MAX = 300;
  static final int NAME_MAX = 120;
  static final int CONTACT_MAX = 200;

  private final FinalService core;

  EntryCommands(FinalService core) {
    this.core = core;
  }

  void register(CommandDispatcher dispatcher) {
    dispatcher.register("stage2.entry", FinalService.ADMIN, (caller, args, now) -> entry(Overrides.of(caller, args), args, now));
    dispatcher.register("stage2.entry.status", FinalService.ADMIN, (caller, args, now) -> {
      Entry entry = existing(args);
      Entry.Status status = Entry.Status.parse("status", args.requireString("status"));
      return core.change(core.state().with(core.state().stage2().withEntry(entry.withStatus(status))));
    });
    dispatcher.register("stage2.entry.remove", FinalService.ADMIN, (caller, args, now) -> {
      Entry entry = existing(args);
      FinalArgs.reason(args);
      requireNotConfirmed("entries can no longer be removed");
      return core.change(core.state().with(core.state().stage2().withoutEntry(entry.unit())));
    });
    dispatcher.register("stage2.council.score", FinalService.ADMIN, (caller, args, now) -> {
      Entry entry = existing(args);
      ScoreSheet sheet = ScoreSheet.parse(core.event().rubric(), args.requireObject("scores"), "scores");
      core.state().requireNotFinalised();
      return core.change(core.state().with(core.state().stage2().withCouncilScore(entry.unit(), sheet)));
    });
    dispatcher.register("final.finalists.confirm", FinalService.ADMIN, (caller, args, now) -> confirm(args));
  }

  private Change entry(Overrides overrides, Args args, long now) {
    Event event = core.event();
    String code = args.requireString("unit");
    Unit unit = event.unit(code).orElseThrow(() -> CommandException.badArgument("unit", "no unit with code " + code));
    String title = args.requireText("title", TITLE_MAX);
    String representative = args.requireText("representative", NAME_MAX);
    String contact = args.requireText("contact", CONTACT_MAX);
    Entry.Channel channel = Entry.Channel.parse("channel", args.requireString("channel"));
    long receivedAt = receivedAt(args.optString("receivedAt"), now);
    Stage2 stage2 = core.state().stage2();
    core.state().requireNotFinalised();
    Entry before = stage2.entries().get(code);
    if (before == null) {
      requireNotConfirmed("no entry can be added");
      requireRoom(stage2, unit);
      requireQualified(overrides, unit);
    }
    if (before == null || before.receivedAt() != receivedAt) {
      requireInWindow(overrides, unit, receivedAt);
    }
    Entry.Status status = before == null ? Entry.Status.RECEIVED : before.status();
    return core.change(core.state().with(stage2.withEntry(
        new Entry(code, title, representative, contact, channel, receivedAt, status))), null, overrides.audit(args));
  }

  /** Stage 2 is for the units above the stage-1 cut line: a tie at the line is not above it. */
  private void requireQualified(Overrides overrides, Unit unit) {
    Optional<Stage1Ranking.Qualified> standing = core.stage1().qualified(unit.code());
    String why = standing.isEmpty() ? "the stage-1 leaderboard is still loading, so " + unit.displayName() + " cannot be checked yet"
        : standing.get() == Stage1Ranking.Qualified.TIE ? unit.displayName() + " ties at the stage-1 cut line: the organisers decide"
        : unit.displayName() + " did not qualify in stage 1";
    overrides.check(standing.orElse(null) != Stage1Ranking.Qualified.YES, "not_qualified",
        why + "; stage-2 entries come from the units above the stage-1 cut line");
  }

  /** An entry is received inside the stage-2 window (its dates are the event file's, in the event's zone). */
  private void requireInWindow(Overrides overrides, Unit unit, long receivedAt) {
    Stage window = core.event().stage2();
    LocalDate day = Instant.ofEpochMilli(receivedAt).atZone(core.event().zone()).toLocalDate();
    overrides.check(!window.contains(day), "outside_stage2_window", unit.displayName() + "'s entry is dated " + day
        + ", outside " + window.name() + " (" + window.from() + " to " + window.to() + ")");
  }

  /** Stage 2 takes the best communes and the best departments of stage 1, as many as the quotas say. */
  private void requireRoom(Stage2 stage2, Unit unit) {
    boolean commune = unit.kind().communeLevel();
    long same = stage2.entries().keySet().stream()
        .filter(code -> core.event().unit(code).map(u -> u.kind().communeLevel() == commune).orElse(false))
        .count();
    int quota = commune ? core.event().quotas().communesToStage2() : core.event().quotas().departmentsToStage2();
    if (same >= quota) {
      throw CommandException.conflict("quota_full", "stage 2 already has " + same + " "
          + (commune ? "communes, wards and special zones" : "departments") + ", the quota is " + quota);
    }
  }

  private long receivedAt(String text, long now) {
    if (text == null) {
      return now;
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(core.event().zone()).toInstant().toEpochMilli();
      } catch (DateTimeException e) {
        throw CommandException.badArgument("receivedAt", "receivedAt must be a date and time like 2026-06-14T09:30"
            + " (with or without +07:00), got " + text);
      }
    }
  }

  private Entry existing(Args args) {
    String unit = args.requireString("unit");
    Entry entry = core.state().stage2().entries().get(unit);
    if (entry == null) {
      throw CommandException.badArgument("unit", "no stage-2 entry for unit " + unit);
    }
    return entry;
  }

  private void requireNotConfirmed(String what) {
    if (core.state().stage2().confirmed()) {
      throw CommandException.conflict("finalists_confirmed", "the finalists are confirmed: " + what);
    }
  }

  /**
   * Without {@code units}: the top of the council's ranking, refused while a tie straddles the
   * cut. With {@code units}: exactly those, as the council decided.
   */
  private Change confirm(Args args) {
    String given = args.optString("units");
    FinalState state = core.state();
    state.requireNotFinalised();
    if (state.order() != null || !state.jury().sheets().isEmpty()) {
      throw CommandException.conflict("finalists_locked",
          "the finalists can no longer change: the order is drawn or judges have scored");
    }
    int quota = core.event().quotas().finalists();
    List<String> finalists = given == null ? CouncilRanking.top(state.stage2(), quota, core.event())
        : FinalArgs.units(args, "units");
    if (given != null) {
      if (finalists.size() != quota) {
        throw CommandException.badArgument("units", "the final has " + quota + " finalists, got " + finalists.size());
      }
      for (String unit : finalists) {
        if (!state.stage2().entries().containsKey(unit)) {
          throw CommandException.badArgument("units", "no stage-2 entry for unit " + unit);
        }
      }
    }
    return core.change(state.with(state.stage2().withFinalists(finalists)));
  }
}
