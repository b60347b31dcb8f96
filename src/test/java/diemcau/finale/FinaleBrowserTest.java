package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Browser;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("The final in real browsers: a judge's console, the MC's panel and the hall")
class FinaleBrowserTest {

  private TestServer server;
  private FinalFixture fixture;
  private Browser judge;
  private Browser mc;
  private Browser hall;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    fixture = new FinalFixture(server);
  }

  @AfterEach
  void stop() throws Exception {
    for (Browser browser : new Browser[] {judge, mc, hall}) {
      if (browser != null) {
        browser.close();
      }
    }
    server.close();
  }

  private static WebDriverWait waiting(Browser browser, int seconds) {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(seconds));
  }

  @Test
  @DisplayName("a judge scores on the console, the MC steps the reveal, the hall shows the winners in order")
  void finalNight() throws Exception {
    fixture.stage2(9);
    fixture.ok(fixture.mc("screen.scene", new JsonObject().put("scene", "final")));
    hall = Browser.open(1920, 1080);
    hall.driver.get(server.http("/hall"));
    waiting(hall, 15).until(d -> hallText().contains("9/11 bài dự thi đã nhận"));
    hall.screenshot("final-hall-entries");

    fixture.finalists();
    List<String> tokens = fixture.judges(3);
    waiting(hall, 10).until(d -> hallText().contains("6 đơn vị vào Chung kết"));
    fixture.ok(fixture.mc("final.draw", new JsonObject().put("seed", 2026)));
    waiting(hall, 10).until(d -> hallText().contains("Bốc thăm thứ tự trình bày"));
    Thread.sleep(1_500);
    hall.screenshot("final-hall-draw");
    waiting(hall, 15).until(d -> hallText().contains("hạt giống (seed) 2026") && !hallText().contains("Bốc thăm thứ tự trình bày"));
    fixture.startSlot(1);
    String first = fixture.state().getJsonArray("order").getString(0);
    waiting(hall, 15).until(d -> hallText().contains("Đang trình bày"));
    hall.screenshot("final-hall-running-order");

    judge = Browser.open(412, 915);
    judge.driver.get(server.http("/judge?token=" + tokens.get(0)));
    waiting(judge, 15).until(d -> d.findElement(By.id("team")).getText().equals(Outcome.name(server.server.event(), first)));
    assertThat(judge.driver.getCurrentUrl()).doesNotContain("token");
    JsonObject sheet = FinalFixture.distinct(States.FINALISTS.indexOf(first), 0);
    List<WebElement> inputs = judge.driver.findElements(By.cssSelector("#criteria input"));
    for (int i = 0; i < inputs.size() - 1; i++) {
      inputs.get(i).sendKeys(String.valueOf(sheet.getDouble(FinalFixture.CRITERIA.get(i))).replace('.', ','));
    }
    judge.driver.findElement(By.id("submit")).click();
    waiting(judge, 5).until(d -> d.findElement(By.cssSelector(".criterion.invalid .field-error")).getText().contains("Chưa nhập"));
    inputs.get(inputs.size() - 1).sendKeys("99");
    judge.driver.findElement(By.id("submit")).click();
    waiting(judge, 5).until(d -> d.findElement(By.cssSelector(".criterion.invalid .field-error")).getText().contains("từ 0 đến 15"));
    inputs.get(inputs.size() - 1).clear();
    inputs.get(inputs.size() - 1).sendKeys(String.valueOf(sheet.getDouble("thuyet-trinh")));
    judge.driver.findElement(By.id("submit")).click();
    waiting(judge, 5).until(d -> d.findElement(By.id("confirm")).isDisplayed());
    assertThat(judge.driver.findElement(By.id("confirm-team")).getText()).isEqualTo(Outcome.name(server.server.event(), first));
    judge.screenshot("final-judge-confirm");
    judge.driver.findElement(By.id("confirm-ok")).click();
    waiting(judge, 10).until(d -> d.findElement(By.id("locked")).isDisplayed());
    assertThat(judge.driver.findElement(By.cssSelector("nav#finalists button.scored")).getText()).contains("Đã chấm");
    judge.screenshot("final-judge-locked");
    JsonObject mine = Rest.get(server.port, "/api/final/judge", tokens.get(0)).body().getJsonObject("mine").getJsonObject(first);
    assertThat(mine.getJsonObject("scores")).isEqualTo(sheet);

    fixture.presentAll();
    for (int f = 0; f < States.FINALISTS.size(); f++) {
      for (int j = 0; j < tokens.size(); j++) {
        if (!(j == 0 && States.FINALISTS.get(f).equals(first))) {
          fixture.ok(fixture.as(tokens.get(j), "judge.score",
              new JsonObject().put("unit", States.FINALISTS.get(f)).put("scores", FinalFixture.distinct(f, j))));
        }
      }
    }
    fixture.ok(fixture.admin("final.finalise", new JsonObject()));
    JsonArray script = Rest.get(server.port, "/api/final/admin", TestServer.ADMIN_TOKEN).body()
        .getJsonObject("reveal").getJsonArray("script");

    mc = Browser.open(1600, 1000);
    mc.driver.get(server.http("/mc"));
    mc.driver.executeScript("localStorage.setItem('diemcau.mcToken', arguments[0])", TestServer.MC_TOKEN);
    mc.driver.navigate().refresh();
    WebElement next = waiting(mc, 15).until(d -> d.findElement(By.xpath("//*[@id='final-panel']//button[contains(., 'Công bố tiếp')]")));
    mc.driver.executeScript("arguments[0].scrollIntoView()", next);
    waiting(mc, 10).until(d -> next.isEnabled());
    assertThat(mc.driver.findElement(By.cssSelector(".fmc table")).getText()).contains("✓").doesNotContain("80,25", "80.25");
    mc.screenshot("final-mc-panel");

    List<String> shown = new ArrayList<>();
    for (int step = 1; step <= script.size(); step++) {
      String expected = Outcome.name(server.server.event(), script.getJsonObject(step - 1).getString("unit"));
      waiting(mc, 10).until(d -> next.isEnabled());
      next.click();
      next.click(); // a second click during the animation is ignored
      waiting(hall, 10).until(d -> expected.equals(winner()));
      shown.add(winner());
      if (step == 5 || step == 8) {
        settle();
        hall.screenshot("final-hall-reveal-step-" + step);
      }
    }
    settle();
    hall.screenshot("final-hall-reveal-first-prize");
    assertThat(shown).containsExactlyElementsOf(script.stream()
        .map(award -> Outcome.name(server.server.event(), ((JsonObject) award).getString("unit"))).toList());
    assertThat(fixture.state().getJsonObject("reveal").getInteger("step")).isEqualTo(script.size());
    assertThat(hall.driver.findElement(By.cssSelector("section.final .prize")).getText()).isEqualTo("Giải Nhất");
  }

  @Test
  @DisplayName("the admin sees entries with contacts and the results, and creates a judge whose link and QR code are shown once")
  void adminConsole() throws Exception {
    fixture.finalists();
    fixture.scoreAll(fixture.judges(3), FinalFixture::distinct);
    Browser admin = Browser.open(1400, 1000);
    mc = admin;
    admin.driver.get(server.http("/final-admin"));
    admin.driver.executeScript("localStorage.setItem('diemcau.adminToken', arguments[0])", TestServer.ADMIN_TOKEN);
    admin.driver.navigate().refresh();
    waiting(admin, 15).until(d -> d.findElements(By.cssSelector("#entry-rows tr")).size() == 11);
    assertThat(admin.driver.findElement(By.id("entry-rows")).getText()).contains("contact-11560@example.vn");
    assertThat(admin.driver.findElement(By.id("results-rows")).getText()).contains("Giải Nhất", "Phường Thủy Nguyên");
    assertThat(admin.driver.findElement(By.id("results-state")).getText()).contains("Đủ điều kiện chốt");

    admin.driver.findElement(By.cssSelector("#judge-form input[name=name]")).sendKeys("Trần Thị Dự Khuyết");
    admin.driver.findElement(By.cssSelector("#judge-form button")).click();
    WebElement card = waiting(admin, 10).until(d -> d.findElement(By.cssSelector("#new-judge .token-card")));
    String url = card.findElement(By.cssSelector(".url")).getText();
    assertThat(url).startsWith(server.http("/judge?token="));
    assertThat(card.findElements(By.cssSelector(".qr svg"))).hasSize(1);
    String token = url.substring(url.indexOf("token=") + 6);
    assertThat(Rest.get(server.port, "/api/final/judge", token).body().getJsonObject("judge").getString("name"))
        .isEqualTo("Trần Thị Dự Khuyết");
    admin.driver.findElement(By.id("judges")).click();
    admin.screenshot("final-admin-judge-created");
    admin.driver.navigate().refresh();
    waiting(admin, 15).until(d -> d.findElements(By.cssSelector("#judge-rows tr")).size() == 4);
    assertThat(admin.driver.findElements(By.cssSelector("#new-judge .token-card"))).isEmpty();
    assertThat(admin.driver.getPageSource()).doesNotContain(token);
  }

  /** Lets the name's entrance finish before a screenshot. */
  private static void settle() throws InterruptedException {
    Thread.sleep(1_000);
  }

  private String hallText() {
    return hall.driver.findElement(By.cssSelector("section.final")).getText();
  }

  /** The winner's name on the hall, read in one step (the scene replaces its nodes as the reveal moves). */
  private String winner() {
    return (String) hall.driver.executeScript("const w = document.querySelector('section.final .winner'); return w ? w.textContent : null;");
  }
}
