package diemcau.simulate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar diemcau.jar simulate --url URL --admin-token T}: plays stage 1 into a running
 * server through its REST doors, for rehearsals and to watch the screens move. Every unit gets
 * a plausible headcount (only where it has none), a participation appetite between about 45%
 * and 100%, people who enrol and complete over the stage's days with a burst before the
 * deadline, and quiz scores around the unit's own level, on the stage's days in the event's zone
 * (as the server's {@code /api/event} gives it). The whole stage plays in
 * {@code --minutes} (divided by {@code --speed}); it sends at most {@code --max-requests}
 * requests, and only to {@code --url}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Plays realistic stage-1 participation into a running server (rehearsals, screens).",
        "Afterwards rehearsal.reset {parts: [\"participation\"], confirm: \"DAT LAI\"} (or /admin, \"Đặt lại sau diễn tập\")",
        "removes it, and the headcounts it gave, keeping every printed link."})
public final class SimulateCommand implements Callable<Integer> {

  private static final long DAY_MS = 86_400_000L;
  private static final long TICK_MS = 1_000;

  @Option(names = "--url", required = true, description = "The server, e.g. http://127.0.0.1:8080.")
  URI url;

  @Option(names = "--admin-token", required = true, defaultValue = "${env:DIEMCAU_ADMIN_TOKEN}",
      description = "The admin token (DIEMCAU_ADMIN_TOKEN).")
  String token;

  @Option(names = "--minutes", defaultValue = "2", description = "Wall-clock minutes for the whole stage at speed 1 (default 2).")
  double minutes;

  @Option(names = "--speed", defaultValue = "1", description = "Plays this many times faster (default 1).")
  double speed;

  @Option(names = "--from", defaultValue = "2026-05-28", description = "First day of the stage (default 2026-05-28).")
  LocalDate from;

  @Option(names = "--to", defaultValue = "2026-06-10", description = "Last day of the stage (default 2026-06-10).")
  LocalDate to;

  @Option(names = "--max-requests", defaultValue = "2000", description = "Stops after this many requests (default 2000).")
  int maxRequests;

  @Option(names = "--seed", defaultValue = "2026", description = "Random seed: the same seed plays the same stage.")
  long seed;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int requests;
  /** The event's zone, as the server gives it: the stage's days and the records' times are in it. */
  private ZoneId zone;

  /** One simulated person: when they enrol and complete (epoch ms, null for never) and their score. */
  private record Learner(String unit, String id, long enrolAt, Long completeAt, double score) {}

  @Override
  public Integer call() throws Exception {
    if (speed <= 0 || minutes <= 0 || to.isBefore(from) || maxRequests < 3) {
      System.err.println("simulate: --speed and --minutes must be > 0, --to not before --from, --max-requests at least 3");
      return 2;
    }
    zone = ZoneId.of(get("/api/event").getString("zone"));
    Random random = new Random(seed);
    List<JsonObject> rows = new ArrayList<>();
    for (Object group : get("/api/state/leaderboard").getJsonArray("groups")) {
      ((JsonObject) group).getJsonArray("rows").forEach(row -> rows.add((JsonObject) row));
    }
    StringBuilder headcounts = new StringBuilder("unit,headcount\n");
    List<Learner> learners = new ArrayList<>();
    long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
    long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    for (JsonObject row : rows) {
      boolean department = "DEPARTMENT".equals(row.getString("kind"));
      Integer headcount = row.getInteger("headcount");
      if (headcount == null) {
        headcount = department ? 60 + random.nextInt(340) : 40 + random.nextInt(120);
        headcounts.append(row.getString("unit")).append(',').append(headcount).append('\n');
      }
      learners.addAll(unit(row.getString("unit"), headcount, start, end, random));
    }
    if (headcounts.indexOf("\n") < headcounts.length() - 1) {
      post("/api/participation/headcounts", "text/csv", headcounts.toString());
    }
    learners.sort((a, b) -> Long.compare(a.enrolAt(), b.enrolAt()));
    System.out.printf("simulate: %d units, %d people over %s..%s, into %s%n", rows.size(), learners.size(), from, to, url);
    play(learners, start, end);
    return 0;
  }

