package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Stage 2 and the final on a real server")
class FinalServerTest {

  private TestServer server;
  private FinalFixture fixture;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    fixture = new FinalFixture(server);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("the public topic counts the entries and lists them without contacts")
  void entries() throws Exception {
    fixture.stage2();
    JsonObject state = fixture.state();
    assertThat(state.getInteger("received")).isEqualTo(11);
    assertThat(state.getInteger("quota")).isEqualTo(11);
    assertThat(state.getJsonArray("entries").getJsonObject(1).fieldNames())
        .contains("unit", "name", "title", "channel", "status").doesNotContain("contact", "representative");
    assertThat(state.encode()).doesNotContain("contact-", "Nguyễn Văn");
    assertThat(state.getJsonArray("finalists")).isEmpty();
  }

  @Test
  @DisplayName("stage 2 takes ten communes and one department, and a tie at the cut waits for the council")
  void quotasAndCut() throws Exception {
    fixture.stage2();
    Rest.Reply twelfth = fixture.admin("stage2.entry", new JsonObject().put("unit", "11557").put("title", "Thêm")
        .put("representative", "A").put("contact", "a@b.vn").put("channel", "email"));
    assertThat(twelfth.status()).isEqualTo(409);
    assertThat(twelfth.body().getJsonObject("error").getString("code")).isEqualTo("quota_full");
    fixture.ok(fixture.admin("stage2.council.score", new JsonObject().put("unit", States.STAGE2.get(6))
        .put("scores", FinalFixture.scores(20.25, 20.25, 15.25, 10.25, 5.25))));
    Rest.Reply tied = fixture.admin("final.finalists.confirm", new JsonObject());
    assertThat(tied.status()).isEqualTo(409);
    assertThat(tied.body().getJsonObject("error").getString("message")).contains("tie at place 6", "Xã Tân Minh", "Phường Hồng Bàng");
    fixture.ok(fixture.admin("final.finalists.confirm", new JsonObject().put("units", String.join(",", States.FINALISTS))));
    assertThat(fixture.state().getJsonArray("finalists")).hasSize(6);
  }

  @Test
  @DisplayName("the order is drawn once from a published seed; a redo needs the admin and a reason, and is audited")
  void drawOnce() throws Exception {
    fixture.finalists();
    fixture.ok(fixture.mc("final.draw", new JsonObject().put("seed", 123_456_789L)));
    JsonObject state = fixture.state();
    assertThat(state.getJsonArray("order").getList()).isEqualTo(Draw.order(States.FINALISTS, 123_456_789L));
    assertThat(state.getJsonObject("draw").getLong("seed")).isEqualTo(123_456_789L);
    assertThat(state.getJsonObject("draw").getBoolean("seedGiven")).as("a number drawn in the hall").isTrue();
    assertThat(state.getJsonObject("draw").getJsonArray("sorted").getList()).isSorted();

    Rest.Reply again = fixture.mc("final.draw", new JsonObject());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().getJsonObject("error").getString("code")).isEqualTo("already_drawn");
    assertThat(fixture.mc("final.draw.redo", new JsonObject().put("reason", "Máy chiếu lỗi")).status()).isEqualTo(403);
    assertThat(fixture.admin("final.draw.redo", new JsonObject()).body().getJsonObject("error").getString("field")).isEqualTo("reason");

    fixture.ok(fixture.admin("final.draw.redo", new JsonObject().put("reason", "Máy chiếu lỗi khi bốc thăm").put("seed", 7)));
    assertThat(fixture.state().getJsonArray("order").getList()).isEqualTo(Draw.order(States.FINALISTS, 7));
    assertThat(fixture.state().getJsonObject("draw").getInteger("redraws")).isEqualTo(1);
    assertThat(Rest.get(server.port, "/redraw.py", null).body().getString("text")).contains("def draw(codes, seed)");
    JsonArray audit = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries");
    JsonObject redo = audit.getJsonObject(0);
    assertThat(redo.getString("command")).isEqualTo("final.draw.redo");
    assertThat(redo.getJsonObject("args").getLong("seed")).isEqualTo(7);
    assertThat(redo.getJsonObject("args").getString("reason")).isEqualTo("Máy chiếu lỗi khi bốc thăm");
    assertThat(audit.getJsonObject(1).getJsonObject("args").getLong("seed")).isEqualTo(123_456_789L);

