package diemcau.command;

import java.util.concurrent.atomic.AtomicBoolean;

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
public final class CommandDeadline {

  /** How long the MC's and the scripts' commands may take, from the door to the answer. */
  public static final long COMMAND_MS = 5_000;
  /** How long an import may take: a 100,000-row file writes for a few seconds. */
  public static final long IMPORT_MS = 60_000;

  private final long ms;
  private final long dueNanos;
  private final AtomicBoolean claimed = new AtomicBoolean();

  /** A deadline {@code ms} from now. */
  public CommandDeadline(long ms) {
    this.ms = ms;
    this.dueNanos = System.nanoTime() + ms * 1_000_000;
  }

  /** How long the command was given, in milliseconds. */
  public long ms() {
    return ms;
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
