package diemcau.command;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * How every door hands a command to the command worker and reads what became of it: one parser
 * for the command as both doors receive it ({@code POST /api/commands}'s body and the socket's
 * {@code command} frame: {@code {"name": "...", "args": {...}}}), one send on the event bus, and
 * an answer, a {@link CommandResult}, always by the command's deadline ({@link Deadline}). The
 * requests and results travel on the event bus with {@link Codec}.
 *
 * <p>Besides the refusals of each command, three answers say what became of a command the server
 * could not complete, each with a stable code:
 * <ul>
 *   <li>{@code not_executed} (503): the deadline passed before the command began (the worker
 *       was busy, or waiting for the database); it never runs, so sending it again is safe;
 *   <li>{@code database_unavailable} (503): the database could not take it; nothing was changed;
 *   <li>{@code outcome_unknown} (504): it began, but the database did not confirm it in time;
 *       it may have been applied: read the state before sending it again.
 * </ul>
 */
public final class CommandPipe {

  /** How long the MC's and the scripts' commands may take, from the door to the answer. */
  public static final long COMMAND_MS = 5_000;
  /** How long an import may take: a 100,000-row file writes for a few seconds. */
  public static final long IMPORT_MS = 60_000;

  private CommandPipe() {}

  /**
   * Registers both codecs as the bus's default for their types; {@code attachments} reads a
   * request's attachment back, by command name.
   */
  public static void register(EventBus bus, Map<String, Function<JsonObject, CommandRequest.Attachment>> attachments) {
    bus.registerDefaultCodec(CommandRequest.class, Codec.requests(attachments));
    bus.registerDefaultCodec(CommandResult.class, Codec.results());
  }

  /** A command as a door received it, from {@code caller}, with the usual deadline ({@link #COMMAND_MS}). */
  public static Future<CommandResult> submit(Vertx vertx, Caller caller, JsonObject command) {
    if (caller.role() == Role.VIEWER) {
      return refused(401, "unauthorized", null, "this connection is a viewer: open it with a token or a bridge key to send commands");
    }
    if (!(command.getValue("name") instanceof String name)) {
      return refused(400, "bad_argument", "name", "name is required: a command is {\"name\": \"...\", \"args\": {...}}");
    }
    Object args = command.getValue("args");
    if (args != null && !(args instanceof JsonObject)) {
      return refused(400, "bad_argument", "args", "args must be an object");
    }
    return send(vertx, request(caller, name, (JsonObject) args, COMMAND_MS));
  }

  /** A command of arguments only, due within {@code deadlineMs}. */
  public static CommandRequest request(Caller caller, String name, JsonObject args, long deadlineMs) {
    return new CommandRequest(caller, name, args == null ? new JsonObject() : args, null, new Deadline(deadlineMs));
  }

  /** Sends {@code request}; its answer comes by its deadline. */
  public static Future<CommandResult> send(Vertx vertx, CommandRequest request) {
    long ms = request.deadline().ms();
    return vertx.eventBus().<CommandResult>request(Addresses.COMMANDS, request, new DeliveryOptions().setSendTimeout(ms))
        .map(Message::body)
        .recover(failure -> Future.succeededFuture(request.deadline().withdraw()
            ? CommandResult.refused(503, CommandException.NOT_EXECUTED, "not executed: the command could not begin within " + ms
                + " ms (the server was busy or waiting for the database); nothing changed, it is safe to send it again")
            : CommandResult.refused(CommandException.outcomeUnknown("the command began but the database did not confirm it within "
                + ms + " ms").error())));
  }

  /**
   * Completes once every command taken before it has finished, its outcome known (a commit in
   * doubt is settled first): after it, the hub's states include them. Within the usual deadline;
   * refused otherwise.
   */
  public static Future<CommandResult> settle(Vertx vertx) {
    return vertx.eventBus().<CommandResult>request(Addresses.SETTLE, null, new DeliveryOptions().setSendTimeout(COMMAND_MS))
        .map(Message::body)
        .recover(failure -> Future.succeededFuture(CommandResult.refused(503, "busy",
            "the commands before this read have not finished within " + COMMAND_MS + " ms; read again shortly")));
  }

  private static Future<CommandResult> refused(int status, String code, String field, String message) {
    return Future.succeededFuture(CommandResult.refused(new ApiError(status, code, field, message)));
  }

  /**
   * A command's deadline, set by the door that took it: by then its caller has an answer.
   *
   * <p>The door and the command worker settle who answers with one atomic step on the command's
   * claim, which travels with the request (the local event bus hands the worker the door's own
   * object). The worker may begin a command only by taking the claim, and only before the deadline;
   * the door, when the deadline passes without an answer, takes the claim if it is still free and
   * answers "not executed" (true: the worker can no longer begin it), or else answers "outcome
   * unknown" (the worker had begun it). So a command answered "not executed" never runs later,
   * whatever the worker was waiting for.
   */
  public static final class Deadline {

    private final long ms;
    private final long dueNanos;
    private final AtomicBoolean claimed = new AtomicBoolean();

    /** A deadline {@code ms} from now. */
    public Deadline(long ms) {
      this.ms = ms;
      this.dueNanos = System.nanoTime() + ms * 1_000_000;
    }

    /** How long the command was given, in milliseconds. */
    public long ms() {
      return ms;
    }

    /** How long ago the door took the command, in nanoseconds. */
    public long elapsedNanos() {
      return System.nanoTime() - (dueNanos - ms * 1_000_000);
    }

    /** What is left of it now, in milliseconds (0 once passed): what a request carries to another process. */
    public long remainingMs() {
      return Math.max(0, (dueNanos - System.nanoTime()) / 1_000_000);
    }

    /**
     * The worker's check before it begins the command: true if the deadline has not passed and the
     * claim was free (now taken); false if the caller is, or is about to be, answered "not executed":
     * the command must then not run.
     */
    public boolean begin() {
      return System.nanoTime() - dueNanos < 0 && claimed.compareAndSet(false, true);
    }

    /**
     * The door's step when the deadline passed without an answer: true if the worker had not begun
     * the command (and now never will), false if it had.
     */
    public boolean withdraw() {
      return claimed.compareAndSet(false, true);
    }
  }

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
  public static final class Codec<T> implements MessageCodec<T, T> {

    private final String name;
    private final Function<T, JsonObject> encode;
    private final Function<JsonObject, T> decode;

    private Codec(String name, Function<T, JsonObject> encode, Function<JsonObject, T> decode) {
      this.name = name;
      this.encode = encode;
      this.decode = decode;
    }

    /** The requests' codec. */
    public static Codec<CommandRequest> requests(Map<String, Function<JsonObject, CommandRequest.Attachment>> attachments) {
      Map<String, Function<JsonObject, CommandRequest.Attachment>> readers = Map.copyOf(attachments);
      return new Codec<>("diemcau.command.request",
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
                attachment, new Deadline(json.getLong("deadlineMs")));
          });
    }

    /** The results' codec. */
    public static Codec<CommandResult> results() {
      return new Codec<>("diemcau.command.result",
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
}
