package diemcau.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import diemcau.participation.Person;
import diemcau.participation.Upload;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The command pipe's codec: the object itself in the process, length-prefixed JSON on the wire")
class CommandCodecTest {

  private static final Caller ADMIN = new Caller(Role.ADMIN, "admin");
  private final CommandPipe.Codec<CommandRequest> requests = CommandPipe.Codec.requests(Map.of("participation.import", Upload::fromJson));
  private final CommandPipe.Codec<CommandResult> results = CommandPipe.Codec.results();

  private static <T> T roundTrip(CommandPipe.Codec<T> codec, T value) {
    Buffer wire = Buffer.buffer("ahead");
    codec.encodeToWire(wire, value);
    return codec.decodeFromWire("ahead".length(), wire);
  }

  @Test
  @DisplayName("a request with an upload goes to the wire and back: caller, name, args, rows and what is left of its deadline")
  void requestRoundTrip() {
    Upload upload = new Upload("csv", "ab12", List.of(
        new Person("p1", "11560", "Nguyễn Văn A", 1_000L, null, 950, 2_000L),
        new Person("p2", "10525", null, null, 3_000L, null, 4_000L)));
    CommandRequest sent = CommandPipe.request(ADMIN, "participation.import", new JsonObject().put("note", "x"), 5_000).with(upload);

    CommandRequest got = roundTrip(requests, sent);

    assertThat(got.caller()).isEqualTo(ADMIN);
    assertThat(got.name()).isEqualTo("participation.import");
    assertThat(got.args()).isEqualTo(new JsonObject().put("note", "x"));
    assertThat(got.attachment()).isEqualTo(upload);
    assertThat(got.deadline().ms()).isBetween(4_000L, 5_000L);
    assertThat(got.deadline().begin()).as("a fresh claim on the receiving side").isTrue();
  }

  @Test
  @DisplayName("a request whose attachment has no reader is refused on decoding, not read as something else")
  void unknownAttachment() {
    CommandRequest sent = CommandPipe.request(ADMIN, "screen.message", null, 5_000).with(() -> new JsonObject().put("x", 1));
    assertThatThrownBy(() -> roundTrip(requests, sent)).hasMessageContaining("screen.message");
  }

  @Test
  @DisplayName("results go to the wire and back: accepted with its data, refused with status, code, field and message")
  void resultRoundTrip() {
    CommandResult accepted = CommandResult.accepted(7, new JsonObject().put("created", 3));
    CommandResult refused = CommandResult.refused(new ApiError(400, "bad_argument", "count", "count must be 0..10000"));

    assertThat(roundTrip(results, accepted)).isEqualTo(accepted);
    assertThat(roundTrip(results, refused)).isEqualTo(refused);
    assertThat(roundTrip(results, refused).body().encode())
        .isEqualTo("{\"ok\":false,\"error\":{\"code\":\"bad_argument\",\"message\":\"count must be 0..10000\",\"field\":\"count\"}}");
  }

  @Test
  @DisplayName("on the local bus the worker receives the door's own request object and the door the worker's own result")
  void localBusHandsTheObjectOver() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      CommandPipe.register(vertx.eventBus(), Map.of());
      CommandResult answer = CommandResult.accepted(1, null);
      CommandRequest[] received = new CommandRequest[1];
      vertx.eventBus().<CommandRequest>localConsumer(Addresses.COMMANDS, message -> {
        received[0] = message.body();
        message.reply(answer);
      }).completion().await(5, TimeUnit.SECONDS);
      CommandRequest sent = CommandPipe.request(ADMIN, "screen.clear", null, 5_000);

      CommandResult got = vertx.eventBus().<CommandResult>request(Addresses.COMMANDS, sent).await(5, TimeUnit.SECONDS).body();

      assertThat(received[0]).isSameAs(sent);
      assertThat(got).isSameAs(answer);
    } finally {
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }
}
