package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.event.AgendaItem;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Drives a test server through stage 2 and the final over REST, as the consoles would. */
public final class FinalFixture {

  /** Criterion ids of the shipped rubric, with their maxima 25, 25, 20, 15, 15. */
  static final List<String> CRITERIA = List.of("thuc-tien", "hieu-qua", "sang-tao", "nhan-rong", "thuyet-trinh");

  private final TestServer server;

  public FinalFixture(TestServer server) {
    this.server = server;
  }

  public Rest.Reply admin(String name, JsonObject args) throws Exception {
    return Rest.command(server.port, TestServer.ADMIN_TOKEN, name, args);
  }

  public Rest.Reply mc(String name, JsonObject args) throws Exception {
    return Rest.command(server.port, TestServer.MC_TOKEN, name, args);
  }

  public Rest.Reply as(String token, String name, JsonObject args) throws Exception {
    return Rest.command(server.port, token, name, args);
  }

  /** A command that must be accepted. */
  public JsonObject ok(Rest.Reply reply) {
    assertThat(reply.status()).as(reply.body().encode()).isEqualTo(200);
    return reply.body();
  }

  /** Five scores, one per criterion in rubric order. */
  public static JsonObject scores(double... values) {
    JsonObject scores = new JsonObject();
    for (int i = 0; i < CRITERIA.size(); i++) {
      scores.put(CRITERIA.get(i), values[i]);
    }
    return scores;
  }

  /** A time inside the stage-2 window of the shipped event (12/6 – 16/6/2026). */
  public static final String IN_STAGE2 = "2026-06-14T09:30:00+07:00";

  /**
   * Stage 1 as the stage-2 guards need it: the eleven units of {@link States#STAGE2} above the
   * cut line (20 staff each, 20, 19, … 10 of them completed), nobody else with a completion.
   * Waits for stage 1 to be loaded from the store, and then for the leaderboard to show it.
   */
  public void stage1() throws Exception {
    JsonObject headcounts = new JsonObject();
    JsonArray people = new JsonArray();
    for (int i = 0; i < States.STAGE2.size(); i++) {
      String unit = States.STAGE2.get(i);
      headcounts.put(unit, 20);
      for (int p = 0; p < 20 - i; p++) {
        people.add(new JsonObject().put("unit", unit).put("person", unit + "-" + p)
            .put("enrolledAt", "2026-05-29T08:00:00+07:00").put("completedAt", "2026-06-02T10:00:00+07:00").put("score", 80));
      }
    }
    long loading = System.currentTimeMillis() + 15_000;
    while (!Rest.get(server.port, "/api/state/leaderboard", null).body().getBoolean("ready", false)) {
      assertThat(System.currentTimeMillis()).as("stage 1 loaded from the store").isLessThan(loading);
      Thread.sleep(50);
    }
    ok(admin("units.headcounts", new JsonObject().put("headcounts", headcounts)));
    Rest.Reply imported = Rest.post(server.port, "/api/participation", TestServer.ADMIN_TOKEN, people.encode());
    assertThat(imported.status()).as(imported.body().encode()).isEqualTo(200);
    long deadline = System.currentTimeMillis() + 15_000;
    while (!qualified(States.STAGE2)) {
      assertThat(System.currentTimeMillis()).as("the leaderboard shows the stage-2 units qualified").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** True when the public leaderboard shows every one of {@code units} above the cut line. */
  private boolean qualified(List<String> units) throws Exception {
    JsonObject board = Rest.get(server.port, "/api/state/leaderboard", null).body();
    List<String> above = new ArrayList<>();
    board.getJsonArray("groups", new JsonArray()).forEach(group -> ((JsonObject) group).getJsonArray("rows").forEach(row -> {
      if (Boolean.TRUE.equals(((JsonObject) row).getValue("qualified"))) {
        above.add(((JsonObject) row).getString("unit"));
      }
    }));
    return above.containsAll(units);
  }

  /** The eleven stage-2 entries of {@link States#STAGE2}, the council's totals falling down the list. */
  public void stage2() throws Exception {
    stage2(States.STAGE2.size());
  }

  /** Stage 1, then the first {@code count} of those entries (recording one again edits it). */
  public void stage2(int count) throws Exception {
    stage1();
    for (int i = 0; i < count; i++) {
      String unit = States.STAGE2.get(i);
      ok(admin("stage2.entry", new JsonObject().put("unit", unit).put("title", "Trợ lý AI số " + (i + 1))
          .put("representative", "Nguyễn Văn " + (char) ('A' + i)).put("contact", "contact-" + unit + "@example.vn")
          .put("channel", i % 2 == 0 ? "email" : "zalo").put("receivedAt", IN_STAGE2)));
      ok(admin("stage2.council.score", new JsonObject().put("unit", unit)
          .put("scores", scores(20.25, 20.25, 15.25, 10.25, 10.25 - i))));
    }
  }

  /** Stage 2, then the top six confirmed as finalists. */
  public void finalists() throws Exception {
    stage2();
    ok(admin("final.finalists.confirm", new JsonObject()));
  }

  /** Creates judges through the admin endpoint; returns their tokens. */
  public List<String> judges(int count) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Rest.Reply reply = Rest.post(server.port, "/api/final/judges", TestServer.ADMIN_TOKEN,
          new JsonObject().put("name", "Giám khảo " + i).encode());
      assertThat(reply.status()).as(reply.body().encode()).isEqualTo(200);
      tokens.add(reply.body().getString("token"));
    }
    return tokens;
  }

