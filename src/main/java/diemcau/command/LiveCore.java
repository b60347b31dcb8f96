package diemcau.command;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A piece of live state that commands change: held in memory on the command verticle's
 * context, persisted as JSON anchors, and published as one topic.
 */
public interface LiveCore extends Commands {

  /** The topic this core publishes, also the name its state is stored under. */
  String topic();

  /** The topic's public data at {@code now}: safe for any screen. */
  JsonObject topicData(long now);

  /** Installs a state read back from the store at start-up. */
  void restore(JsonObject stored);

  /**
   * Starts whatever the core watches or answers besides commands, on the command verticle's
   * context; {@code republish} publishes the topic again after such a change. Completes once
   * its event-bus consumers are registered: the server accepts connections only after that.
   */
  default Future<Void> start(Vertx vertx, Runnable republish) {
    return Future.succeededFuture();
  }
}
