package diemcau.finale;

import diemcau.event.Event;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order of the reveal, ICPC-resolver style: decided once, when the results are finalised.
 * First the stage-2 pool's prizes (consolation), by unit name; then the finalists' prizes from
 * the lowest place up (third, second, first), units sharing a place by name.
 */
public final class RevealScript {

  private RevealScript() {}

  public static List<Award> of(List<Award> awards, Event event) {
    Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
    Comparator<Award> byName = Comparator.comparing(award -> FinalResults.name(event, award.unit()), collator);
    List<Award> script = new ArrayList<>();
    awards.stream().filter(award -> award.rank() == null).sorted(byName).forEach(script::add);
    awards.stream().filter(award -> award.rank() != null)
        .sorted(Comparator.comparing(Award::rank, Comparator.reverseOrder()).thenComparing(byName))
        .forEach(script::add);
    return script;
  }
}
