package diemcau.command;

import diemcau.store.AuditLog;
import diemcau.store.Store;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one door for every change, shared by REST and WebSocket: role check, argument
 * validation, one transaction writing the new state and its audit row, and only after the
 * commit: install in memory, publish, acknowledge.
 *
 * <p>Not thread-safe: it lives on the command verticle's worker context, where commands run one
 * after another in arrival order, each seeing the state the previous one left, and each commits
 * on that same thread: no hand-off to a pool and back between a command and its publication.
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

  /**
   * Runs a command to its end, blocking on its transaction: completed with the topic's new
   * revision once committed and published; failed with a {@link CommandException} if refused, or
   * with whatever else went wrong (the commit, a bug in a handler), never thrown.
   */
  public Future<Long> dispatch(Caller caller, String name, JsonObject args) {
    try {
      return Future.succeededFuture(execute(caller, name, args));
    } catch (SQLException | RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private long execute(Caller caller, String name, JsonObject rawArgs) throws SQLException {
    Registration registration = commands.get(name);
    if (registration == null) {
      throw new CommandException(404, "unknown_command", "name", "unknown command: " + name);
    }
    if (!registration.roles().contains(caller.role())) {
      throw caller.role() == Role.VIEWER
          ? new CommandException(401, "unauthorized", null, "this connection is not signed in: " + name + " needs a token")
          : new CommandException(403, "forbidden", null, name + " is not allowed for role " + caller.role().wire());
    }
    long now = clock.millis();
    Args args = new Args(rawArgs);
    Change change = registration.handler().handle(caller, args, now);
    args.requireNoOthers();
    List<Change> parts = change.parts();
    Map<String, Long> next = new LinkedHashMap<>();
    for (Change part : parts) {
      next.putIfAbsent(part.core().topic(), rev(part.core().topic()) + 1);
    }
    String topic = change.core().topic();
    long rev = next.get(topic);
    JsonObject audited = change.auditArgs() != null ? change.auditArgs() : args.json();
    AuditLog.Entry entry = new AuditLog.Entry(now, caller.id(), caller.role().wire(), name, audited, topic, rev);
    store.inTransaction(connection -> {
      for (Change part : parts) {
        part.write().run(connection, next.get(part.core().topic()), now);
      }
      AuditLog.append(connection, entry);
      return null;
    });
    parts.forEach(part -> part.install().run());
    revs.putAll(next);
    Map<String, LiveCore> published = new LinkedHashMap<>();
    parts.forEach(part -> published.putIfAbsent(part.core().topic(), part.core()));
    published.forEach((changed, core) -> publisher.publish(core, next.get(changed)));
    return rev;
  }

  /**
   * Publishes a core's topic again for a change that is not a command (a bridge screen coming
   * online): a new revision, after every command before it.
   */
  public void republish(LiveCore core) {
    long rev = rev(core.topic()) + 1;
    revs.put(core.topic(), rev);
    publisher.publish(core, rev);
  }
}
