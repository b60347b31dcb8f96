package diemcau.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.finale.FinalFixture;
import diemcau.support.Browser;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("Reset after a rehearsal: everything back to before it, and the printed links still open")
class RehearsalResetTest {

  private static final String UNIT = "11560";

  private TestServer server;
  private Browser browser;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  private Rest.Reply admin(String name, JsonObject args) throws Exception {
    return Rest.command(server.port, TestServer.ADMIN_TOKEN, name, args);
  }

  private void ok(Rest.Reply reply) {
    assertThat(reply.status()).as(reply.body().encode()).isEqualTo(200);
  }

  private JsonObject state(String topic) throws Exception {
    return Rest.get(server.port, "/api/state/" + topic, null).body();
  }

  private static void refused(Rest.Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.body().encode()).isEqualTo(status);
    if (field != null) {
      assertThat(reply.body().getJsonObject("error").getString("field")).isEqualTo(field);
    }
  }

  /** Every kind of state a rehearsal leaves: stage 1 and 2, the final to its reveal, the agenda, screens, a room's delegates. */
  private void rehearse(String judgeToken) throws Exception {
    FinalFixture fixture = new FinalFixture(server);
    fixture.finalists();
    fixture.scoreAll(List.of(judgeToken), FinalFixture::distinct);
    ok(admin("final.finalise", new JsonObject()));
    ok(Rest.command(server.port, TestServer.MC_TOKEN, "final.reveal.next", new JsonObject()));
    int last = server.server.event().finalDay().programme().size() - 1;
    ok(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.goto", new JsonObject().put("index", last)));
    ok(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.next", new JsonObject()));
    ok(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.day", new JsonObject().put("day", "conference")));
    ok(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", new JsonObject().put("index", 2)));
    ok(Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "Diễn tập")));
    ok(Rest.command(server.port, TestServer.MC_TOKEN, "screen.scene", new JsonObject().put("scene", "leaderboard")));
    ok(Rest.command(server.port, TestServer.MC_TOKEN, "screen.blackout", new JsonObject().put("on", true)));
    ok(admin("bridge.attendance", new JsonObject().put("unit", UNIT).put("count", 42)));
  }

  @Test
  @DisplayName("print the links, rehearse, reset from /admin, open the same links: the room and the judge get in")
  void printRehearseResetOpen() throws Exception {
    JsonArray printed = Rest.get(server.port, "/api/bridges/links", TestServer.ADMIN_TOKEN).body().getJsonArray("links");
    String bridgeUrl = printed.getJsonObject(0).getString("url");
    assertThat(bridgeUrl).contains("unit=" + UNIT);
    Rest.Reply judge = Rest.post(server.port, "/api/final/judges", TestServer.ADMIN_TOKEN,
        new JsonObject().put("name", "Giám khảo Một").encode());
    String judgeUrl = judge.body().getString("url");
    String judgeToken = judge.body().getString("token");
    rehearse(judgeToken);
    assertThat(state("final").getBoolean("finalised")).isTrue();

    refused(Rest.command(server.port, TestServer.MC_TOKEN, "rehearsal.reset", new JsonObject().put("confirm", "DAT LAI")), 403, null);
    refused(admin("rehearsal.reset", new JsonObject()), 400, "confirm");
    refused(admin("rehearsal.reset", new JsonObject().put("confirm", "DATLAI")), 400, "confirm");
    refused(admin("rehearsal.reset", new JsonObject().put("confirm", "DAT LAI").put("parts", new JsonArray().add("agendas"))), 400,
        "parts");
    assertThat(state("final").getBoolean("finalised")).as("a refused reset changes nothing").isTrue();

    browser = Browser.open(1280, 900);
    browser.driver.get(server.http("/admin"));
    browser.driver.executeScript("localStorage.setItem('diemcau.adminToken', arguments[0])", TestServer.ADMIN_TOKEN);
    browser.driver.navigate().refresh();
    WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(15));
    wait.until(d -> d.findElement(By.id("reset-panel")).isDisplayed());
    browser.driver.findElement(By.cssSelector("#reset-panel summary")).click();
    browser.driver.findElement(By.id("reset-confirm")).sendKeys("đặt lại");
    browser.driver.executeScript("window.confirm = () => true");
    browser.screenshot("admin-rehearsal-reset");
    browser.driver.findElement(By.id("reset-button")).click();
    wait.until(d -> d.findElement(By.id("reset-result")).getText().startsWith("Đã đặt lại"));

    JsonObject agenda = state("agenda");
    assertThat(agenda.getString("status")).isEqualTo("idle");
    assertThat(agenda.getBoolean("dayChosen")).as("the day is the calendar's again").isFalse();
    assertThat(agenda.getJsonObject("actuals")).as("no item ran").isEmpty();
    JsonObject screen = state("screen");
    assertThat(screen.getString("scene")).isEqualTo("agenda");
    assertThat(screen.getValue("message")).isNull();
    assertThat(screen.getBoolean("blackout")).isFalse();
    assertThat(state("bridges").getJsonObject("totals").getInteger("attendance")).isZero();
    JsonObject fin = state("final");
    assertThat(fin.getJsonArray("entries")).isEmpty();
    assertThat(fin.getJsonArray("finalists")).isEmpty();
    assertThat(fin.getValue("order")).isNull();
    assertThat(fin.getBoolean("finalised")).isFalse();
    long deadline = System.currentTimeMillis() + 10_000;
    while (state("leaderboard").getJsonObject("totals").getInteger("enrolled") != 0) {
      assertThat(System.currentTimeMillis()).as("the leaderboard is emptied").isLessThan(deadline);
      Thread.sleep(100);
    }
    JsonObject finalAdmin = Rest.get(server.port, "/api/final/admin", TestServer.ADMIN_TOKEN).body();
    assertThat(finalAdmin.getJsonArray("judges")).extracting(j -> ((JsonObject) j).getString("name")).containsExactly("Giám khảo Một");
    assertThat(finalAdmin.getJsonArray("sheets")).isEmpty();
    assertThat(Rest.get(server.port, "/api/final/export/score-log.csv", TestServer.ADMIN_TOKEN).body().getString("text").lines())
        .hasSize(1);
    JsonObject audit = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries").getJsonObject(0);
    assertThat(audit.getString("command")).isEqualTo("rehearsal.reset");
    assertThat(audit.getString("actor")).isEqualTo("admin");
    assertThat(audit.getJsonObject("args").getJsonArray("parts").getList())
        .containsExactly("agenda", "screen", "attendance", "participation", "stage2", "final");

    assertLinksOpen(bridgeUrl, judgeUrl, judgeToken);
    Path data = server.dataDir;
    server.close();
    server = TestServer.start(data, null);
    assertThat(Rest.get(server.port, "/api/bridges/links", TestServer.ADMIN_TOKEN).body().getJsonArray("links")
        .getJsonObject(0).getString("url").replaceAll("//127.0.0.1:\\d+", ""))
        .as("after a restart the printed link is the same").isEqualTo(bridgeUrl.replaceAll("//127.0.0.1:\\d+", ""));
    assertThat(state("final").getJsonArray("entries")).isEmpty();
    assertLinksOpen(bridgeUrl.replaceAll("//127.0.0.1:\\d+", "//127.0.0.1:" + server.port),
        judgeUrl.replaceAll("//127.0.0.1:\\d+", "//127.0.0.1:" + server.port), judgeToken);
  }

  /** The room's printed link opens its live screen, and the judge's link opens their sheet. */
  private void assertLinksOpen(String bridgeUrl, String judgeUrl, String judgeToken) throws Exception {
    browser.driver.get(bridgeUrl);
    WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(15));
    wait.until(d -> "live".equals(browser.driver.executeScript("return window.diemcau && diemcau.live.status()")));
    assertThat(browser.driver.findElement(By.cssSelector(".topbar .where")).getText()).contains("Điểm cầu Phường Thủy Nguyên");
    browser.driver.get(judgeUrl);
    wait.until(d -> d.findElement(By.id("judge-name")).getText().equals("Giám khảo Một"));
    assertThat(Rest.get(server.port, "/api/final/judge", judgeToken).status()).isEqualTo(200);
    assertThat(Rest.get(server.port, "/api/whoami", TestServer.MC_TOKEN).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("only the parts chosen are reset; stage 2 takes the final with it")
  void chosenParts() throws Exception {
    Rest.Reply judge = Rest.post(server.port, "/api/final/judges", TestServer.ADMIN_TOKEN,
        new JsonObject().put("name", "Giám khảo Một").encode());
    rehearse(judge.body().getString("token"));
    ok(admin("rehearsal.reset", new JsonObject().put("parts", new JsonArray().add("screen")).put("confirm", "DAT LAI")));
    assertThat(state("screen").getValue("message")).isNull();
    assertThat(state("agenda").getString("status")).isEqualTo("running");
    assertThat(state("bridges").getJsonObject("totals").getInteger("attendance")).isEqualTo(42);
    assertThat(state("final").getBoolean("finalised")).isTrue();

    ok(admin("rehearsal.reset", new JsonObject().put("parts", new JsonArray().add("final")).put("confirm", "DAT LAI")));
    JsonObject fin = state("final");
    assertThat(fin.getBoolean("finalised")).isFalse();
    assertThat(fin.getValue("order")).isNull();
    assertThat(fin.getJsonArray("entries")).as("stage 2 stays").hasSize(11);
    assertThat(fin.getJsonArray("finalists")).hasSize(6);
    assertThat(state("agenda").getString("status")).as("the conference's programme is not the final's").isEqualTo("running");

    ok(admin("rehearsal.reset", new JsonObject().put("parts", new JsonArray().add("stage2")).put("confirm", "DAT LAI")));
    assertThat(state("final").getJsonArray("entries")).isEmpty();
    List<Object> parts = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries")
        .getJsonObject(0).getJsonObject("args").getJsonArray("parts").getList();
    assertThat(parts).containsExactly("stage2", "final");
  }
}
