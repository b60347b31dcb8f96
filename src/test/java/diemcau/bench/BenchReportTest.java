package diemcau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The bench's table and targets for the series by operation")
class BenchReportTest {

  @Test
  @DisplayName("the agenda step leads the table, with its frame's bytes and the share of patch frames")
  void headline() {
    String table = ReportTable.format(report(1000, 40.0, 20.0));
    assertThat(table.indexOf("agenda.next/previous, socket")).isPositive().isLessThan(table.indexOf("screen.message, socket"))
        .isLessThan(table.indexOf("connect N"));
    assertThat(table).containsPattern("agenda\\.next/previous, socket +312 \\(90% patch\\) +10\\.0 / 40\\.0 / 41\\.0")
        .containsPattern("screen\\.message, socket +322 +10\\.0 / 20\\.0 / 21\\.0");
  }

  @Test
  @DisplayName("from 1,000 viewers, an agenda step's p99 is held to 1.2× a message's of the same rounds")
  void stepAgainstMessage() {
    JsonObject twice = find(PublishedTargets.evaluate(report(1000, 40.0, 20.0)), "agenda step p99 vs screen message p99");
    assertThat(twice.getBoolean("holds")).isFalse();
    assertThat(twice.getString("measured")).startsWith("2.00×").contains("312 vs 322 B");
    assertThat(find(PublishedTargets.evaluate(report(1000, 23.0, 20.0)), "agenda step p99 vs screen message p99")
        .getBoolean("holds")).isTrue();
    assertThat(find(PublishedTargets.evaluate(report(50, 40.0, 20.0)), "agenda step p99 vs screen message p99"))
        .as("below 1,000 viewers a command's own cost outweighs the fan-out").isNull();
  }

  private static JsonObject find(JsonArray targets, String prefix) {
    return targets.stream().map(JsonObject.class::cast).filter(target -> target.getString("name").startsWith(prefix))
        .findFirst().orElse(null);
  }

  private static JsonObject report(int viewers, double stepP99, double messageP99) {
    JsonArray operations = new JsonArray()
        .add(series("agenda.next/previous", 312, 900, 100, stepP99))
        .add(series("screen.message", 322, 0, 1000, messageP99));
    return new JsonObject()
        .put("machine", new JsonObject().put("cores", 2).put("jvm", "jvm").put("os", "os"))
        .put("config", new JsonObject().put("url", "http://127.0.0.1:8080").put("viewers", viewers).put("rounds", 50)
            .put("priority", 0).put("slow", 0).put("door", "socket"))
        .put("diemcau", new JsonObject().put("operations", operations));
  }

  private static JsonObject series(String operation, int frameBytes, long patches, long states, double p99) {
    return new JsonObject().put("operation", operation).put("door", "socket").put("frameBytes", frameBytes)
        .put("patchFrames", patches).put("stateFrames", states)
        .put("latencyMs", new JsonObject().put("p50", 10.0).put("p99", p99).put("max", p99 + 1));
  }
}
