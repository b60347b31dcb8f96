package diemcau.live;

import diemcau.command.Addresses;
import diemcau.command.Caller;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import diemcau.command.Commands;
import diemcau.command.LiveCore;
import diemcau.store.CoreStates;
import diemcau.store.Store;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the live cores: restores them from the store, runs every command through the one
 * dispatcher, and publishes each committed change as an encoded state frame on the event bus.
 * Deployed as a worker: each command commits on the thread that runs it. A command whose
 * deadline passed before its turn is not begun ({@link CommandDeadline}): its caller was answered.
 */
public final class CommandVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(CommandVerticle.class);

  private final Store store;
  private final Clock clock;
  private final LiveHub hub;
  private final List<LiveCore> cores;
  private final List<Commands> others;
  private CommandDispatcher dispatcher;

  /** {@code others}: commands that span cores (they change the cores' states through their own changes). */
  public CommandVerticle(Store store, Clock clock, LiveHub hub, List<LiveCore> cores, List<Commands> others) {
    this.store = store;
    this.clock = clock;
    this.hub = hub;
    this.cores = List.copyOf(cores);
    this.others = List.copyOf(others);
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
          cores.forEach(core -> {
            publish(core, dispatcher.rev(core.topic()));
            core.start(vertx, () -> dispatcher.republish(core));
          });
          return Future.join(
              vertx.eventBus().<JsonObject>localConsumer(Addresses.COMMANDS, this::onCommand).completion(),
              vertx.eventBus().<JsonObject>localConsumer(Addresses.SETTLE, this::onSettle).completion());
        });
  }

  private void onCommand(Message<JsonObject> message) {
    JsonObject request = message.body();
    if (!CommandDeadline.begin(vertx, request)) {
      LOG.warn("command {} not begun: its deadline passed before its turn, its caller was told it was not executed",
          request.getString("name"));
      return;
    }
    Caller caller = Caller.fromJson(request.getJsonObject("caller"));
    String name = request.getString("name");
    dispatcher.dispatch(caller, name, request.getJsonObject("args"))
        .onSuccess(rev -> message.reply(CommandReplies.accepted(rev)))
        .onFailure(failure -> {
          if (failure instanceof CommandException refused) {
            message.reply(CommandReplies.refused(refused));
          } else {
            LOG.error("command {} failed", name, failure);
            message.reply(CommandReplies.refused(500, "internal", "the command failed and changed nothing"));
          }
        });
  }

  /** Answers once the commands before it have finished and a commit in doubt is settled. */
  private void onSettle(Message<JsonObject> message) {
    try {
      dispatcher.settle();
      message.reply(new JsonObject().put("ok", true));
    } catch (CommandException refused) {
      message.reply(CommandReplies.refused(refused));
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
