package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The final's integrity rules: each refused by name, each set aside only by an admin with a reason, audited")
class FinalGuardsTest {

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

  private static void refused(Rest.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body().encode()).isEqualTo(status);
    assertThat(reply.body().getJsonObject("error").getString("code")).isEqualTo(code);
  }

  /** The newest audit row. */
  private JsonObject lastAudit() throws Exception {
    return Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries").getJsonObject(0);
  }

  private JsonObject entry(String unit, String receivedAt) {
    return new JsonObject().put("unit", unit).put("title", "Trợ lý AI").put("representative", "Lê Văn B")
        .put("contact", "0900000000").put("channel", "email").put("receivedAt", receivedAt);
  }

  @Test
  @DisplayName("a stage-2 entry comes from a unit above the stage-1 cut line, inside the stage-2 window")
  void stage2Entries() throws Exception {
    fixture.stage1();
    String qualified = States.STAGE2.get(0);
    String notQualified = "11557"; // Phường Thiên Hương: no completion in stage 1

    Rest.Reply outsider = fixture.admin("stage2.entry", entry(notQualified, FinalFixture.IN_STAGE2));
    refused(outsider, 409, "not_qualified");
    assertThat(outsider.body().getJsonObject("error").getString("message"))
        .contains("Phường Thiên Hương did not qualify in stage 1", "override");
    Rest.Reply late = fixture.admin("stage2.entry", entry(qualified, "2026-06-18T10:00:00+07:00"));
    refused(late, 409, "outside_stage2_window");
    assertThat(late.body().getJsonObject("error").getString("message")).contains("2026-06-18", "2026-06-12 to 2026-06-16");
    refused(fixture.admin("stage2.entry", entry(qualified, "2026-06-11T23:59:00+07:00")), 409, "outside_stage2_window");
    assertThat(fixture.state().getJsonArray("entries")).isEmpty();

    // the window's last day counts to its end, in Hải Phòng time
    fixture.ok(fixture.admin("stage2.entry", entry(qualified, "2026-06-16T23:59:00+07:00")));
    // editing the entry keeps its date: no new check
    fixture.ok(fixture.admin("stage2.entry", entry(qualified, "2026-06-16T23:59:00+07:00").put("title", "Trợ lý AI 2")));

    Rest.Reply shortReason = fixture.admin("stage2.entry", entry(notQualified, "2026-06-20T10:00:00+07:00").put("override", "ok"));
    assertThat(shortReason.status()).isEqualTo(400);
    assertThat(shortReason.body().getJsonObject("error").getString("field")).isEqualTo("override");
    String reason = "Thư Tuệ Tĩnh cho nộp đến 20/6; Ban Tổ chức quyết định nhận";
    fixture.ok(fixture.admin("stage2.entry", entry(notQualified, "2026-06-20T10:00:00+07:00").put("override", reason)));
    JsonObject audit = lastAudit();
    assertThat(audit.getString("command")).isEqualTo("stage2.entry");
    assertThat(audit.getString("role")).isEqualTo("admin");
    assertThat(audit.getJsonObject("args").getString("override")).isEqualTo(reason);
    assertThat(audit.getJsonObject("args").getJsonArray("overridden").getList())
        .containsExactly("not_qualified", "outside_stage2_window");
    assertThat(fixture.state().getJsonArray("entries")).hasSize(2);
  }

  @Test
  @DisplayName("a judge scores a finalist once its presentation has started; an admin may enter a sheet before, with a reason")
  void scoreAfterTheSlotStarts() throws Exception {
    fixture.finalists();
    List<String> judges = fixture.judges(2);
    fixture.ok(fixture.mc("final.draw", new JsonObject().put("seed", 5)));
    List<String> order = fixture.state().getJsonArray("order").stream().map(String.class::cast).toList();
    JsonObject first = new JsonObject().put("unit", order.get(0)).put("scores", FinalFixture.distinct(0, 0));

    Rest.Reply early = fixture.as(judges.get(0), "judge.score", first);
    refused(early, 409, "slot_not_started");
    assertThat(early.body().getJsonObject("error").getString("message"))
        .contains(FinalResults.name(server.server.event(), order.get(0)), "has not started");
    refused(fixture.as(judges.get(0), "judge.score", first.copy().put("override", "Giám khảo muốn chấm trước")), 403,
        "override_admin_only");

    fixture.startSlot(1);
    fixture.ok(fixture.as(judges.get(0), "judge.score", first));
    JsonObject second = new JsonObject().put("unit", order.get(1)).put("scores", FinalFixture.distinct(1, 0));
    refused(fixture.as(judges.get(0), "judge.score", second), 409, "slot_not_started");

    String reason = "Phiếu giấy của giám khảo, nhập hộ trước phần trình bày do mất mạng";
    fixture.ok(fixture.admin("judge.score", second.copy().put("judge", "gk2").put("override", reason)));
    JsonObject audit = lastAudit();
    assertThat(audit.getString("command")).isEqualTo("judge.score");
    assertThat(audit.getJsonObject("args").getString("override")).isEqualTo(reason);
    assertThat(audit.getJsonObject("args").getJsonArray("overridden").getList()).containsExactly("slot_not_started");
  }

  @Test
  @DisplayName("the results are finalised once every presentation has ended and every judge has scored every finalist")
  void finaliseWhenComplete() throws Exception {
    fixture.finalists();
    List<String> judges = fixture.judges(2);
    fixture.ok(fixture.mc("final.draw", new JsonObject().put("seed", 9)));
    List<String> order = fixture.state().getJsonArray("order").stream().map(String.class::cast).toList();
    for (int n = 1; n <= order.size(); n++) {
      fixture.startSlot(n);
      for (int j = 0; j < judges.size(); j++) {
        int f = States.FINALISTS.indexOf(order.get(n - 1));
        fixture.ok(fixture.as(judges.get(j), "judge.score", new JsonObject().put("unit", order.get(n - 1))
            .put("scores", FinalFixture.distinct(f, j))));
      }
    }
    // the last presentation is still running
    Rest.Reply running = fixture.admin("final.finalise", new JsonObject());
    refused(running, 409, "slots_not_ended");
    assertThat(running.body().getJsonObject("error").getString("message"))
        .contains("presentation 6 (" + FinalResults.name(server.server.event(), order.get(5)) + ")");
    fixture.ok(fixture.mc("agenda.next", new JsonObject()));
    fixture.ok(fixture.admin("final.finalise", new JsonObject()));
    assertThat(fixture.state().getBoolean("finalised")).isTrue();
  }

  @Test
  @DisplayName("finalising with a presentation cut short and a sheet missing needs an admin's reason, and says so in the audit log")
  void finaliseOverride() throws Exception {
    fixture.finalists();
    List<String> judges = fixture.judges(3);
    fixture.scoreAll(judges, (f, j) -> f == 3 && j == 1 ? null : FinalFixture.distinct(f, j));
    fixture.startSlot(6); // the last presentation runs again
    refused(fixture.admin("final.finalise", new JsonObject()), 409, "slots_not_ended");
    fixture.ok(fixture.mc("agenda.next", new JsonObject()));
    Rest.Reply missing = fixture.admin("final.finalise", new JsonObject());
    refused(missing, 409, "sheets_missing");
    assertThat(missing.body().getJsonObject("error").getString("message")).contains("Giám khảo 2 has not scored Xã Tuệ Tĩnh");

    String reason = "Giám khảo 2 rời hội trường vì lý do sức khỏe; Hội đồng thống nhất tính hai phiếu";
    fixture.ok(fixture.admin("final.finalise", new JsonObject().put("override", reason)));
    JsonObject audit = lastAudit();
    assertThat(audit.getString("command")).isEqualTo("final.finalise");
    assertThat(audit.getJsonObject("args").getString("override")).isEqualTo(reason);
    assertThat(audit.getJsonObject("args").getJsonArray("overridden").getList()).containsExactly("sheets_missing");
    JsonArray script = Rest.get(server.port, "/api/final/admin", TestServer.ADMIN_TOKEN).body()
        .getJsonObject("reveal").getJsonArray("script");
    assertThat(script).hasSize(11);
  }
}
