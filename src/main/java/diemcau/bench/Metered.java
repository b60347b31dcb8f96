package diemcau.bench;

import io.vertx.core.json.JsonObject;

/** What the bench reads a server's cost from: one server, or every node of a cluster summed ({@link Nodes}). */
interface Metered {

  /** The figures of {@code GET /api/metrics} (after a GC when asked), or null without the admin token. */
  JsonObject metrics(boolean gc) throws Exception;
}
