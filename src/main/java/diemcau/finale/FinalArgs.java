package diemcau.finale;

import diemcau.command.Args;
import diemcau.command.CommandException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reading the final's command arguments that {@link Args} has no accessor for. */
final class FinalArgs {

  static final int REASON_MIN = 5;
  static final int REASON_MAX = 500;

  private FinalArgs() {}

  /** Why a decision was taken: required, so the audit log says it. */
  static String reason(Args args) {
    return reason(args, "reason");
  }

  /** A reason given in {@code field}: at least {@value #REASON_MIN} characters. */
  static String reason(Args args, String field) {
    String reason = args.requireText(field, REASON_MAX);
    if (Args.characters(reason) < REASON_MIN) {
      throw CommandException.badArgument(field, field + " must say why, in at least " + REASON_MIN + " characters");
    }
    return reason;
  }

  /** Unit codes given as one comma-separated string ("11560,10525,SO-YT"), each once. */
  static List<String> units(Args args, String field) {
    String text = args.requireString(field);
    List<String> codes = Arrays.stream(text.split(",")).map(String::strip).toList();
    Set<String> distinct = new LinkedHashSet<>(codes);
    if (codes.contains("")) {
      throw CommandException.badArgument(field, field + " must be unit codes separated by commas, got " + text);
    }
    if (distinct.size() != codes.size()) {
      throw CommandException.badArgument(field, field + " names a unit twice");
    }
    return codes;
  }
}
