package diemcau.command;

import diemcau.store.AuditLog;
import diemcau.store.CommitInDoubtException;
import diemcau.store.Store;
import diemcau.store.StoreUnavailableException;
import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door for every change, shared by REST and WebSocket: role check, argument
 * validation, one transaction writing the new state and its audit row, and only after the
 * commit: install in memory, publish, acknowledge.
 *
 * <p>Not thread-safe: it lives on the command verticle's worker context, where commands run one
 * after another in arrival order, each seeing the state the previous one left, and each commits
 * on that same thread: no hand-off to a pool and back between a command and its publication.
 *
 * <p>A commit that the database does not confirm leaves its change in doubt: nothing is
 * installed, its revision is kept aside, and before anything else runs the change is settled
 * by asking the database whether its audit row is there: installed and published if it is,
 * dropped if not. Until the database answers that, every command is refused
 * ({@code database_unavailable}, not executed), so none runs on a state that may be stale.
 */
public final class CommandDispatcher {

  /** Publishes a core's topic after a committed change. */
  @FunctionalInterface
  public interface Publisher {
    void publish(LiveCore core, long rev);
  }

  private record Registration(Set<Role> roles, CommandHandler handler) {}

  /** A change whose commit was not confirmed, the revision each of its topics was given, and what tells whether it landed. */
  private record InDoubt(List<Change> parts, Map<String, Long> revs, AuditLog.Entry entry, CommitInDoubtException doubt) {}

  private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

  private final Map<String, Registration> commands = new HashMap<>();
  private final Map<String, Long> revs = new HashMap<>();
  private final Store store;
  private final Clock clock;
  private final Publisher publisher;
  private InDoubt inDoubt;

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

  /** Whether a command of this name is registered. */
  public boolean has(String name) {
    return commands.containsKey(name);
  }

  /** The current revision of {@code topic}; 0 before its first change. */
  public long rev(String topic) {
    return revs.getOrDefault(topic, 0L);
  }

  public void restoreRev(String topic, long rev) {
    revs.put(topic, rev);
  }

  /**
   * Runs a command to its end, blocking on its transaction, and says what became of it: accepted
   * with its topic's new revision (and the data its change answers with) once committed and
   * published; refused with the {@link CommandException}'s reason, or when the database failed;
   * "internal" (500, logged) when anything else went wrong (a bug in a handler). Never throws.
   */
  public CommandResult dispatch(CommandRequest request) {
    try {
      return execute(request);
    } catch (CommandException refused) {
      return CommandResult.refused(refused.error());
    } catch (RuntimeException bug) {
      LOG.error("command {} failed", request.name(), bug);
      return CommandResult.refused(500, "internal", "the command failed and changed nothing");
    }
  }

  private CommandResult execute(CommandRequest request) {
    settle();
    Caller caller = request.caller();
    String name = request.name();
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
    Args args = new Args(request.args(), request.attachment());
    Change change = registration.handler().handle(caller, args, now);
    args.requireNoOthers();
    List<Change> parts = change.parts();
    Map<String, Long> next = new LinkedHashMap<>();
    for (Change part : parts) {
      next.putIfAbsent(part.topic(), rev(part.topic()) + 1);
    }
    String topic = change.topic();
    long rev = next.get(topic);
    JsonObject audited = change.auditArgs() != null ? change.auditArgs() : args.json();
    AuditLog.Entry entry = new AuditLog.Entry(now, caller.id(), caller.role().wire(), name, audited, topic, rev);
    try {
      store.inTransaction(connection -> {
        for (Change part : parts) {
          part.write().run(connection, next.get(part.topic()), now);
        }
        AuditLog.append(connection, entry);
        return null;
      });
    } catch (CommitInDoubtException doubt) {
      LOG.warn("command {}: the database did not confirm its commit; settled before the next command", name, doubt);
      inDoubt = new InDoubt(parts, next, entry, doubt);
      revs.putAll(next);
      throw CommandException.outcomeUnknown("the database did not confirm the commit");
    } catch (SQLException e) {
      throw unavailable(name, e);
    }
    apply(parts, next);
    return CommandResult.accepted(rev, change.reply());
  }

  /**
   * Settles a change whose commit was in doubt, if there is one: applies it if it landed, drops it
   * if not. Refused ({@code database_unavailable}) while the database cannot say.
   */
  public void settle() {
    if (inDoubt == null) {
      return;
    }
    InDoubt pending = inDoubt;
    boolean landed;
    try {
      landed = store.committed(pending.doubt(), connection -> AuditLog.contains(connection, pending.entry()));
    } catch (SQLException e) {
      throw unavailable("settling " + pending.entry().command(), e);
    }
    inDoubt = null;
    LOG.warn("command {} whose commit was in doubt {}", pending.entry().command(),
        landed ? "had been committed: applied and published now" : "had not been committed: dropped");
    if (landed) {
      Map<String, Long> next = new LinkedHashMap<>();
      pending.revs().forEach((topic, reserved) -> next.put(topic, rev(topic) == reserved ? reserved : rev(topic) + 1));
      apply(pending.parts(), next);
    }
  }

  /** Installs committed parts in memory, then publishes each topic they changed once, at its new revision. */
  private void apply(List<Change> parts, Map<String, Long> next) {
    parts.forEach(part -> part.install().run());
    revs.putAll(next);
    Map<String, LiveCore> published = new LinkedHashMap<>();
    parts.stream().filter(part -> part.core() != null).forEach(part -> published.putIfAbsent(part.topic(), part.core()));
    published.forEach((changed, core) -> publisher.publish(core, next.get(changed)));
  }

  private static CommandException unavailable(String what, SQLException e) {
    LOG.warn("{}: not applied, the database failed", what, e);
    return CommandException.databaseUnavailable(e instanceof StoreUnavailableException ? e.getMessage() : "it refused the change");
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
