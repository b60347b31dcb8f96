package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.finale.Draw;
import diemcau.finale.FinalFixture;
import diemcau.support.Browser;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("The MC's printable run sheet, /mc/print")
class RunSheetBrowserTest {

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

  @Test
  @DisplayName("each day's programme with what to press; the final's slots named after the draw; no token, no result")
  void runSheet() throws Exception {
    FinalFixture fixture = new FinalFixture(server);
    fixture.finalists();
    fixture.ok(fixture.mc("final.draw", new JsonObject().put("seed", 77)));
    List<String> order = Draw.order(List.of("11560", "10525", "11239", "10909", "11002", "11779"), 77);

    browser = Browser.open(1000, 1400);
    browser.driver.get(server.http("/mc/print?day=final"));
    WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(15));
    wait.until(d -> d.findElements(By.cssSelector("#programme tr")).size() == server.server.event().finalDay().programme().size());
    assertThat(browser.driver.findElement(By.id("when")).getText()).startsWith("Thứ Năm, 25/6/2026 · 14:00 · Phòng 103");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#programme tr"));
    assertThat(rows.get(0).getText()).contains("13:45–14:00", "Đón tiếp đại biểu", "Bắt đầu");
    assertThat(rows.get(3).getText()).contains("Bốc thăm: gõ số, bấm Bốc thăm thứ tự");
    WebElement firstSlot = rows.get(FinalFixture.slotIndex(server, 1));
    assertThat(firstSlot.getText()).contains("14:30–14:40", "Trình bày: " + server.server.event().unit(order.get(0)).orElseThrow().displayName(), "Space");
    assertThat(browser.driver.findElement(By.id("order")).getText()).startsWith("Thứ tự trình bày (bốc thăm với số 77): 1. ");
    assertThat(browser.driver.findElement(By.id("final-steps")).isDisplayed()).isTrue();
    assertThat(browser.driver.findElement(By.id("contacts")).getText()).contains("0982 103 591", "tulieu&nghiencuu@hpstic.vn");
    assertThat(browser.driver.getPageSource()).doesNotContain(TestServer.MC_TOKEN, TestServer.ADMIN_TOKEN, "Giải Nhất");
    browser.screenshot("mc-print-final");

    browser.driver.get(server.http("/mc/print?day=conference"));
    wait.until(d -> d.findElements(By.cssSelector("#programme tr")).size() == 9);
    assertThat(browser.driver.findElement(By.id("when")).getText()).startsWith("Thứ Tư, 27/5/2026 · 14:00");
    assertThat(browser.driver.findElement(By.id("final-steps")).isDisplayed()).isFalse();
    browser.screenshot("mc-print-conference");
  }
}
