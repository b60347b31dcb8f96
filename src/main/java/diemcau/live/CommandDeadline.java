package diemcau.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A command's deadline, set by the door that took it: by then its caller has an answer.
 *
 * <p>The door and the command worker settle who answers with one atomic step on the command's
 * claim (a local map entry under the request's {@code id}). The worker may begin a command only
 * by taking the claim, and only before the deadline; the door, when the deadline passes without
 * an answer, takes the claim back if it is still there and answers "not executed" (true: the
 * worker can no longer begin it), or else answers "outcome unknown" (the worker had begun it).
 * So a command answered "not executed" never runs later, whatever the worker was waiting for.
 *
 * <p>The request carries the deadline as a field, {@code deadline}: the {@link System#nanoTime()}
 * by which the caller is answered.
 */
public final class CommandDeadline {

  /** How long the MC's and the scripts' commands may take, from the door to the answer. */
  public static final long COMMAND_MS = 5_000;
  /** How long an import may take: a 100,000-row file writes for a few seconds. */
  public static final long IMPORT_MS = 60_000;

  private static final String CLAIMS = "diemcau.command.claims";
  private static final AtomicLong IDS = new AtomicLong();

  private CommandDeadline() {}

  /** Gives {@code request} its id and deadline, {@code ms} from now, and registers its claim. */
  static JsonObject stamp(Vertx vertx, JsonObject request, long ms) {
    String id = Long.toString(IDS.incrementAndGet(), 36);
    request.put("id", id).put("deadline", System.nanoTime() + ms * 1_000_000);
    claims(vertx).put(id, Boolean.TRUE);
    return request;
  }

  /**
   * The worker's check before it begins a command: true if the deadline has not passed and the
   * claim was still there (now taken), false if the caller is (or is about to be) answered "not
   * executed": the command must then not run.
   */
  public static boolean begin(Vertx vertx, JsonObject request) {
    Long deadline = request.getLong("deadline");
    if (deadline == null || System.nanoTime() - deadline >= 0) {
      return false;
    }
    return claims(vertx).removeIfPresent(request.getString("id"), Boolean.TRUE);
  }

  /**
   * The door's step when the deadline passed without an answer: true if the worker had not begun
   * the command (and now never will), false if it had.
   */
  static boolean withdraw(Vertx vertx, JsonObject request) {
    return claims(vertx).removeIfPresent(request.getString("id"), Boolean.TRUE);
  }

  private static LocalMap<String, Boolean> claims(Vertx vertx) {
    return vertx.sharedData().getLocalMap(CLAIMS);
  }
}