  private List<Learner> unit(String unit, int headcount, long start, long end, Random random) {
    double appetite = 0.45 + random.nextDouble() * 0.55;
    double enrolled = Math.min(1, appetite + random.nextDouble() * 0.15);
    double level = 62 + random.nextDouble() * 30;
    long span = end - start;
    List<Learner> learners = new ArrayList<>();
    for (int i = 0; i < Math.round(headcount * enrolled); i++) {
      boolean late = random.nextDouble() < 0.3;
      long enrolAt = late ? end - (long) (random.nextDouble() * 3 * DAY_MS) : start + (long) (Math.pow(random.nextDouble(), 1.6) * span);
      Long completeAt = null;
      if (random.nextDouble() < appetite / enrolled) {
        long delay = (long) (random.nextDouble() * (late ? DAY_MS : 4 * DAY_MS));
        completeAt = Math.min(end - 60_000, enrolAt + delay);
      }
      double score = Math.max(0, Math.min(100, level + random.nextGaussian() * 8));
      learners.add(new Learner(unit, "sim-" + unit + "-" + i, Math.min(enrolAt, end - 120_000), completeAt, Math.round(score * 4) / 4.0));
    }
    return learners;
  }

  /** Sends, once per tick, every enrolment and completion the simulated clock has passed. */
  private void play(List<Learner> learners, long start, long end) throws IOException, InterruptedException {
    long wallMs = (long) (minutes * 60_000 / speed);
    long ticks = Math.max(1, Math.min(wallMs / TICK_MS, maxRequests - 2));
    long previous = start;
    int enrolled = 0;
    int completed = 0;
    for (long tick = 1; tick <= ticks && requests < maxRequests; tick++) {
      long began = System.nanoTime();
      long now = start + (end - start) * tick / ticks;
      JsonArray batch = new JsonArray();
      for (Learner learner : learners) {
        boolean enrols = learner.enrolAt() > previous && learner.enrolAt() <= now;
        boolean completes = learner.completeAt() != null && learner.completeAt() > previous && learner.completeAt() <= now;
        if (enrols || completes) {
          batch.add(record(learner, now));
          enrolled += enrols ? 1 : 0;
          completed += completes ? 1 : 0;
        }
      }
      previous = now;
      if (!batch.isEmpty()) {
        post("/api/participation", "application/json", batch.encode());
      }
      System.out.printf("simulate: %s  %d enrolled, %d completed (%d requests)%n",
          DateTimeFormatter.ofPattern("dd/MM HH:mm").format(Instant.ofEpochMilli(now).atZone(zone)),
          enrolled, completed, requests);
      Thread.sleep(Math.max(0, TICK_MS - (System.nanoTime() - began) / 1_000_000));
    }
  }

  private JsonObject record(Learner learner, long now) {
    boolean done = learner.completeAt() != null && learner.completeAt() <= now;
    long last = done ? learner.completeAt() : learner.enrolAt();
    return new JsonObject()
        .put("unit", learner.unit())
        .put("person", learner.id())
        .put("name", "Học viên " + learner.id().substring(learner.id().lastIndexOf('-') + 1))
        .put("enrolledAt", iso(learner.enrolAt()))
        .put("completedAt", done ? iso(learner.completeAt()) : null)
        .put("score", done ? learner.score() : null)
        .put("lastActivityAt", iso(last));
  }

  private String iso(long epochMs) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(epochMs).atZone(zone));
  }

  private JsonObject get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(url.resolve(path)).GET());
  }

  private void post(String path, String type, String body) throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(url.resolve(path)).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonObject send(HttpRequest.Builder request) throws IOException, InterruptedException {
    requests++;
    HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(request.build().uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }
}
