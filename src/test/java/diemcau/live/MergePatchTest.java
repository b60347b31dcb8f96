package diemcau.live;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.MergePatches;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A JSON merge patch between two versions of a topic's data (RFC 7386)")
class MergePatchTest {

  private static JsonObject json(String text) {
    return new JsonObject(text);
  }

  @Test
  @DisplayName("holds only what changed: replaced members, removed ones as null, nested objects member by member")
  void onlyWhatChanged() {
    JsonObject before = json("""
        {"status":"running","current":2,"pausedAt":5,"venue":{"name":"Nhà hát","address":"Số 1"},
         "actuals":{"a":{"start":1,"end":2},"b":{"start":3}},"items":[1,2,3]}""");
    JsonObject after = json("""
        {"status":"running","current":3,"venue":{"name":"Nhà hát","address":"Số 1"},
         "actuals":{"a":{"start":1,"end":2},"b":{"start":3,"end":9},"c":{"start":9}},"items":[1,2,3]}""");
    JsonObject patch = MergePatch.diff(before, after);
    assertThat(patch).isEqualTo(json("""
        {"current":3,"pausedAt":null,"actuals":{"b":{"end":9},"c":{"start":9}}}"""));
    assertThat(MergePatches.apply(before, patch)).isEqualTo(after);
  }

  @Test
  @DisplayName("replaces an array whole, however little of it changed")
  void arraysReplaceWhole() {
    JsonObject before = json("{\"order\":[\"a\",\"b\",\"c\"]}");
    JsonObject after = json("{\"order\":[\"a\",\"c\",\"b\"]}");
    assertThat(MergePatch.diff(before, after)).isEqualTo(new JsonObject().put("order", new JsonArray().add("a").add("c").add("b")));
  }

  @Test
  @DisplayName("is empty for equal data, numbers compared by value whatever their Java type")
  void emptyWhenEqual() {
    JsonObject ints = new JsonObject().put("rev", 3).put("ms", 60_000).put("nested", new JsonObject().put("x", 1));
    JsonObject longs = new JsonObject().put("rev", 3L).put("ms", 60_000L).put("nested", new JsonObject().put("x", 1L));
    assertThat(MergePatch.diff(ints, longs)).isEmpty();
    assertThat(MergePatch.diff(json("{\"x\":1.5}"), json("{\"x\":1.5}"))).isEmpty();
    assertThat(MergePatch.diff(json("{\"x\":1}"), json("{\"x\":1.5}"))).isEqualTo(json("{\"x\":1.5}"));
  }

  @Test
  @DisplayName("keeps a null member that stays null, and gives up (null) when one becomes null: a merge patch cannot say so")
  void nullMembers() {
    assertThat(MergePatch.diff(json("{\"message\":null,\"n\":1}"), json("{\"message\":null,\"n\":2}")))
        .isEqualTo(json("{\"n\":2}"));
    assertThat(MergePatch.diff(json("{\"message\":\"x\"}"), json("{\"message\":null}"))).isNull();
    assertThat(MergePatch.diff(json("{}"), json("{\"message\":null}"))).isNull();
    assertThat(MergePatch.diff(json("{\"room\":1}"), json("{\"room\":{\"lastSeen\":null}}"))).isNull();
    assertThat(MergePatch.diff(json("{\"room\":{\"a\":1}}"), json("{\"room\":{\"a\":1,\"lastSeen\":null}}"))).isNull();
  }

  @Test
  @DisplayName("turns an object into a value and back")
  void typeChanges() {
    JsonObject before = json("{\"now\":{\"id\":\"a\"},\"next\":5}");
    JsonObject after = json("{\"now\":7,\"next\":{\"id\":\"b\",\"by\":\"x\"}}");
    JsonObject patch = MergePatch.diff(before, after);
    assertThat(MergePatches.apply(before, patch)).isEqualTo(after);
    assertThat(MergePatches.apply(after, MergePatch.diff(after, before))).isEqualTo(before);
  }
}
