package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Nothing about the results leaks to a viewer or a bridge screen")
class FinalLeakTest {

  private static final String[] TOPICS = {"agenda", "screen", "bridges", "leaderboard", "final"};
  /** Keys that only the organisers' views of the final have. */
  private static final List<String> PRIVATE_KEYS = List.of("scores", "total", "mean", "totals", "councilTotal", "council",
      "tokenHash", "token", "contact", "representative", "sheets", "script");

  private Vertx vertx;
  private TestServer server;
  private FinalFixture fixture;
  private final List<ScreenClient> screens = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = TestServer.start();
    fixture = new FinalFixture(server);
  }

  @AfterEach
  void stop() throws Exception {
    for (ScreenClient screen : screens) {
      screen.close();
    }
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("through the whole final: no award before its step, never a score, a token or a contact")
  void wholeFinal() throws Exception {
    String bridgeUnit = States.FINALISTS.get(0);
    ScreenClient viewer = connect("/ws").hello("hall", TOPICS);
    ScreenClient bridge = connect("/ws?unit=" + bridgeUnit + "&key=" + server.server.credentials().bridgeKey(bridgeUnit))
        .hello("bridge", TOPICS);
    viewer.nextState("final");
    bridge.nextState("final");

    fixture.finalists();
    List<String> tokens = fixture.judges(3);
    fixture.ok(fixture.mc("final.draw", new JsonObject()));
    assertThat(fixture.state().getJsonObject("draw").getBoolean("seedGiven")).as("the server picked the seed").isFalse();
    fixture.startSlot(1);
    List<String> order = fixture.state().getJsonArray("order").stream().map(String.class::cast).toList();
    for (String unit : order) {
      int f = States.FINALISTS.indexOf(unit);
      for (int j = 0; j < tokens.size(); j++) {
        fixture.ok(fixture.as(tokens.get(j), "judge.score",
            new JsonObject().put("unit", unit).put("scores", FinalFixture.distinct(f, j))));
      }
      fixture.ok(fixture.mc("agenda.next", new JsonObject()));
    }
    Set<String> secrets = secretNumbers(tokens.size());
    fixture.ok(fixture.admin("final.finalise", new JsonObject()));
    JsonArray script = adminScript();
    assertThat(script).hasSize(11);

    int shown = 0;
    awaitStep(0);
    assertClean(secrets, tokens, script, shown);
    for (int step = 1; step <= script.size(); step++) {
      assertClean(secrets, tokens, script, shown);
      Thread.sleep(FinalService.REVEAL_GAP_MS + 50);
      fixture.ok(fixture.mc("final.reveal.next", new JsonObject()));
      shown = step;
      awaitStep(step);
    }
    Thread.sleep(FinalService.REVEAL_GAP_MS + 50);
    fixture.ok(fixture.mc("final.reveal.previous", new JsonObject()));
    awaitStep(script.size() - 1);
    assertClean(secrets, tokens, script, shown);
    JsonObject last = viewer.received.stream().filter(f -> "final".equals(f.getString("topic"))).reduce((a, b) -> b).orElseThrow();
    assertThat(last.getJsonObject("data").getJsonObject("reveal").getJsonArray("revealed")).hasSize(script.size() - 1);
  }

  private ScreenClient connect(String uri) throws Exception {
    ScreenClient screen = ScreenClient.connect(vertx, server.port, uri);
    screens.add(screen);
    return screen;
  }

  /** Waits until both screens have the {@code final} state of this reveal step. */
  private void awaitStep(int step) throws InterruptedException {
    for (ScreenClient screen : screens) {
      screen.next(frame -> "final".equals(frame.getString("topic"))
          && frame.getJsonObject("data").getBoolean("finalised")
          && frame.getJsonObject("data").getJsonObject("reveal").getInteger("step") == step);
    }
  }

  /**
   * Every frame either screen received so far: awards only as the first {@code shown} entries of
   * the script, and no secret number, token, or private key anywhere.
   */
  private void assertClean(Set<String> secrets, List<String> tokens, JsonArray script, int shown) {
    for (ScreenClient screen : screens) {
      List<JsonObject> frames;
      synchronized (screen.received) {
        frames = List.copyOf(screen.received);
      }
      for (JsonObject frame : frames) {
        // a patch frame is checked as it came (its patch) and as the state it makes on the screen
        JsonObject held = frame.copy();
        Object patch = held.remove("patch");
        for (String text : patch == null ? List.of(held.encode()) : List.of(held.encode(), Json.encode(patch))) {
          for (String secret : secrets) {
            assertThat(text).as("a score value in a public frame").doesNotContain(secret);
          }
          for (String token : tokens) {
            assertThat(text).as("a judge token in a public frame").doesNotContain(token);
          }
          assertNoPrizeNames(text, script, shown);
        }
        if ("final".equals(frame.getString("topic"))) {
          assertAwards(frame, script, shown);
          assertNoPrivateKeys(frame);
        }
      }
    }
  }

  /** In the final topic, an object with a unit and a prize or rank is an award: only the revealed ones may be there. */
  private static void assertAwards(Object json, JsonArray script, int shown) {
    if (json instanceof JsonObject object) {
      if (object.containsKey("unit") && (object.containsKey("prize") || object.containsKey("rank"))) {
        int index = indexOf(script, object.getString("unit"));
        assertThat(index).as("an award for " + object.getString("unit") + " with " + shown + " shown").isNotNegative().isLessThan(shown);
        assertThat(object.getString("prize")).isEqualTo(script.getJsonObject(index).getString("prize"));
      }
      object.forEach(entry -> assertAwards(entry.getValue(), script, shown));
    } else if (json instanceof JsonArray array) {
      array.forEach(item -> assertAwards(item, script, shown));
    }
  }

  /** In any topic: a prize's name appears no more often than it has been revealed. */
  private static void assertNoPrizeNames(String text, JsonArray script, int shown) {
    for (int i = 0; i < script.size(); i++) {
      String name = script.getJsonObject(i).getString("prizeName");
      long revealed = script.stream().limit(shown).filter(a -> ((JsonObject) a).getString("prizeName").equals(name)).count();
      assertThat(occurrences(text, "\"" + name + "\"")).as(name + " with " + shown + " shown").isLessThanOrEqualTo(revealed);
    }
  }

  private static long occurrences(String text, String part) {
    long count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  private static void assertNoPrivateKeys(Object json) {
    if (json instanceof JsonObject object) {
      for (String key : PRIVATE_KEYS) {
        assertThat(object.containsKey(key)).as("key " + key + " in the final topic").isFalse();
      }
      object.forEach(entry -> assertNoPrivateKeys(entry.getValue()));
    } else if (json instanceof JsonArray array) {
      array.forEach(FinalLeakTest::assertNoPrivateKeys);
    }
  }

  private static int indexOf(JsonArray script, String unit) {
    for (int i = 0; i < script.size(); i++) {
      if (script.getJsonObject(i).getString("unit").equals(unit)) {
        return i;
      }
    }
    return -1;
  }

  /** Every criterion score, total and mean given in this final, council's included: all with a fraction. */
  private static Set<String> secretNumbers(int judges) {
    Set<String> secrets = new HashSet<>();
    for (int f = 0; f < States.FINALISTS.size(); f++) {
      for (int j = 0; j < judges; j++) {
        BigDecimal total = BigDecimal.ZERO;
        JsonObject scores = FinalFixture.distinct(f, j);
        for (String criterion : FinalFixture.CRITERIA) {
          BigDecimal score = BigDecimal.valueOf(scores.getDouble(criterion));
          secrets.add(score.stripTrailingZeros().toPlainString());
          total = total.add(score);
        }
        secrets.add(total.stripTrailingZeros().toPlainString());
      }
    }
    for (int i = 0; i < States.STAGE2.size(); i++) {
      secrets.add(BigDecimal.valueOf(76.25 - i).stripTrailingZeros().toPlainString());
      secrets.add(BigDecimal.valueOf(10.25 - i).stripTrailingZeros().toPlainString());
    }
    secrets.removeIf(secret -> !secret.contains("."));
    return secrets;
  }

  private JsonArray adminScript() throws Exception {
    return diemcau.support.Rest.get(server.port, "/api/final/admin", TestServer.ADMIN_TOKEN).body()
        .getJsonObject("reveal").getJsonArray("script");
  }
}
