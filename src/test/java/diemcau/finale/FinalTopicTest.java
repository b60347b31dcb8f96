package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.event.EventLoader;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The public final topic")
class FinalTopicTest {

  @Test
  @DisplayName("publishes the server's gap between reveal steps, before and during the reveal, so every page waits the same time")
  void revealGap() {
    FinalState before = FinalState.empty();
    List<Award> script = List.of(new Award("11779", "ba", "Giải Ba", 3_000_000, 3),
        new Award("11560", "nhat", "Giải Nhất", 10_000_000, 1));
    FinalState during = before.withReveal(new Reveal(script, 1, 1_000));

    JsonObject waiting = FinalTopic.of(before, EventLoader.loadDefault()).getJsonObject("reveal");
    JsonObject revealing = FinalTopic.of(during, EventLoader.loadDefault()).getJsonObject("reveal");

    assertThat(waiting.getLong("gapMs")).isEqualTo(FinalService.REVEAL_GAP_MS);
    assertThat(revealing.getLong("gapMs")).isEqualTo(FinalService.REVEAL_GAP_MS);
    assertThat(revealing.getJsonArray("revealed")).extracting(award -> ((JsonObject) award).getString("unit"))
        .containsExactly("11779");
  }
}