    fixture.startSlot(1);
    assertThat(fixture.admin("final.draw.redo", new JsonObject().put("reason", "Thử lại lần nữa")).status()).isEqualTo(409);
  }

  @Test
  @DisplayName("the final's programme runs on the agenda: its slots take the drawn order, with pause, time, drift and goto")
  void runningOrder() throws Exception {
    fixture.finalists();
    fixture.ok(fixture.mc("agenda.day", new JsonObject().put("day", "final")));
    JsonObject agenda = fixture.agenda();
    assertThat(agenda.getString("day")).isEqualTo("final");
    assertThat(agenda.getString("date")).isEqualTo("2026-06-25");
    assertThat(agenda.getJsonObject("venue").getString("name")).startsWith("Phòng 103");
    int first = FinalFixture.slotIndex(server, 1);
    assertThat(agenda.getJsonArray("items").getJsonObject(first).getString("title")).isEqualTo("Phần trình bày thứ 1");
    Rest.Reply early = fixture.mc("agenda.goto", new JsonObject().put("index", first));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.body().getJsonObject("error").getString("code")).isEqualTo("no_order");

    fixture.ok(fixture.mc("final.draw", new JsonObject().put("seed", 1)));
    List<String> order = Draw.order(States.FINALISTS, 1);
    JsonArray items = fixture.agenda().getJsonArray("items");
    assertThat(items).hasSize(server.server.event().finalDay().programme().size());
    for (int slot = 1; slot <= 6; slot++) {
      JsonObject item = items.getJsonObject(FinalFixture.slotIndex(server, slot));
      assertThat(item.getInteger("presentation")).isEqualTo(slot);
      assertThat(item.getString("unit")).isEqualTo(order.get(slot - 1));
      assertThat(item.getString("title")).isEqualTo(FinalResults.name(server.server.event(), order.get(slot - 1)));
      assertThat(item.getString("by")).startsWith("Trợ lý AI số ");
      assertThat(item.getLong("plannedEnd") - item.getLong("plannedStart")).isEqualTo(10 * 60_000L);
    }
    assertThat(fixture.state().containsKey("agenda")).as("one agenda, not a second one in the final's topic").isFalse();

    fixture.ok(fixture.mc("agenda.goto", new JsonObject().put("index", first)));
    fixture.ok(fixture.mc("agenda.pause", new JsonObject()));
    fixture.ok(fixture.mc("agenda.adjust", new JsonObject().put("ms", 60_000)));
    agenda = fixture.agenda();
    assertThat(agenda.getString("status")).isEqualTo("paused");
    assertThat(current(agenda).getString("unit")).isEqualTo(order.get(0));
    assertThat(agenda.getLong("adjustMs")).as("a minute added to the slot's ten").isEqualTo(60_000L);
    fixture.ok(fixture.mc("agenda.resume", new JsonObject()));
    fixture.ok(fixture.mc("agenda.next", new JsonObject()));
    assertThat(current(fixture.agenda()).getString("unit")).isEqualTo(order.get(1));
    assertThat(fixture.progress().getString("current")).isEqualTo(order.get(1));

    Rest.Reply switchDay = fixture.mc("agenda.day", new JsonObject().put("day", "conference"));
    assertThat(switchDay.status()).isEqualTo(409);
    assertThat(switchDay.body().getJsonObject("error").getString("code")).isEqualTo("day_in_progress");
    assertThat(fixture.mc("final.agenda.next", new JsonObject()).status()).as("no second family of agenda commands").isEqualTo(404);
  }

  @Test
  @DisplayName("a judge's scores are checked against the rubric: every criterion, in range, for a finalist")
  void scoringValidation() throws Exception {
    fixture.finalists();
    fixture.presentAll();
    String judge = fixture.judges(1).get(0);
    String unit = States.FINALISTS.get(0);
    JsonObject missing = FinalFixture.distinct(0, 0);
    missing.remove("sang-tao");
    assertError(fixture.as(judge, "judge.score", new JsonObject().put("unit", unit).put("scores", missing)), 400, "scores.sang-tao");
    assertError(fixture.as(judge, "judge.score", new JsonObject().put("unit", unit)
        .put("scores", FinalFixture.distinct(0, 0).put("nhan-rong", 15.5))), 400, "scores.nhan-rong");
    assertError(fixture.as(judge, "judge.score", new JsonObject().put("unit", States.STAGE2.get(8))
        .put("scores", FinalFixture.distinct(0, 0))), 400, "unit");
    assertError(fixture.as(judge, "judge.score", new JsonObject().put("unit", unit).put("judge", "gk2")
        .put("scores", FinalFixture.distinct(0, 0))), 400, "judge");
    assertThat(fixture.as("not-a-judge-token", "judge.score", new JsonObject()).status()).isEqualTo(401);
    assertThat(fixture.mc("judge.score", new JsonObject()).status()).isEqualTo(403);
    fixture.ok(fixture.as(judge, "judge.score", new JsonObject().put("unit", unit).put("scores", FinalFixture.distinct(0, 0))));
  }

  @Test
  @DisplayName("a submitted sheet is locked; a correction needs a reason and is logged with before and after")
  void lockAndCorrect() throws Exception {
    fixture.finalists();
    fixture.presentAll();
    String judge = fixture.judges(1).get(0);
    String unit = States.FINALISTS.get(0);
    fixture.ok(fixture.as(judge, "judge.score", new JsonObject().put("unit", unit).put("scores", FinalFixture.distinct(0, 0))));
    Rest.Reply again = fixture.as(judge, "judge.score", new JsonObject().put("unit", unit).put("scores", FinalFixture.distinct(1, 0)));
    assertError(again, 409, null);
    assertThat(again.body().getJsonObject("error").getString("code")).isEqualTo("locked");
    assertError(fixture.as(judge, "judge.correct", new JsonObject().put("unit", unit).put("scores", FinalFixture.distinct(1, 0))),
        400, "reason");
    fixture.ok(fixture.as(judge, "judge.correct", new JsonObject().put("unit", unit).put("scores", FinalFixture.distinct(1, 0))
        .put("reason", "Nhập nhầm điểm sáng tạo")));

    JsonObject mine = Rest.get(server.port, "/api/final/judge", judge).body().getJsonObject("mine").getJsonObject(unit);
    assertThat(mine.getInteger("version")).isEqualTo(1);
    assertThat(mine.getDouble("total")).isEqualTo(75.25);
    JsonObject audit = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries").getJsonObject(0);
    assertThat(audit.getString("command")).isEqualTo("judge.correct");
    assertThat(audit.getJsonObject("args").getJsonObject("before")).isEqualTo(FinalFixture.distinct(0, 0));
    assertThat(audit.getJsonObject("args").getJsonObject("after")).isEqualTo(FinalFixture.distinct(1, 0));
    String log = Rest.get(server.port, "/api/final/export/score-log.csv", TestServer.ADMIN_TOKEN).body().getString("text");
    assertThat(log.lines()).hasSize(3);
    assertThat(log).contains("80.25", "75.25", "Nhập nhầm điểm sáng tạo");
  }

  @Test
  @DisplayName("a judge sees only their own sheets, and the MC sees who has submitted, never a value")
  void whoSeesWhat() throws Exception {
    fixture.finalists();
    fixture.presentAll();
    List<String> judges = fixture.judges(2);
    String unit = States.FINALISTS.get(0);
    fixture.ok(fixture.as(judges.get(0), "judge.score", new JsonObject().put("unit", unit).put("scores", FinalFixture.distinct(0, 0))));
    JsonObject second = Rest.get(server.port, "/api/final/judge", judges.get(1)).body();
    assertThat(second.getJsonObject("judge").getString("id")).isEqualTo("gk2");
    assertThat(second.getJsonObject("mine")).isEmpty();
    assertThat(second.encode()).doesNotContain("80.25", "tokenHash");
    JsonObject progress = Rest.get(server.port, "/api/final/progress", TestServer.MC_TOKEN).body();
    assertThat(progress.getJsonObject("submitted").getJsonArray(unit).getList()).containsExactly("gk1");
    assertThat(progress.encode()).doesNotContain("80.25", "20.25", "scores", "total");
    assertThat(Rest.get(server.port, "/api/final/progress", judges.get(0)).status()).isEqualTo(403);
    assertThat(Rest.get(server.port, "/api/final/admin", TestServer.MC_TOKEN).status()).isEqualTo(403);
    assertThat(Rest.get(server.port, "/api/final/admin", TestServer.ADMIN_TOKEN).body().encode()).doesNotContain("tokenHash");
  }

  @Test
  @DisplayName("finalising waits for every judge's sheet and for the council on a tie across a prize boundary")
  void finalisePreconditions() throws Exception {
    fixture.finalists();
    List<String> judges = fixture.judges(3);
    fixture.scoreAll(judges, (f, j) -> f == 1 && j == 2 ? null : f == 1 ? FinalFixture.distinct(0, j) : FinalFixture.distinct(f, j));
    Rest.Reply missing = fixture.admin("final.finalise", new JsonObject());
    assertError(missing, 409, null);
    assertThat(missing.body().getJsonObject("error").getString("message")).contains("Giám khảo 3 has not scored Phường Hải Dương");
    fixture.ok(fixture.as(judges.get(2), "judge.score", new JsonObject().put("unit", States.FINALISTS.get(1))
        .put("scores", FinalFixture.distinct(0, 2))));
    Rest.Reply tie = fixture.admin("final.finalise", new JsonObject());
    assertThat(tie.body().getJsonObject("error").getString("message")).contains("tie between", "Giải Nhất and Giải Nhì");
    assertError(fixture.admin("final.tie.break", new JsonObject().put("units", States.FINALISTS.get(0) + "," + States.FINALISTS.get(2))
        .put("reason", "Hội đồng biểu quyết")), 400, "units");
    fixture.ok(fixture.admin("final.tie.break", new JsonObject().put("units", States.FINALISTS.get(1) + "," + States.FINALISTS.get(0))
        .put("reason", "Hội đồng biểu quyết")));
    fixture.ok(fixture.admin("final.finalise", new JsonObject()));
    assertThat(fixture.state().getJsonObject("reveal").getInteger("steps")).isEqualTo(11);
    assertError(fixture.as(judges.get(0), "judge.correct", new JsonObject().put("unit", States.FINALISTS.get(0))
        .put("scores", FinalFixture.distinct(5, 0)).put("reason", "Muốn sửa sau khi chốt")), 409, null);
  }

  @Test
  @DisplayName("the reveal steps forward and back, ignores clicks during the animation, and resumes at the same step after a restart")
  void revealAndRestart() throws Exception {
    fixture.finalists();
    fixture.scoreAll(fixture.judges(3), FinalFixture::distinct);
    assertError(fixture.mc("final.reveal.next", new JsonObject()), 409, null);
    fixture.ok(fixture.admin("final.finalise", new JsonObject()));
    assertError(fixture.mc("final.reveal.previous", new JsonObject()), 409, null);
    fixture.ok(fixture.mc("final.reveal.next", new JsonObject()));
    Rest.Reply during = fixture.mc("final.reveal.next", new JsonObject());
    assertThat(during.body().getJsonObject("error").getString("code")).isEqualTo("animating");
    for (int step = 2; step <= 4; step++) {
      Thread.sleep(FinalService.REVEAL_GAP_MS + 50);
      fixture.ok(fixture.mc("final.reveal.next", new JsonObject()));
    }
    Thread.sleep(FinalService.REVEAL_GAP_MS + 50);
    fixture.ok(fixture.mc("final.reveal.previous", new JsonObject()));
    JsonObject reveal = fixture.state().getJsonObject("reveal");
    assertThat(reveal.getInteger("step")).isEqualTo(3);
    assertThat(reveal.getJsonArray("revealed")).extracting(award -> ((JsonObject) award).getString("prize"))
        .containsOnly("khuyen-khich");

    Path data = server.dataDir;
    server.close();
    server = TestServer.start(data, null);
    fixture = new FinalFixture(server);
    assertThat(fixture.state().getJsonObject("reveal")).isEqualTo(reveal);
    for (int step = 4; step <= 11; step++) {
      Thread.sleep(FinalService.REVEAL_GAP_MS + 50);
      fixture.ok(fixture.mc("final.reveal.next", new JsonObject()));
    }
    JsonArray revealed = fixture.state().getJsonObject("reveal").getJsonArray("revealed");
    assertThat(revealed.getJsonObject(10).getString("unit")).isEqualTo(States.FINALISTS.get(0));
    assertThat(revealed.getJsonObject(10).getString("prizeName")).isEqualTo("Giải Nhất");
    Thread.sleep(FinalService.REVEAL_GAP_MS + 50);
    assertThat(fixture.mc("final.reveal.next", new JsonObject()).body().getJsonObject("error").getString("code")).isEqualTo("at_end");
  }

  @Test
  @DisplayName("the organisers export the official results, every judge's sheet and the certificates list, prizes as the letters write them")
  void exports() throws Exception {
    fixture.finalists();
    fixture.scoreAll(fixture.judges(3), FinalFixture::distinct);
    assertThat(Rest.get(server.port, "/api/final/export/results.csv", TestServer.ADMIN_TOKEN).status()).isEqualTo(409);
    fixture.ok(fixture.admin("final.finalise", new JsonObject()));
    String results = Rest.get(server.port, "/api/final/export/results.csv", TestServer.ADMIN_TOKEN).body().getString("text");
    assertThat(results.lines()).hasSize(12);
    assertThat(results.lines().toList().get(1))
        .isEqualTo("Chung kết,1,11560,Phường Thủy Nguyên,Trợ lý AI số 1,80.25,82.25 (loại),77.25 (loại),80.25,Giải Nhất,10000000,"
            + "Mười triệu đồng,Giấy khen của Giám đốc Sở Khoa học và Công nghệ");
    assertThat(results.lines().toList().get(0)).endsWith("Điểm trung bình,Giải,Tiền thưởng (VNĐ),Bằng chữ,Khen thưởng");
    assertThat(results).contains("Chặng 2,,SO-YT,Sở Y tế,Trợ lý AI số 11,,,,,Giải Khuyến khích,2000000,Hai triệu đồng,"
        + "Giấy khen của Giám đốc Sở Khoa học và Công nghệ");
    assertThat(results).contains(",Giải Nhì,5000000,Năm triệu đồng,", ",Giải Ba,3000000,Ba triệu đồng,");
    String scores = Rest.get(server.port, "/api/final/export/scores.csv", TestServer.ADMIN_TOKEN).body().getString("text");
    assertThat(scores.lines()).hasSize(19);
    String certificates = Rest.get(server.port, "/api/final/export/certificates.csv", TestServer.ADMIN_TOKEN).body().getString("text");
    assertThat(certificates.lines()).hasSize(12);
    assertThat(certificates.lines().toList().get(0)).isEqualTo("\uFEFFSTT,Đơn vị,Mã đơn vị,Giải,Hạng,Tiền thưởng (VNĐ),Bằng chữ,"
        + "Khen thưởng,Bài dự thi,Người đại diện");
    assertThat(certificates.lines().toList().get(1)).isEqualTo("1,Phường Thủy Nguyên,11560,Giải Nhất,1,10000000,Mười triệu đồng,"
        + "Giấy khen của Giám đốc Sở Khoa học và Công nghệ,Trợ lý AI số 1,Nguyễn Văn A");
    assertThat(certificates.lines().toList().get(11)).startsWith("11,").contains(",Giải Khuyến khích,,2000000,Hai triệu đồng,");
    assertThat(Rest.get(server.port, "/api/final/export/results.csv", TestServer.MC_TOKEN).status()).isEqualTo(403);
  }

  private static void assertError(Rest.Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.body().encode()).isEqualTo(status);
    if (field != null) {
      assertThat(reply.body().getJsonObject("error").getString("field")).isEqualTo(field);
    }
  }

  /** The agenda's current item, found from its index in the programme. */
  private static JsonObject current(JsonObject agenda) {
    return agenda.getJsonArray("items").getJsonObject(agenda.getInteger("current"));
  }
}