  /**
   * Every finalist presents (the order drawn with seed 2026 unless there is one, each slot in
   * turn, the last one ended), then every judge scores every finalist: judge j gives finalist f
   * {@code sheets.of(f, j)}, or nothing for null.
   */
  public void scoreAll(List<String> tokens, Sheets sheets) throws Exception {
    presentAll();
    for (int f = 0; f < States.FINALISTS.size(); f++) {
      for (int j = 0; j < tokens.size(); j++) {
        if (sheets.of(f, j) != null) {
          ok(as(tokens.get(j), "judge.score", new JsonObject().put("unit", States.FINALISTS.get(f)).put("scores", sheets.of(f, j))));
        }
      }
    }
  }

  /** The scores judge {@code j} gives finalist {@code f}. */
  @FunctionalInterface
  public interface Sheets {
    JsonObject of(int finalist, int judge);
  }

  /**
   * Distinct, all-fractional scores: finalist f's sheets total (90.25 − 5f) ± judge spread, so the
   * results rank the finalists in list order and no total or mean is a whole number.
   */
  public static JsonObject distinct(int finalist, int judge) {
    double spread = judge == 0 ? 0 : judge == 1 ? 2 : -3;
    return scores(20.25 - finalist + spread, 20.25 - finalist, 15.25 - finalist, 12.25 - finalist, 12.25 - finalist);
  }

  public JsonObject state() throws Exception {
    return Rest.get(server.port, "/api/state/final", null).body();
  }

  public JsonObject agenda() throws Exception {
    return Rest.get(server.port, "/api/state/agenda", null).body();
  }

  /** The MC's view of the judges' progress. */
  public JsonObject progress() throws Exception {
    return Rest.get(server.port, "/api/final/progress", TestServer.MC_TOKEN).body();
  }

  /** The index in the final's programme of presentation slot {@code n} (1-based). */
  public static int slotIndex(TestServer server, int n) {
    List<AgendaItem> programme = server.server.event().finalDay().programme();
    for (int i = 0; i < programme.size(); i++) {
      if (Integer.valueOf(n).equals(programme.get(i).presentation())) {
        return i;
      }
    }
    throw new IllegalArgumentException("no presentation slot " + n);
  }

  /** The order drawn (seed 2026) unless there is one, every presentation run in turn and the last one ended. */
  public void presentAll() throws Exception {
    if (state().getValue("order") == null) {
      ok(mc("final.draw", new JsonObject().put("seed", 2026)));
    }
    for (int n = 1; n <= States.FINALISTS.size(); n++) {
      startSlot(n);
    }
    ok(mc("agenda.next", new JsonObject()));
  }

  /** The agenda serves the final, and presentation slot {@code n} starts now. */
  public void startSlot(int n) throws Exception {
    ok(mc("agenda.day", new JsonObject().put("day", "final")));
    ok(mc("agenda.goto", new JsonObject().put("index", slotIndex(server, n))));
  }
}
