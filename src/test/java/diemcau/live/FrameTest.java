package diemcau.live;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.MergePatches;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A frame's wire bytes, framed once for every socket")
class FrameTest {

  @ParameterizedTest(name = "a {0}-byte payload")
  @ValueSource(ints = {0, 1, 125, 126, 300, 65_535, 65_536, 200_000})
  @DisplayName("decode as one final text frame with the same payload, for every length encoding")
  void decodesAsTheSameText(int length) {
    String text = "đ".repeat(length / 2) + "x".repeat(length % 2);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertThat(utf8).hasSize(length);

    EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 1 << 20));
    assertThat(client.writeInbound(new Frame(null, 0, utf8).wireView())).isTrue();
    TextWebSocketFrame decoded = client.readInbound();
    try {
      assertThat(decoded.isFinalFragment()).isTrue();
      assertThat(decoded.text()).isEqualTo(text);
    } finally {
      decoded.release();
    }
    assertThat((Object) client.readInbound()).as("nothing after the one frame").isNull();
  }

  @Test
  @DisplayName("gives each socket its own view: writing one does not move the others, and the bytes stay usable")
  void viewsAreIndependent() {
    Frame frame = Frame.state("ep", "screen", 3, 1L, new JsonObject().put("message", "xin chào"));
    ByteBuf first = frame.wireView();
    ByteBuf second = frame.wireView();
    first.skipBytes(first.readableBytes());
    first.release();
    assertThat(second.readableBytes()).isEqualTo(frame.utf8().length + 2);
    second.release();
    ByteBuf third = frame.wireView();
    assertThat(third.getByte(0)).as("FIN + text opcode").isEqualTo((byte) 0x81);
    third.release();
  }

  @Test
  @DisplayName("keeps its wire bytes off the heap, so a native transport sends each socket's view without copying it")
  void wireBytesAreDirect() {
    ByteBuf view = new Frame(null, 0, "{}".getBytes(StandardCharsets.UTF_8)).wireView();
    try {
      assertThat(view.isDirect()).isTrue();
      assertThat(view.hasMemoryAddress()).as("epoll writes from the address; without one it copies").isTrue();
    } finally {
      view.release();
    }
  }

  @Test
  @DisplayName("keeps a reply for one socket on the heap, and it decodes like any other frame")
  void replyStaysOnTheHeap() {
    ByteBuf view = Frame.reply(new JsonObject().put("type", "pong").put("id", 7)).wireView();
    assertThat(view.isDirect()).isFalse();
    EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 1 << 20));
    assertThat(client.writeInbound(view)).isTrue();
    TextWebSocketFrame decoded = client.readInbound();
    try {
      assertThat(new JsonObject(decoded.text())).isEqualTo(new JsonObject().put("type", "pong").put("id", 7));
    } finally {
      decoded.release();
    }
  }

  @Test
  @DisplayName("a state offered after another of its topic carries the patch from it, framed once, smaller than itself")
  void patchFromThePreviousState() {
    LiveHub hub = new LiveHub("ep");
    JsonObject first = new JsonObject().put("message", "xin chào").put("padding", "x".repeat(300)).put("n", 1);
    hub.offer(Frame.state("ep", "screen", 3, 10L, first));
    assertThat(hub.latest("screen").patch()).as("nothing before the first").isNull();
    hub.offer(Frame.state("ep", "screen", 4, 20L, first.copy().put("n", 2)));

    Frame latest = hub.latest("screen");
    Frame patch = latest.patch();
    assertThat(patch.base()).isEqualTo(3);
    assertThat(patch.rev()).isEqualTo(4);
    assertThat(new JsonObject(patch.buffer())).isEqualTo(new JsonObject()
        .put("type", "patch").put("topic", "screen").put("epoch", "ep").put("rev", 4).put("base", 3).put("server", 20)
        .put("data", new JsonObject().put("n", 2)));
    assertThat(patch.utf8().length).isLessThan(latest.utf8().length);

    hub.offer(Frame.state("ep", "screen", 2, 30L, first));
    assertThat(hub.latest("screen")).as("an older state is not kept").isSameAs(latest);
  }

  @Test
  @DisplayName("no patch when the previous state came as bytes (from another loop), from another epoch, or would be as big")
  void noPatchWhenItCannotHelp() {
    LiveHub hub = new LiveHub("ep");
    hub.offer(new Frame("screen", 1, Frame.state("ep", "screen", 1, 1L, new JsonObject().put("n", 1)).utf8()));
    hub.offer(Frame.state("ep", "screen", 2, 2L, new JsonObject().put("n", 2)));
    assertThat(hub.latest("screen").patch()).isNull();
    hub.offer(Frame.state("other", "screen", 3, 3L, new JsonObject().put("n", 3)));
    assertThat(hub.latest("screen").patch()).isNull();
    hub.offer(Frame.state("other", "screen", 4, 4L, new JsonObject().put("n", 4)));
    assertThat(hub.latest("screen").patch()).as("a one-member topic: the patch is no smaller").isNull();
  }

  @Nested
  @DisplayName("A JSON merge patch between two versions of a topic's data (RFC 7386)")
  class MergePatch {

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
      JsonObject patch = Frame.mergePatch(before, after);
      assertThat(patch).isEqualTo(json("""
          {"current":3,"pausedAt":null,"actuals":{"b":{"end":9},"c":{"start":9}}}"""));
      assertThat(MergePatches.apply(before, patch)).isEqualTo(after);
    }

    @Test
    @DisplayName("replaces an array whole, however little of it changed")
    void arraysReplaceWhole() {
      JsonObject before = json("{\"order\":[\"a\",\"b\",\"c\"]}");
      JsonObject after = json("{\"order\":[\"a\",\"c\",\"b\"]}");
      assertThat(Frame.mergePatch(before, after)).isEqualTo(new JsonObject().put("order", new JsonArray().add("a").add("c").add("b")));
    }

    @Test
    @DisplayName("is empty for equal data, numbers compared by value whatever their Java type")
    void emptyWhenEqual() {
      JsonObject ints = new JsonObject().put("rev", 3).put("ms", 60_000).put("nested", new JsonObject().put("x", 1));
      JsonObject longs = new JsonObject().put("rev", 3L).put("ms", 60_000L).put("nested", new JsonObject().put("x", 1L));
      assertThat(Frame.mergePatch(ints, longs)).isEmpty();
      assertThat(Frame.mergePatch(json("{\"x\":1.5}"), json("{\"x\":1.5}"))).isEmpty();
      assertThat(Frame.mergePatch(json("{\"x\":1}"), json("{\"x\":1.5}"))).isEqualTo(json("{\"x\":1.5}"));
    }

    @Test
    @DisplayName("keeps a null member that stays null, and gives up (null) when one becomes null: a merge patch cannot say so")
    void nullMembers() {
      assertThat(Frame.mergePatch(json("{\"message\":null,\"n\":1}"), json("{\"message\":null,\"n\":2}")))
          .isEqualTo(json("{\"n\":2}"));
      assertThat(Frame.mergePatch(json("{\"message\":\"x\"}"), json("{\"message\":null}"))).isNull();
      assertThat(Frame.mergePatch(json("{}"), json("{\"message\":null}"))).isNull();
      assertThat(Frame.mergePatch(json("{\"room\":1}"), json("{\"room\":{\"lastSeen\":null}}"))).isNull();
      assertThat(Frame.mergePatch(json("{\"room\":{\"a\":1}}"), json("{\"room\":{\"a\":1,\"lastSeen\":null}}"))).isNull();
    }

    @Test
    @DisplayName("turns an object into a value and back")
    void typeChanges() {
      JsonObject before = json("{\"now\":{\"id\":\"a\"},\"next\":5}");
      JsonObject after = json("{\"now\":7,\"next\":{\"id\":\"b\",\"by\":\"x\"}}");
      JsonObject patch = Frame.mergePatch(before, after);
      assertThat(MergePatches.apply(before, patch)).isEqualTo(after);
      assertThat(MergePatches.apply(after, Frame.mergePatch(after, before))).isEqualTo(before);
    }
  }
}
