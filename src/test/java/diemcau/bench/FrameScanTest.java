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
  @DisplayName("a patch frame (issue 20's format) brings its topic's new rev, not its base")
  void patchFrame() {
    Buffer patch = Buffer.buffer("{\"type\":\"patch\",\"topic\":\"agenda\",\"epoch\":\"ep-1\",\"rev\":43,\"base\":42,"
        + "\"server\":1795000000456,\"data\":{\"current\":3,\"rev\":9}}");
    assertThat(FrameScan.topicOf(patch)).isEqualTo(FrameScan.AGENDA);
    assertThat(FrameScan.revOf(patch)).isEqualTo(43);
    assertThat(FrameScan.serverOf(patch)).isEqualTo(1_795_000_000_456L);
    assertThat(FrameScan.isPatch(patch)).isTrue();
    assertThat(FrameScan.isPatch(Frame.state("e", "agenda", 1, 0, new JsonObject()).buffer())).isFalse();
  }

  @Test
  @DisplayName("only state and patch frames bring a topic's revision")
  void otherTypesWithATopic() {
    assertThat(FrameScan.topicOf(Buffer.buffer("{\"type\":\"error\",\"topic\":\"agenda\",\"rev\":5}"))).isEqualTo(-1);
  }

  @Test
  @DisplayName("agenda steps alternate next and previous on every call, warm-up rounds included")
  void agendaSteps() {
    Operation steps = Operation.agendaSteps();
    assertThat(steps.topic()).isEqualTo(FrameScan.AGENDA);
    assertThat(java.util.stream.IntStream.of(-1, -2, -3, 0, 1, 2).mapToObj(r -> steps.command(r).name()))
        .containsExactly("agenda.next", "agenda.previous", "agenda.next", "agenda.previous", "agenda.next", "agenda.previous");
    Operation adjust = Operation.agendaAdjust();
    assertThat(adjust.command(0).args().getLong("ms") + adjust.command(1).args().getLong("ms")).as("adjustments cancel out")
        .isZero();
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
