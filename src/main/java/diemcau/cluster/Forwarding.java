package diemcau.cluster;

import diemcau.command.Caller;
import diemcau.command.CommandException;
import diemcau.finale.FinalService;
import diemcau.live.Addresses;
import diemcau.live.CommandDeadline;
import diemcau.live.CommandReplies;
import diemcau.participation.ParticipationService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * How a command (or a read the command worker answers) taken on any node reaches the writer.
 *
 * <p>On a follower, the local addresses the doors send to are served by forwarders, which send the
 * request to the writer's cluster-wide address; only the writer registers those. A command keeps
 * its deadline across the hop: the follower takes the door's claim (from then on, the door answers
 * "outcome unknown" at the deadline unless the writer's answer came) and gives the writer what is
 * left of the deadline less {@link #HOP_MS}; the writer sends it to its own command worker with
 * that deadline, so it answers "not executed" itself for a command its worker never began, and a
 * command begins nowhere after its deadline. While there is no writer (a failover), the follower
 * sends again every {@link #RETRY_MS} and answers "not executed" if none came in time.
 */
final class Forwarding {

  /** Reads the command worker answers, forwarded as they are. */
  static final List<String> QUERIES = List.of(Addresses.SETTLE, FinalService.QUERIES, ParticipationService.LEADERBOARD_QUERY);
  /** What the forwarded answer needs to come back across the cluster, taken off the writer's deadline. */
  static final long HOP_MS = 300;
  static final long RETRY_MS = 100;
  private static final String WRITER = "diemcau.cluster.writer.";

  private final Vertx vertx;
  private final Vertx cluster;
  private final List<MessageConsumer<?>> follower = new ArrayList<>();
  private final List<MessageConsumer<?>> writer = new ArrayList<>();
  /** Commands forwarded and not answered yet: answered at once if the writer leaves the cluster. */
  private final java.util.Set<Message<JsonObject>> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** {@code vertx}: the server's own (local) Vert.x; {@code cluster}: the one on the cluster's bus. */
  Forwarding(Vertx vertx, Vertx cluster) {
    this.vertx = vertx;
    this.cluster = cluster;
  }

  /** The follower's forwarders; the node must not run a command worker meanwhile. */
  Future<?> openFollower() {
    follower.add(vertx.eventBus().<JsonObject>localConsumer(Addresses.COMMANDS, this::forwardCommand));
    for (String address : QUERIES) {
      follower.add(vertx.eventBus().<JsonObject>localConsumer(address, message -> cluster.eventBus()
          .<JsonObject>request(WRITER + address, message.body(), new DeliveryOptions().setSendTimeout(CommandDeadline.COMMAND_MS))
          .onSuccess(reply -> message.reply(reply.body()))
          .onFailure(failure -> message.fail(503, "the writer did not answer: " + failure.getMessage()))));
    }
    return completion(follower);
  }

  /** The writer's cluster-wide addresses, served by its own local ones. */
  Future<?> openWriter() {
    writer.add(cluster.eventBus().<JsonObject>consumer(WRITER + Addresses.COMMANDS, this::runForwarded));
    for (String address : QUERIES) {
      writer.add(cluster.eventBus().<JsonObject>consumer(WRITER + address, message -> vertx.eventBus()
          .<JsonObject>request(address, message.body(), new DeliveryOptions().setLocalOnly(true)
              .setSendTimeout(CommandDeadline.COMMAND_MS))
          .onSuccess(reply -> message.reply(reply.body()))
          .onFailure(failure -> message.fail(failure instanceof ReplyException replied ? replied.failureCode() : 500,
              failure.getMessage()))));
    }
    return completion(writer);
  }

  Future<?> closeFollower() {
    return close(follower);
  }

  Future<?> closeWriter() {
    return close(writer);
  }

  private void forwardCommand(Message<JsonObject> message) {
    JsonObject request = message.body();
    if (!CommandDeadline.begin(vertx, request)) {
      return; // the door answers "not executed"
    }
    long deadline = request.getLong("deadline");
    JsonObject forwarded = new JsonObject().put("caller", request.getJsonObject("caller"))
        .put("name", request.getString("name")).put("args", request.getJsonObject("args"));
    pending.add(message);
    send(message, forwarded, deadline);
  }

  /** Answers once, whichever comes first: the writer's answer, or the writer leaving. */
  private void answer(Message<JsonObject> message, JsonObject reply) {
    if (pending.remove(message)) {
      message.reply(reply);
    }
  }

  /**
   * The writer left the cluster (its process died or it was cut off): every command forwarded to it
   * and not answered may or may not have been committed; their callers are told so now rather than
   * at their deadlines.
   */
  void writerLost() {
    for (Message<JsonObject> message : List.copyOf(pending)) {
      answer(message, CommandReplies.refused(CommandException.outcomeUnknown(
          "the writer stopped before it answered")));
    }
  }

  private void send(Message<JsonObject> message, JsonObject forwarded, long deadline) {
    long budget = (deadline - System.nanoTime()) / 1_000_000 - HOP_MS;
    if (budget <= 0) {
      answer(message, CommandReplies.refused(503, CommandException.NOT_EXECUTED, "not executed: no server took the "
          + "command in time (the cluster was choosing a new writer); nothing changed, it is safe to send it again"));
      return;
    }
    cluster.eventBus().<JsonObject>request(WRITER + Addresses.COMMANDS, forwarded.copy().put("budgetMs", budget),
            new DeliveryOptions().setSendTimeout(budget + HOP_MS / 2))
        .onSuccess(reply -> answer(message, reply.body()))
        .onFailure(failure -> {
          if (failure instanceof ReplyException replied && replied.failureType() == ReplyFailure.NO_HANDLERS) {
            vertx.setTimer(RETRY_MS, ignored -> {
              if (pending.contains(message)) {
                send(message, forwarded, deadline);
              }
            });
          } else {
            answer(message, CommandReplies.refused(CommandException.outcomeUnknown(
                "the writer took the command but did not answer (it may have stopped)")));
          }
        });
  }

  private void runForwarded(Message<JsonObject> message) {
    JsonObject forwarded = message.body();
    CommandReplies.send(vertx, Caller.fromJson(forwarded.getJsonObject("caller")), forwarded.getString("name"),
            forwarded.getJsonObject("args"), forwarded.getLong("budgetMs"))
        .onSuccess(message::reply);
  }

  private static Future<?> completion(List<MessageConsumer<?>> consumers) {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  private static Future<?> close(List<MessageConsumer<?>> consumers) {
    List<Future<Void>> closing = consumers.stream().map(MessageConsumer::unregister).toList();
    consumers.clear();
    return Future.join(closing);
  }
}
