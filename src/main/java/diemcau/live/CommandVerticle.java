package diemcau.live;

import diemcau.command.CommandPipe;
import diemcau.command.Addresses;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import diemcau.command.CommandRequest;
import diemcau.command.CommandResult;
import diemcau.command.Commands;
import diemcau.command.LiveCore;
import diemcau.store.CoreStates;
import diemcau.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the live cores: restores them from the store, runs every command through the one
 * dispatcher, and publishes each committed change as an encoded state frame on the event bus.
 * Deployed as a worker: each command commits on the thread that runs it. A command whose
 * deadline passed before its turn is not begun ({@link CommandPipe.Deadline}): its caller was answered.
 */
public final class CommandVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(CommandVerticle.class);
  /** The latency histogram's bucket bounds: a button's answer is felt above ~100 ms, the deadline is 5 s. */
  private static final Duration[] LATENCY_BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
      .map(Duration::ofMillis).toArray(Duration[]::new);

  private final Store store;
  private final Clock clock;
  private final LiveHub hub;
  private final List<LiveCore> cores;
  private final List<Commands> others;
  private final MeterRegistry registry;
  private CommandDispatcher dispatcher;

  /**
   * {@code others}: commands that span cores (they change the cores' states through their own
   * changes); {@code registry}: where each command's latency is recorded, by name and outcome.
   */
  public CommandVerticle(Store store, Clock clock, LiveHub hub, List<LiveCore> cores, List<Commands> others,
      MeterRegistry registry) {
    this.store = store;
    this.clock = clock;
    this.hub = hub;
    this.cores = List.copyOf(cores);
    this.others = List.copyOf(others);
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    dispatcher = new CommandDispatcher(store, clock, this::publish);
    cores.forEach(core -> core.register(dispatcher));
    others.forEach(commands -> commands.register(dispatcher));
    return store.tx(connection -> {
          for (LiveCore core : cores) {
            CoreStates.load(connection, core.topic()).ifPresent(stored -> {
              core.restore(stored.state());
              dispatcher.restoreRev(core.topic(), stored.rev());
            });
          }
          return null;
        })
        .compose(ignored -> {
          List<Future<Void>> started = new ArrayList<>();
          cores.forEach(core -> {
            publish(core, dispatcher.rev(core.topic()));
            started.add(core.start(vertx, () -> dispatcher.republish(core)));
          });
          started.add(vertx.eventBus().<CommandRequest>localConsumer(Addresses.COMMANDS, this::onCommand).completion());
          started.add(vertx.eventBus().<Void>localConsumer(Addresses.SETTLE, this::onSettle).completion());
          return Future.all(started);
        });
  }

  private void onCommand(Message<CommandRequest> message) {
    CommandRequest request = message.body();
    if (!request.deadline().begin()) {
      LOG.warn("command {} not begun: its deadline passed before its turn, its caller was told it was not executed",
          request.name());
      measure(request, CommandException.NOT_EXECUTED);
      return;
    }
    CommandResult result = dispatcher.dispatch(request);
    message.reply(result);
    measure(request, result.ok() ? "ok" : result.error().code());
  }

  /**
   * Records the time from the door's taking of a command to its answer, as
   * {@code diemcau_commands_seconds{command, outcome}}: the outcome is "ok" or the refusal's code;
   * a name no command has is counted as "unknown" (names come from outside: they must not grow
   * the series without bound).
   */
  private void measure(CommandRequest request, String outcome) {
    Timer.builder("diemcau.commands")
        .description("Commands from the door's taking to their answer, by name and outcome")
        .tag("command", dispatcher.has(request.name()) ? request.name() : "unknown")
        .tag("outcome", outcome)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry)
        .record(request.deadline().elapsedNanos(), TimeUnit.NANOSECONDS);
  }

  /** Answers once the commands before it have finished and a commit in doubt is settled. */
  private void onSettle(Message<Void> message) {
    try {
      dispatcher.settle();
      message.reply(CommandResult.answer(null));
    } catch (CommandException refused) {
      message.reply(CommandResult.refused(refused.error()));
    }
  }

  private void publish(LiveCore core, long rev) {
    Frame frame = Frame.state(hub.epoch(), core.topic(), rev, clock.millis(), core.topicData(clock.millis()));
    hub.offer(frame);
    vertx.eventBus().publish(Addresses.STATE, frame.buffer(), new DeliveryOptions()
        .addHeader("topic", frame.topic())
        .addHeader("rev", Long.toString(rev)));
  }
}
