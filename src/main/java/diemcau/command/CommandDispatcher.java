package diemcau.command;

import diemcau.store.AuditLog;
import diemcau.store.Store;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one door for every change, shared by REST and WebSocket: role check, argument
 * validation, one transaction writing the new state and its audit row, and only after the
 * commit: install in memory, publish, acknowledge.
 *
 * <p>Not thread-safe: it lives on the command verticle's context, and commands run one after
 * another in arrival order, each seeing the state the previous one left.
 */
public final class CommandDispatcher {

  /** Publishes a core's topic after a committed change. */
  @FunctionalInterface
  public interface Publisher {
    void publish(LiveCore core, long rev);
  }

  private record Registration(Set<Role> roles, CommandHandler handler) {}

  private final Map<String, Registration> commands = new HashMap<>();
  private final Map<String, Long> revs = new HashMap<>();
  private final Store store;
  private final Clock clock;
  private final Publisher publisher;
  private Future<?> tail = Future.succeededFuture();

  public CommandDispatcher(Store store, Clock clock, Publisher publisher) {
    this.store = store;
    this.clock = clock;
    this.publisher = publisher;
  }

  public void register(String name, Set<Role> roles, CommandHandler handler) {
    if (commands.putIfAbsent(name, new Registration(Set.copyOf(roles), handler)) != null) {
      throw new IllegalStateException("command registered twice: " + name);
    }
  }

  /** The current revision of {@code topic}; 0 before its first change. */
  public long rev(String topic) {
    return revs.getOrDefault(topic, 0L);
  }

  public void restoreRev(String topic, long rev) {
    revs.put(topic, rev);
  }

  /** Queues a command behind those before it; completes with the topic's new revision. */
  public Future<Long> dispatch(Caller caller, String name, JsonObject args) {
    Future<Long> result = tail.transform(ignored -> execute(caller, name, args));
    tail = result;
    return result;
  }

  /**
   * Publishes a core's topic again for a change that is not a command (a bridge screen coming
   * online): a new revision, queued behind commands in flight so revisions stay in order.
   */
  public void republish(LiveCore core) {
    tail = tail.transform(ignored -> {
      long rev = rev(core.topic()) + 1;
      revs.put(core.topic(), rev);
      publisher.publish(core, rev);
      return Future.succeededFuture();
    });
  }

  private Future<Long> execute(Caller caller, String name, JsonObject rawArgs) {
    Registration registration = commands.get(name);
    if (registration == null) {
      return Future.failedFuture(new CommandException(404, "unknown_command", "name", "unknown command: " + name));
    }
    if (!registration.roles().contains(caller.role())) {
      return Future.failedFuture(caller.role() == Role.VIEWER
          ? new CommandException(401, "unauthorized", null, "this connection is not signed in: " + name + " needs a token")
          : new CommandException(403, "forbidden", null, name + " is not allowed for role " + caller.role().wire()));
    }
    long now = clock.millis();
    Args args = new Args(rawArgs);
    Change change;
    try {
      change = registration.handler().handle(caller, args, now);
      args.requireNoOthers();
    } catch (CommandException e) {
      return Future.failedFuture(e);
    }
    String topic = change.core().topic();
    long rev = rev(topic) + 1;
    JsonObject audited = change.auditArgs() != null ? change.auditArgs() : args.json();
    AuditLog.Entry entry = new AuditLog.Entry(now, caller.id(), caller.role().wire(), name, audited, topic, rev);
    return store.tx(connection -> {
          change.write().run(connection, rev, now);
          AuditLog.append(connection, entry);
          return rev;
        })
        .map(committed -> {
          change.install().run();
          revs.put(topic, committed);
          publisher.publish(change.core(), committed);
          return committed;
        });
  }
}
