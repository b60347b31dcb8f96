package diemcau.finale;

import diemcau.command.Args;
import diemcau.command.Caller;
import diemcau.command.CommandException;
import diemcau.command.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The integrity rules of stage 2 and the final, each refused with its own code when broken,
 * unless an admin sets it aside for this one command by giving a reason ({@code override}). The
 * rules set aside are written to the audit log with the command's arguments and the reason.
 */
final class Overrides {

  static final String FIELD = "override";

  private final String reason;
  private final List<String> setAside = new ArrayList<>();

  private Overrides(String reason) {
    this.reason = reason;
  }

  /** The command's override: none, or an admin's reason (at least {@value FinalArgs#REASON_MIN} characters). */
  static Overrides of(Caller caller, Args args) {
    if (args.optString(FIELD) == null) {
      return new Overrides(null);
    }
    if (caller.role() != Role.ADMIN) {
      throw new CommandException(403, "override_admin_only", FIELD, "only an admin may set a rule aside");
    }
    return new Overrides(FinalArgs.reason(args, FIELD));
  }

  /** Enforces a rule: a broken rule is refused with {@code code}, unless an admin set it aside. */
  void check(boolean broken, String code, String message) {
    if (!broken) {
      return;
    }
    if (reason == null) {
      throw CommandException.conflict(code, message + " (an admin may set this rule aside with a reason: " + FIELD + ")");
    }
    setAside.add(code);
  }

  /** The arguments as the audit log records them: as given, with the rules set aside; null when none was. */
  JsonObject audit(Args args) {
    return setAside.isEmpty() ? null : args.json().copy().put("overridden", new JsonArray(new ArrayList<>(setAside)));
  }
}
