package diemcau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.live.Frame;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The bench reads type, topic, rev and server time from a frame's bytes")
class FrameScanTest {

  @Test
  @DisplayName("a state frame as the server encodes it")
  void stateFrame() {
    Buffer frame = Frame.state("ep-1", "screen", 42, 1_795_000_000_123L, new JsonObject().put("rev", 7)).buffer();
    assertThat(FrameScan.topicOf(frame)).isEqualTo(FrameScan.SCREEN);
    assertThat(FrameScan.revOf(frame)).isEqualTo(42);
    assertThat(FrameScan.serverOf(frame)).isEqualTo(1_795_000_000_123L);
  }

  @Test
  @DisplayName("every topic of the contract is told apart")
  void topics() {
    for (String topic : FrameScan.TOPICS) {
      Buffer frame = Frame.state("e", topic, 1, 0, new JsonObject()).buffer();
      assertThat(FrameScan.topicOf(frame)).isEqualTo(FrameScan.TOPICS.indexOf(topic));
    }
  }

  @Test
  @DisplayName("a heartbeat, a pong and a frame without rev")
  void otherFrames() {
    assertThat(FrameScan.topicOf(Buffer.buffer("{\"type\":\"heartbeat\",\"server\":5}"))).isEqualTo(FrameScan.HEARTBEAT);
    assertThat(FrameScan.topicOf(Buffer.buffer("{\"type\":\"pong\",\"id\":1}"))).isEqualTo(FrameScan.PONG);
    assertThat(FrameScan.revOf(Buffer.buffer("{\"type\":\"pong\",\"id\":1}"))).isEqualTo(-1);
    assertThat(FrameScan.topicOf(Buffer.buffer("{\"type\":\"state\",\"topic\":\"nope\",\"rev\":1}"))).isEqualTo(-1);
  }

  @Test
  @DisplayName("the round message makes a state frame of about 300 bytes")
  void messageSize() {
    String text = Operation.message(12);
    assertThat(text.length()).isEqualTo(150);
  }
}
