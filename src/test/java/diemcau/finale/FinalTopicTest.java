package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.event.Event;
import diemcau.event.EventLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The public final topic")
class FinalTopicTest {

  private static final Event EVENT = EventLoader.loadDefault();
  private static final String[][] JUDGED = {
      {"70", "80", "99"}, {"60", "85", "90"}, {"75", "90", "95"}, {"10", "60", "70"}, {"40", "65", "70"}, {"50", "88", "88"}};

  @Test
  @DisplayName("publishes the server's gap between reveal steps, before and during the reveal, so every page waits the same time")
  void revealGap() {
    JsonObject before = FinalTopic.of(FinalState.empty(), EVENT).getJsonObject("reveal");
    assertThat(before.getLong("gapMs")).isEqualTo(FinalService.REVEAL_GAP_MS);

    FinalState judged = States.judged(JUDGED);
    Reveal reveal = new Reveal(RevealScript.of(FinalResults.of(judged, EVENT).awards(), EVENT), 2, 1_000);
    JsonObject during = FinalTopic.of(judged.withReveal(reveal), EVENT).getJsonObject("reveal");
    assertThat(during.getLong("gapMs")).isEqualTo(FinalService.REVEAL_GAP_MS);
    assertThat(during.getInteger("step")).isEqualTo(2);
    assertThat(during.getJsonArray("revealed")).hasSize(2);
  }
}
