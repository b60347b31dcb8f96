package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Browser;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The day of the final, 25/6, in real browsers: the MC switches every screen to the final's day,
 * runs the programme with the console's keys, draws the order with the number drawn in the hall,
 * a judge scores on the tablet as each unit presents, and the MC reveals the prizes one by one.
 * The hall (1920×1080) shows the day's date and venue throughout, and a phone (412×915) follows
 * the running order, the presenter's countdown and each prize only once it is revealed.
 */
@DisplayName("The final's day in real browsers: the MC, a judge, the hall and a phone, from the draw to the last prize")
class FinalDayBrowserTest {

  private static final String SEED = "4821";

  private TestServer server;
  private FinalFixture fixture;
  private final List<Browser> browsers = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    fixture = new FinalFixture(server);
  }

  @AfterEach
  void stop() throws Exception {
    browsers.forEach(Browser::close);
    server.close();
  }

  private Browser open(int width, int height, String path) throws Exception {
    Browser browser = Browser.open(width, height);
    browsers.add(browser);
    browser.driver.get(server.http(path));
    return browser;
  }

  private static WebDriverWait waiting(Browser browser, int seconds) {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(seconds));
  }


  private static void press(Browser mc, CharSequence key) {
    mc.driver.executeScript("document.activeElement && document.activeElement.blur()");
    mc.driver.findElement(By.tagName("body")).sendKeys(key);
  }

  private String name(String unit) {
    return FinalResults.name(server.server.event(), unit);
  }

  @Test
  @DisplayName("the day is the final's everywhere; the programme runs on the MC's keys; the phone follows without a leak")
  void finalDay() throws Exception {
    fixture.finalists();
    List<String> judges = fixture.judges(3);
    // the screens were left on the conference's day
    fixture.ok(fixture.mc("agenda.day", new JsonObject().put("day", "conference")));
    fixture.ok(fixture.mc("screen.scene", new JsonObject().put("scene", "logo")));

    Browser hall = open(1920, 1080, "/hall");
    Browser phone = open(412, 915, "/");
    Browser mc = open(1600, 1000, "/mc");
    mc.driver.executeScript("localStorage.setItem('diemcau.mcToken', arguments[0])", TestServer.MC_TOKEN);
    mc.driver.navigate().refresh();
    waiting(hall, 15).until(d -> hall.text(".topbar .where").startsWith("Thứ Tư, 27/5/2026"));

    // the MC serves the final's day: every screen follows
    WebElement finalDay = waiting(mc, 15).until(d -> d.findElement(By.cssSelector("#days button[data-day=final]")));
    mc.driver.executeScript("window.confirm = () => true");
    finalDay.click();
    waiting(hall, 10).until(d -> hall.text(".topbar .where")
        .equals("Thứ Năm, 25/6/2026 · Phòng 103, Trung tâm Hội nghị - Biểu diễn thành phố"));
    assertThat(hall.text("section.logo .day-name")).isEqualTo("Lễ Chung kết và trao giải");
    assertThat(hall.text("section.logo .when")).isEqualTo("Thứ Năm, 25/6/2026 · 14:00");
    assertThat(hall.text("section.logo .address")).isEqualTo("đường Trần Kiên, khu đô thị Bắc sông Cấm, phường Thủy Nguyên");
    hall.screenshot("final-day-hall-logo-1920x1080");
    waiting(phone, 10).until(d -> phone.text(".top .day").startsWith("Lễ Chung kết và trao giải · Thứ Năm, 25/6/2026 · 14:00"));
    waiting(phone, 10).until(d -> phone.text(".final .order-note").contains("6 đơn vị vào Chung kết"));
    phone.screenshot("final-day-phone-before-draw-412x915");

    // the programme opens on the MC's keys; the presentation slots wait for the draw
    fixture.ok(fixture.mc("screen.scene", new JsonObject().put("scene", "agenda")));
    mc.driver.findElement(By.id("start")).click();
    waiting(hall, 10).until(d -> hall.text(".agenda .now-title").equals("Đón tiếp đại biểu"));
    for (String title : List.of("Tuyên bố lý do", "Phát biểu khai mạc Lễ Chung kết", "Công bố thể lệ phần thi và bốc thăm")) {
      press(mc, Keys.SPACE);
      waiting(hall, 10).until(d -> hall.text(".agenda .now-title").startsWith(title));
    }
    press(mc, Keys.SPACE);
    waiting(mc, 10).until(d -> mc.text("#command-error").contains("bốc thăm"));
    assertThat(hall.text(".agenda .now-title")).startsWith("Công bố thể lệ phần thi và bốc thăm");

    // the draw, with the number drawn from the bowl in the hall
    fixture.ok(fixture.mc("screen.scene", new JsonObject().put("scene", "final")));
    WebElement seed = mc.driver.findElement(By.id("draw-seed"));
    mc.driver.executeScript("arguments[0].scrollIntoView()", seed);
    seed.sendKeys(SEED);
    mc.driver.findElement(By.xpath("//*[@id='final-panel']//button[contains(., 'Bốc thăm thứ tự')]")).click();
    waiting(hall, 10).until(d -> hall.text("section.final .seed.top .which").startsWith("Số bốc thăm: " + SEED));
    Thread.sleep(1_500);
    hall.screenshot("final-day-hall-draw-1920x1080");
    List<String> order = fixture.state().getJsonArray("order").stream().map(String.class::cast).toList();
    assertThat(order).isEqualTo(Draw.order(States.FINALISTS, Long.parseLong(SEED)));
    waiting(hall, 20).until(d -> hall.text("section.final .seed").contains("bốc tại hội trường")
        && hall.text("section.final .seed").contains("python3 redraw.py " + SEED) && !hall.text("section.final").contains("Bốc thăm thứ tự trình bày"));
    waiting(phone, 10).until(d -> phone.text(".final .order").startsWith("1\n" + name(order.get(0))));
    assertThat(phone.text(".final .order-note")).contains("số " + SEED, "bốc tại hội trường");

    // each unit presents in turn on the MC's keys; the judge scores the unit presenting now
    Browser judge = open(412, 915, "/judge?token=" + judges.get(0));
    for (int slot = 1; slot <= order.size(); slot++) {
      String unit = order.get(slot - 1);
      press(mc, Keys.SPACE);
      waiting(hall, 10).until(d -> hall.text("section.final h1").equals("Đang trình bày: " + name(unit)));
      waiting(phone, 10).until(d -> phone.text(".final .who").equals(name(unit)));
      if (slot == 1) {
        press(mc, "p");
        waiting(hall, 10).until(d -> hall.driver.findElements(By.cssSelector("section.final .countdown.paused")).size() == 1);
        press(mc, "p");
        mc.driver.findElement(By.cssSelector(".controls .adjust[data-ms='60000']")).click();
        waiting(phone, 10).until(d -> phone.text(".final .countdown").startsWith("10:") || phone.text(".final .countdown").startsWith("11:"));
        hall.screenshot("final-day-hall-presenting-1920x1080");
        phone.screenshot("final-day-phone-presenting-412x915");
        scoreOnTheTablet(judge, unit);
      } else {
        fixture.ok(fixture.as(judges.get(0), "judge.score", sheet(unit, 0)));
      }
      for (int j = 1; j < judges.size(); j++) {
        fixture.ok(fixture.as(judges.get(j), "judge.score", sheet(unit, j)));
      }
    }
    press(mc, Keys.SPACE);
    waiting(hall, 10).until(d -> hall.text("section.final").contains("Thứ tự trình bày") && !hall.text("section.final").contains("Đang trình bày"));

    // the council's results are finalised; the MC reveals them one by one
    fixture.ok(fixture.admin("final.finalise", new JsonObject()));
    JsonArray script = Rest.get(server.port, "/api/final/admin", TestServer.ADMIN_TOKEN).body()
        .getJsonObject("reveal").getJsonArray("script");
    WebElement next = waiting(mc, 15).until(d -> d.findElement(By.xpath("//*[@id='final-panel']//button[contains(., 'Công bố tiếp')]")));
    mc.driver.executeScript("arguments[0].scrollIntoView()", next);
    for (int step = 1; step <= script.size(); step++) {
      JsonObject award = script.getJsonObject(step - 1);
      String winner = name(award.getString("unit"));
      assertNothingAhead(phone, script, step - 1);
      waiting(mc, 10).until(d -> next.isEnabled());
      next.click();
      waiting(hall, 10).until(d -> winner.equals(hall.text("section.final .winner")));
      int shown = step;
      waiting(phone, 10).until(d -> d.findElements(By.cssSelector(".final .awards li")).size() == shown);
      String line = phone.text(".final .awards li:first-child").toLowerCase(Locale.ROOT);
      assertThat(line).contains(award.getString("prizeName").toLowerCase(Locale.ROOT), winner.toLowerCase(Locale.ROOT),
          String.format(Locale.ROOT, "%,d", award.getLong("amountVnd")).replace(',', '.') + " đồng");
      if (step == 5) {
        Thread.sleep(1_000);
        hall.screenshot("final-day-hall-reveal-step-5-1920x1080");
        phone.screenshot("final-day-phone-prizes-412x915");
        mc.screenshot("final-day-mc-reveal-step-5-1600x1000");
      }
    }
    Thread.sleep(1_000);
    hall.screenshot("final-day-hall-first-prize-1920x1080");
    assertThat(hall.text("section.final .prize")).isEqualTo("Giải Nhất");
    phone.driver.executeScript("document.querySelector('.final .prizes').scrollIntoView()");
    phone.screenshot("final-day-phone-all-prizes-412x915");
    assertThat(hall.text(".topbar .where")).startsWith("Thứ Năm, 25/6/2026");
    phone.driver.executeScript("document.querySelector('.contacts').scrollIntoView()");
    assertThat(phone.text(".contacts")).contains("Đường dây nóng (cả Zalo)", "0982 103 591");
    phone.screenshot("final-day-phone-contacts-412x915");
    for (Browser browser : browsers) {
      assertThat(browser.cspViolations()).as("what the style policy refused").isEmpty();
    }
  }

  /**
   * With {@code shown} steps revealed, the phone lists exactly those awards, and names no prize
   * that only later steps reveal, nor any later winner beside a prize.
   */
  private static void assertNothingAhead(Browser phone, JsonArray script, int shown) {
    assertThat(phone.driver.findElements(By.cssSelector(".final .awards li"))).hasSize(shown);
    String page = phone.text("main").toLowerCase(Locale.ROOT);
    Set<String> revealed = new HashSet<>();
    for (int i = 0; i < shown; i++) {
      revealed.add(script.getJsonObject(i).getString("prizeName"));
    }
    for (int i = shown; i < script.size(); i++) {
      String prize = script.getJsonObject(i).getString("prizeName");
      if (!revealed.contains(prize)) {
        assertThat(page).as("step %d not revealed yet", i + 1).doesNotContain(prize.toLowerCase(Locale.ROOT));
      }
    }
  }

  /** The finalist presenting now is on the tablet; the judge fills every criterion, submits, confirms, and the sheet locks. */
  private void scoreOnTheTablet(Browser judge, String unit) throws Exception {
    waiting(judge, 15).until(d -> d.findElement(By.id("team")).getText().equals(name(unit)));
    assertThat(judge.text("#presenting")).isEqualTo("Đang trình bày: " + name(unit));
    JsonObject scores = sheet(unit, 0).getJsonObject("scores");
    List<WebElement> inputs = judge.driver.findElements(By.cssSelector("#criteria input"));
    for (int i = 0; i < inputs.size(); i++) {
      inputs.get(i).sendKeys(String.valueOf(scores.getDouble(FinalFixture.CRITERIA.get(i))).replace('.', ','));
    }
    judge.driver.findElement(By.id("submit")).click();
    waiting(judge, 5).until(d -> d.findElement(By.id("confirm")).isDisplayed());
    judge.screenshot("final-day-judge-confirm-412x915");
    judge.driver.findElement(By.id("confirm-ok")).click();
    waiting(judge, 10).until(d -> d.findElement(By.id("locked")).isDisplayed());
  }

  /** Judge {@code j}'s sheet for {@code unit}: the finalists rank in the fixture's order. */
  private static JsonObject sheet(String unit, int j) {
    return new JsonObject().put("unit", unit).put("scores", FinalFixture.distinct(States.FINALISTS.indexOf(unit), j));
  }
}
