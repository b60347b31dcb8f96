package diemcau.command;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Function;

/**
 * How {@link CommandRequest} and {@link CommandResult} travel on the event bus. In the process
 * ({@link #transform}) the receiver gets the sender's own object: no copy, no JSON. Between
 * processes (a clustered bus) the wire form is a 4-byte big-endian length and that many bytes
 * of UTF-8 JSON:
 * <ul>
 *   <li>a request: {@code {"caller": {"role", "id"}, "name", "args": {...}, "deadlineMs": N,
 *       "attachment"?: {...}}}, {@code deadlineMs} being what is left of the deadline when it is
 *       sent (the receiver's deadline starts again from that; the claim stays with each side, so
 *       across processes only the deadline, not the door's withdrawal, stops a late command);</li>
 *   <li>a result: {@code {"rev": N, "data": {...}}} or {@code {"error": {"status", "code",
 *       "message", "field"?}}}.</li>
 * </ul>
 */
public final class CommandCodec<T> implements MessageCodec<T, T> {

  private final String name;
  private final Function<T, JsonObject> encode;
  private final Function<JsonObject, T> decode;

  private CommandCodec(String name, Function<T, JsonObject> encode, Function<JsonObject, T> decode) {
    this.name = name;
    this.encode = encode;
    this.decode = decode;
  }

  /**
   * Registers both codecs as the bus's default for their types; {@code attachments} reads a
   * request's attachment back, by command name.
   */
  public static void register(EventBus bus, Map<String, Function<JsonObject, CommandRequest.Attachment>> attachments) {
    bus.registerDefaultCodec(CommandRequest.class, requests(attachments));
    bus.registerDefaultCodec(CommandResult.class, results());
  }

  /** The requests' codec. */
  public static CommandCodec<CommandRequest> requests(Map<String, Function<JsonObject, CommandRequest.Attachment>> attachments) {
    Map<String, Function<JsonObject, CommandRequest.Attachment>> readers = Map.copyOf(attachments);
    return new CommandCodec<>("diemcau.command.request",
        request -> {
          JsonObject json = new JsonObject()
              .put("caller", request.caller().toJson())
              .put("name", request.name())
              .put("args", request.args())
              .put("deadlineMs", request.deadline().remainingMs());
          if (request.attachment() != null) {
            json.put("attachment", request.attachment().toJson());
          }
          return json;
        },
        json -> {
          String command = json.getString("name");
          JsonObject attached = json.getJsonObject("attachment");
          CommandRequest.Attachment attachment = null;
          if (attached != null) {
            Function<JsonObject, CommandRequest.Attachment> reader = readers.get(command);
            if (reader == null) {
              throw new IllegalArgumentException("no reader of the attachment of " + command);
            }
            attachment = reader.apply(attached);
          }
          return new CommandRequest(Caller.fromJson(json.getJsonObject("caller")), command, json.getJsonObject("args"),
              attachment, new CommandDeadline(json.getLong("deadlineMs")));
        });
  }

  /** The results' codec. */
  public static CommandCodec<CommandResult> results() {
    return new CommandCodec<>("diemcau.command.result",
        result -> result.ok()
            ? new JsonObject().put("rev", result.rev()).put("data", result.data())
            : new JsonObject().put("error", result.error().toJson().put("status", result.error().status())),
        json -> {
          JsonObject error = json.getJsonObject("error");
          return error == null
              ? CommandResult.accepted(json.getLong("rev"), json.getJsonObject("data"))
              : CommandResult.refused(ApiError.fromJson(error.getInteger("status"), error));
        });
  }

  @Override
  public void encodeToWire(Buffer buffer, T value) {
    Buffer json = encode.apply(value).toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return decode.apply(new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length)));
  }

  /** In the process: the object itself (requests and results are not changed once sent). */
  @Override
  public T transform(T value) {
    return value;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
