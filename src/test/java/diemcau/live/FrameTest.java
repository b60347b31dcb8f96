package diemcau.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
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
}
