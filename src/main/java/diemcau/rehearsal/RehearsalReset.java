package diemcau.rehearsal;

import diemcau.agenda.AgendaService;
import diemcau.bridges.BridgesService;
import diemcau.command.Args;
import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import diemcau.command.Commands;
import diemcau.command.Role;
import diemcau.finale.FinalService;
import diemcau.participation.ParticipationService;
import diemcau.screen.ScreenService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code rehearsal.reset {parts?, confirm: "DAT LAI"}} [admin]: after a rehearsal, the chosen
 * parts go back to how they were before it, in one transaction, audited like every command. The
 * secrets stay: the bridge keys (so every printed QR card still opens its room), the MC and admin
 * tokens, and the judges with their links.
 *
 * <p>Parts: {@code agenda} (both days' programmes, the day chosen by the calendar again),
 * {@code screen} (scene, message, blackout), {@code attendance} (the rooms' reported delegates),
 * {@code participation} (every imported person and every headcount set from the console),
 * {@code stage2} (the entries, the council's scores and the finalists, and with them the final)
 * and {@code final} (the order, the final day's programme, the sheets and the score ledger, the
 * tie decisions, the reveal). All of them when {@code parts} is left out.
 */
public final class RehearsalReset implements Commands {

  public static final List<String> PARTS = List.of("agenda", "screen", "attendance", "participation", "stage2", "final");
  /** What the admin types to confirm (accents and case aside: "đặt lại" counts). */
  public static final String PHRASE = "DAT LAI";

  private final AgendaService agenda;
  private final ScreenService screen;
  private final BridgesService bridges;
  private final ParticipationService participation;
  private final FinalService finale;

  public RehearsalReset(AgendaService agenda, ScreenService screen, BridgesService bridges,
      ParticipationService participation, FinalService finale) {
    this.agenda = agenda;
    this.screen = screen;
    this.bridges = bridges;
    this.participation = participation;
    this.finale = finale;
  }

  @Override
  public void register(CommandDispatcher dispatcher) {
    dispatcher.register("rehearsal.reset", Set.of(Role.ADMIN), (caller, args, now) -> {
      Set<String> parts = parts(args);
      String confirm = args.optString("confirm");
      if (confirm == null || !PHRASE.equals(folded(confirm))) {
        throw CommandException.badArgument("confirm", "type " + PHRASE + " in confirm to reset "
            + String.join(", ", parts) + " to before the rehearsal");
      }
      List<Change> changes = new ArrayList<>();
      if (parts.contains("agenda") || parts.contains("final")) {
        changes.add(agenda.reset(parts.contains("agenda")));
      }
      if (parts.contains("screen")) {
        changes.add(screen.reset());
      }
      if (parts.contains("attendance")) {
        changes.add(bridges.resetAttendance());
      }
      if (parts.contains("participation")) {
        changes.add(participation.reset());
      }
      if (parts.contains("final")) {
        changes.add(finale.reset(parts.contains("stage2")));
      }
      Change change = changes.get(0);
      for (Change other : changes.subList(1, changes.size())) {
        change = change.and(other);
      }
      return change.withAuditArgs(new JsonObject().put("parts", new JsonArray(new ArrayList<>(parts))).put("confirm", confirm));
    });
  }

  /** The parts asked for, all when none is named; stage 2 takes the final with it (the final rests on its finalists). */
  private static Set<String> parts(Args args) {
    JsonArray given = args.optArray("parts");
    Set<String> parts = new LinkedHashSet<>();
    if (given == null) {
      parts.addAll(PARTS);
      return parts;
    }
    if (given.isEmpty()) {
      throw CommandException.badArgument("parts", "parts is empty: name some of " + String.join(", ", PARTS) + ", or leave it out for all");
    }
    for (Object part : given) {
      if (!(part instanceof String name) || !PARTS.contains(name)) {
        throw CommandException.badArgument("parts", "unknown part " + part + "; parts are " + String.join(", ", PARTS));
      }
      parts.add(name);
    }
    if (parts.contains("stage2")) {
      parts.add("final");
    }
    return parts;
  }

  /** Upper case without accents and with single spaces: "đặt  lại" → "DAT LAI". */
  private static String folded(String text) {
    String bare = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return bare.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }
}
