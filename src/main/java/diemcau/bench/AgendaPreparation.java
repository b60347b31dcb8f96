package diemcau.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Puts the agenda where the MC's steps can run: an item running, with a next item after it. When
 * no day's programme is in progress, the conference's day is served (the final's programme is left
 * alone: its slots decide whether the order may still be drawn); then the agenda is started or
 * resumed, and moved back one item if it stands on the last.
 */
final class AgendaPreparation {

  private static final String CONFERENCE = "conference";

  private AgendaPreparation() {}

  /** What it did ({@code day}, {@code started}, {@code resumed}, {@code movedBack}) and whether steps can run ({@code steppable}). */
  static JsonObject run(BenchRig rig, ServerUnderTest server) throws Exception {
    JsonObject done = new JsonObject();
    JsonObject agenda = server.state("agenda");
    if (!inProgress(agenda) && !CONFERENCE.equals(agenda.getString("day"))) {
      try {
        server.command("agenda.day", new JsonObject().put("day", CONFERENCE));
        agenda = server.state("agenda");
      } catch (IllegalStateException refused) {
        rig.step("  the conference's day could not be served (%s): the bench runs the day served", refused.getMessage());
      }
    }
    String status = agenda.getString("status");
    if ("idle".equals(status) || "ended".equals(status)) {
      server.command("agenda.start", null);
      done.put("started", true);
    } else if ("paused".equals(status)) {
      server.command("agenda.resume", null);
      done.put("resumed", true);
    }
    agenda = server.state("agenda");
    if (!hasNext(agenda) && agenda.getInteger("current", 0) > 0) {
      server.command("agenda.goto", new JsonObject().put("index", agenda.getInteger("current") - 1));
      done.put("movedBack", true);
      agenda = server.state("agenda");
    }
    return done.put("day", agenda.getString("day")).put("steppable", inProgress(agenda) && hasNext(agenda));
  }

  /** An item runs (or is paused) and another follows it in the programme. */
  private static boolean hasNext(JsonObject agenda) {
    Integer current = agenda.getInteger("current");
    return current != null && current + 1 < agenda.getJsonArray("items", new JsonArray()).size();
  }

  private static boolean inProgress(JsonObject agenda) {
    String status = agenda.getString("status");
    return "running".equals(status) || "paused".equals(status);
  }
}
