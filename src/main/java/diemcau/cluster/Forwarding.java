package diemcau.cluster;

import diemcau.command.Addresses;
import diemcau.command.CommandException;
import diemcau.command.CommandPipe;
import diemcau.command.CommandRequest;
import diemcau.command.CommandResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a command (or a read the command worker answers) taken on any node reaches the writer.
 *
 * <p>On a follower, the local addresses the doors send to are served by forwarders, which send the
 * request to the writer's cluster-wide address; only the writer registers those. A command keeps
 * its deadline across the hop: the follower takes the door's claim (from then on, the door answers
 * "outcome unknown" at the deadline unless the writer's answer came) and sends the writer what is
 * left of the deadline less {@link #HOP_MS} (the request's wire form carries it,
 * {@link CommandPipe#register}); the writer hands it to its own command worker with that
 * deadline, so it answers "not executed" itself for a command its worker never began, and a command
 * begins nowhere after its deadline. While there is no writer (a failover), the follower sends again
 * every {@link #RETRY_MS} and answers "not executed" if none came in time; if the writer leaves the
 * cluster before it answered, or the database names its successor (the lock poll reads the term
 * every {@link ClusterNode#TICK_MS}), the follower answers "outcome unknown" at once.
 *
 * <p>The writer's addresses carry its epoch: a follower sends to the term the database named last,
 * and holds its commands while that writer is known to have left, until it reads the next term. So
 * no command goes to a dead writer whose registrations the cluster has not dropped yet.
 */
final class Forwarding {

  /** Reads the command worker answers, forwarded as they are. */
  static final List<String> QUERIES = List.of(Addresses.SETTLE, Addresses.FINAL_VIEWS, Addresses.LEADERBOARD);
  /** What the forwarded answer needs to come back across the cluster, taken off the writer's deadline. */
  static final long HOP_MS = 300;
  static final long RETRY_MS = 100;
  private static final String WRITER = "diemcau.cluster.writer.";

  private final Vertx vertx;
  private final Vertx cluster;
  private final List<MessageConsumer<?>> follower = new ArrayList<>();
  private final List<MessageConsumer<?>> writer = new ArrayList<>();
  /**
   * Commands taken and not answered yet, each with the term of the writer it was sent to (0 while
   * it waits for one): answered at once if that writer leaves the cluster or is succeeded.
   */
  private final Map<Message<CommandRequest>, Long> pending = new ConcurrentHashMap<>();
  /** The writer's epoch as the database said last (0: none known yet). */
  private volatile long epoch;
  /** The epoch of the writer known to have left (0: none). */
  private volatile long lost;

  /** {@code vertx}: the server's own (local) Vert.x; {@code cluster}: the one on the cluster's bus. */
  Forwarding(Vertx vertx, Vertx cluster) {
    this.vertx = vertx;
    this.cluster = cluster;
  }

  /** The follower's forwarders; the node must not run a command worker meanwhile. */
  Future<?> openFollower() {
    if (!follower.isEmpty()) {
      return Future.succeededFuture(); // still open: the node never became writer
    }
    follower.add(vertx.eventBus().<CommandRequest>localConsumer(Addresses.COMMANDS, this::forwardCommand));
    for (String address : QUERIES) {
      follower.add(vertx.eventBus().localConsumer(address, message -> cluster.eventBus()
          .request(writer(epoch) + address, message.body(), new DeliveryOptions().setSendTimeout(CommandPipe.COMMAND_MS))
          .onSuccess(reply -> message.reply(reply.body()))
          .onFailure(failure -> message.fail(503, "the writer did not answer: " + failure.getMessage()))));
    }
    return completion(follower);
  }

  /** The writer's cluster-wide addresses for its term {@code term}, served by its own local ones. */
  Future<?> openWriter(long term) {
    writerEpoch(term);
    writer.add(cluster.eventBus().<CommandRequest>consumer(writer(term) + Addresses.COMMANDS,
        message -> CommandPipe.send(vertx, message.body()).onSuccess(message::reply)));
    for (String address : QUERIES) {
      writer.add(cluster.eventBus().consumer(writer(term) + address, message -> vertx.eventBus()
          .request(address, message.body(), new DeliveryOptions().setSendTimeout(CommandPipe.COMMAND_MS))
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

  /**
   * The writer left the cluster (its process died or it was cut off): every command forwarded to it
   * and not answered may or may not have been committed; their callers are told so now rather than
   * at their deadlines.
   */
  void writerLost() {
    lost = epoch;
    answerSentBefore(Long.MAX_VALUE);
  }

  /**
   * The writer's term as the database says now. A newer term means the writer the pending commands
   * were sent to can commit nothing more (its epoch was succeeded): whatever it did is done, and
   * their callers are told so now rather than when the cluster sees it gone.
   */
  void writerEpoch(long term) {
    epoch = term;
    answerSentBefore(term);
  }

  private void answerSentBefore(long term) {
    pending.forEach((message, sentTo) -> {
      if (sentTo != 0 && sentTo < term) {
        answer(message, CommandResult.refused(CommandException.outcomeUnknown("the writer stopped before it answered").error()));
      }
    });
  }

  private static String writer(long term) {
    return WRITER + term + ".";
  }

  private void forwardCommand(Message<CommandRequest> message) {
    if (!message.body().deadline().begin()) {
      return; // the door answers "not executed"
    }
    pending.put(message, 0L);
    send(message);
  }

  private void send(Message<CommandRequest> message) {
    CommandRequest request = message.body();
    long budget = request.deadline().remainingMs() - HOP_MS;
    if (budget <= 0) {
      answer(message, CommandResult.refused(503, CommandException.NOT_EXECUTED, "not executed: no server took the "
          + "command in time (the cluster was choosing a new writer); nothing changed, it is safe to send it again"));
      return;
    }
    long term = epoch;
    if (term == 0 || term == lost) {
      retry(message); // no writer known alive: wait for the next term
      return;
    }
    pending.replace(message, term);
    CommandRequest forwarded = new CommandRequest(request.caller(), request.name(), request.args(), request.attachment(),
        new CommandPipe.Deadline(budget));
    cluster.eventBus().<CommandResult>request(writer(term) + Addresses.COMMANDS, forwarded,
            new DeliveryOptions().setSendTimeout(budget + HOP_MS / 2))
        .onSuccess(reply -> answer(message, reply.body()))
        .onFailure(failure -> {
          if (failure instanceof ReplyException replied && replied.failureType() == ReplyFailure.NO_HANDLERS) {
            retry(message);
          } else {
            answer(message, CommandResult.refused(CommandException.outcomeUnknown(
                "the writer took the command but did not answer (it may have stopped)").error()));
          }
        });
  }

  private void retry(Message<CommandRequest> message) {
    pending.replace(message, 0L); // not delivered: it waits for a writer
    vertx.setTimer(RETRY_MS, ignored -> {
      if (pending.containsKey(message)) {
        send(message);
      }
    });
  }

  /** Answers once, whichever comes first: the writer's answer, or the writer leaving or being succeeded. */
  private void answer(Message<CommandRequest> message, CommandResult result) {
    if (pending.remove(message) != null) {
      message.reply(result);
    }
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
