package diemcau.participation;

import io.vertx.core.shareddata.Shareable;
import java.util.List;

/**
 * A parsed, fully valid upload on its way from the web edge to the {@code participation.import}
 * command. It waits in the local map {@link #MAP} under {@code id}, which is the command's only
 * argument, so the rows are handed over in-process, without copying and without passing
 * through the audit log. Immutable once created, except for the outcome the command records
 * for the upload's reply.
 *
 * @param source "csv" or "json"
 * @param sha256 of the uploaded bytes, for the audit log
 */
public record Batch(String id, String source, String sha256, List<Person> rows, Outcome outcome) implements Shareable {

  /** The local map (per Vert.x instance) where batches wait for their command. */
  public static final String MAP = "diemcau.participation.batches";

  /** What the import changed, set by the command before it commits. */
  public static final class Outcome {
    private volatile PersonRecords.Diff diff;
    private volatile long diffNanos;
    private volatile long writeNanos;

    void set(PersonRecords.Diff diff) {
      this.diff = diff;
    }

    PersonRecords.Diff diff() {
      return diff;
    }

    /** How long the diff and the statements of the write took (the commit comes after). */
    void timed(long diffNanos, long writeNanos) {
      this.diffNanos = diffNanos;
      this.writeNanos = writeNanos;
    }

    long diffMs() {
      return diffNanos / 1_000_000;
    }

    long writeMs() {
      return writeNanos / 1_000_000;
    }
  }

  public Batch {
    rows = List.copyOf(rows);
  }

  public Batch(String id, String source, String sha256, List<Person> rows) {
    this(id, source, sha256, rows, new Outcome());
  }
}
