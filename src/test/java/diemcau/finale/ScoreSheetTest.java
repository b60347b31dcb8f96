package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import diemcau.command.CommandException;
import diemcau.event.Criterion;
import diemcau.event.Rubric;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A score sheet read against the rubric")
class ScoreSheetTest {

  private static final Rubric RUBRIC = new Rubric(List.of(
      new Criterion("thuc-tien", "Tính thực tiễn", 0, 25),
      new Criterion("sang-tao", "Tính sáng tạo", 0, 20),
      new Criterion("thuyet-trinh", "Thuyết trình", 0, 15)));

  private static JsonObject full() {
    return new JsonObject().put("thuc-tien", 20).put("sang-tao", 17.5).put("thuyet-trinh", 12.25);
  }

  @Test
  @DisplayName("sums every criterion exactly")
  void total() {
    ScoreSheet sheet = ScoreSheet.parse(RUBRIC, full(), "scores");
    assertThat(sheet.total()).isEqualByComparingTo("49.75");
    assertThat(sheet.score("sang-tao")).isEqualByComparingTo(new BigDecimal("17.5"));
  }

  @Test
  @DisplayName("requires every criterion, naming the missing one")
  void everyCriterionRequired() {
    JsonObject scores = full();
    scores.remove("sang-tao");
    assertRefused(scores, "scores.sang-tao", "Tính sáng tạo");
  }

  @Test
  @DisplayName("refuses a score above the criterion's maximum")
  void aboveMax() {
    assertRefused(full().put("thuyet-trinh", 15.5), "scores.thuyet-trinh", "between 0 and 15");
  }

  @Test
  @DisplayName("refuses a negative score")
  void belowMin() {
    assertRefused(full().put("thuc-tien", -1), "scores.thuc-tien", "between 0 and 25");
  }

  @Test
  @DisplayName("accepts the bounds themselves")
  void bounds() {
    assertThat(ScoreSheet.parse(RUBRIC, full().put("thuc-tien", 25).put("sang-tao", 0), "scores").total())
        .isEqualByComparingTo("37.25");
  }

  @Test
  @DisplayName("refuses a score that is not a number")
  void notANumber() {
    assertRefused(full().put("sang-tao", "17"), "scores.sang-tao", "must be a number");
  }

  @Test
  @DisplayName("refuses more than two decimal places")
  void tooPrecise() {
    assertRefused(full().put("sang-tao", 17.125), "scores.sang-tao", "at most 2 decimal places");
  }

  @Test
  @DisplayName("refuses a criterion the rubric does not have")
  void unknownCriterion() {
    assertRefused(full().put("phong-cach", 5), "scores.phong-cach", "no criterion phong-cach");
  }

  @Test
  @DisplayName("reads back what it wrote")
  void roundTrip() {
    ScoreSheet sheet = ScoreSheet.parse(RUBRIC, full(), "scores");
    assertThat(ScoreSheet.fromJson(new JsonObject(sheet.toJson().encode()))).isEqualTo(sheet);
  }

  private static void assertRefused(JsonObject scores, String field, String message) {
    assertThatThrownBy(() -> ScoreSheet.parse(RUBRIC, scores, "scores"))
        .isInstanceOfSatisfying(CommandException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.status()).isEqualTo(400);
        })
        .hasMessageContaining(message);
  }
}
