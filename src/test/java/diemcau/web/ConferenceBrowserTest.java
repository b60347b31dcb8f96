package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Browser;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("The launch conference in real browsers: hall, two bridge rooms and the MC")
class ConferenceBrowserTest {

  private TestServer server;
  private Browser hall;
  private Browser bridgeA;
  private Browser bridgeB;
  private Browser mc;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (Browser browser : new Browser[] {hall, bridgeA, bridgeB, mc}) {
      if (browser != null) {
        browser.close();
      }
    }
    server.close();
  }

  private String bridgeUrl(String unit) {
    return server.http("/bridge?unit=" + unit + "&key=" + server.server.credentials().bridgeKey(unit));
  }

  private static WebDriverWait waiting(Browser browser) {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(15));
  }

  private static String text(Browser browser, String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  @Test
  @DisplayName("next on the MC console, a message and a cut link are seen on every screen; shifted clocks agree")
  void conference() throws Exception {
    List<JsonObject> items = server.server.event().conference().programme().stream()
        .map(item -> new JsonObject().put("title", item.title())).toList();
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.day", new JsonObject().put("day", "conference")).status())
        .isEqualTo(200);
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", new JsonObject()).status()).isEqualTo(200);

    hall = Browser.open(1920, 1080);
    hall.driver.get(server.http("/hall?key=" + server.server.linkKeys().hallKey()));
    bridgeA = Browser.open(1366, 768);
    bridgeA.driver.get(bridgeUrl("11560"));
    bridgeB = Browser.open(1366, 768);
    bridgeB.shiftClock(3 * 60_000);
    bridgeB.driver.get(bridgeUrl("11557"));
    mc = Browser.open(1600, 1000);
    mc.driver.get(server.http("/mc"));
    mc.driver.executeScript("localStorage.setItem('diemcau.mcToken', arguments[0])", TestServer.MC_TOKEN);
    mc.driver.navigate().refresh();

    for (Browser screen : List.of(hall, bridgeA, bridgeB)) {
      waiting(screen).until(d -> items.get(0).getString("title").equals(text(screen, ".agenda .now-title")));
      assertThat(text(screen, ".topbar .where")).as("the day served").startsWith("Thứ Tư, 27/5/2026 · ");
    }
    assertThat(text(hall, ".topbar .where")).isEqualTo("Thứ Tư, 27/5/2026 · Phòng 103, Trung tâm Hội nghị - Biểu diễn thành phố");
    assertThat(text(bridgeA, ".topbar .where")).isEqualTo("Thứ Tư, 27/5/2026 · Điểm cầu Phường Thủy Nguyên");
    waiting(mc).until(d -> items.get(0).getString("title").equals(text(mc, "#now-title")));

    mc.driver.findElement(By.tagName("body")).sendKeys(Keys.SPACE);
    for (Browser screen : List.of(hall, bridgeA, bridgeB)) {
      waiting(screen).until(d -> items.get(1).getString("title").equals(text(screen, ".agenda .now-title")));
    }

    // the screen whose clock is 3 minutes fast shows the server's time all the same
    for (Browser screen : List.of(hall, bridgeA, bridgeB)) {
      waiting(screen).until(d -> ((Number) screen.driver.executeScript("return diemcau.live.clock() ? 1 : 0")).intValue() == 1);
      long before = System.currentTimeMillis();
      long serverNow = ((Number) screen.driver.executeScript("return diemcau.live.serverNow()")).longValue();
      long after = System.currentTimeMillis();
      assertThat(serverNow).as("server time seen by a screen").isBetween(before - 100, after + 100);
    }
    long shiftedDateNow = ((Number) bridgeB.driver.executeScript("return Date.now()")).longValue();
    assertThat(shiftedDateNow - System.currentTimeMillis()).isGreaterThan(170_000);
    assertThat(countdownSeconds(bridgeB)).isCloseTo(countdownSeconds(hall), org.assertj.core.api.Assertions.within(1));

    WebElement text = mc.driver.findElement(By.id("text"));
    text.sendKeys("Xin mời đại biểu ổn định chỗ ngồi");
    mc.driver.findElement(By.cssSelector("#message button.primary")).click();
    for (Browser screen : List.of(hall, bridgeA, bridgeB)) {
      waiting(screen).until(d -> text(screen, ".banner").equals("Xin mời đại biểu ổn định chỗ ngồi"));
    }
    Thread.sleep(600);
    hall.screenshot("hall-1920x1080");
    bridgeA.screenshot("bridge-1366x768");
    mc.screenshot("mc-console");

    // the page reconnects within a jittered 0.5 s, often before a poll could see the red banner:
    // record every link status it goes through, and whether the banner was up at that moment
    bridgeA.driver.executeScript("window.linkStatuses = []; diemcau.live.onStatus((s) => window.linkStatuses.push(s"
        + " + (document.querySelector('.link').classList.contains('shown') ? '+banner' : '')));"
        + " diemcau.live.drop();");
    waiting(bridgeA).until(d -> String.valueOf(bridgeA.driver.executeScript("return window.linkStatuses.join(',')"))
        .matches("live,down\\+banner.*,live"));
    assertThat(bridgeA.driver.findElement(By.cssSelector(".link")).isDisplayed()).isFalse();
    assertThat(text(bridgeA, ".agenda .now-title")).isEqualTo(items.get(1).getString("title"));

    // the bridges scene: each room from its own member of the topic, a dropped room marked as such
    mc.driver.findElement(By.cssSelector("#scenes button[data-scene=bridges]")).click();
    waiting(hall).until(d -> text(hall, ".bridges .totals").startsWith("2/114"));
    assertThat(hall.driver.findElements(By.cssSelector(".bridges .cell"))).hasSize(114);
    assertThat(hall.driver.findElements(By.cssSelector(".bridges .cell.online"))).hasSize(2);
    bridgeB.close();
    bridgeB = null;
    waiting(hall).until(d -> text(hall, ".bridges .totals").startsWith("1/114"));
    waiting(hall).until(d -> hall.driver.findElements(By.cssSelector(".bridges .cell.offline.dropped")).size() == 1);
    waiting(mc).until(d -> mc.driver.findElements(By.cssSelector("#rooms li.offline")).stream()
        .anyMatch(room -> room.getText().contains("(mất kết nối từ ")));
    hall.screenshot("hall-bridges-1920x1080");
    mc.screenshot("mc-console-bridge-dropped");
  }

  private static int countdownSeconds(Browser screen) {
    String[] parts = text(screen, ".agenda .countdown").replace("+", "").split(":");
    return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
  }

  @Test
  @DisplayName("the bridge links page shows every unit's link with a QR code; a wrong key gets a clear page")
  void bridgeLinksAndWrongKey() throws Exception {
    hall = Browser.open(1280, 900);
    hall.driver.get(server.http("/bridge?unit=11560&key=forged"));
    assertThat(text(hall, "h1")).isEqualTo("Liên kết điểm cầu không hợp lệ");
    assertThat(text(hall, "ul.contacts")).as("whom to call for the right link").contains("Đường dây nóng (cả Zalo): 0982 103 591",
        "E-mail: tulieu&nghiencuu@hpstic.vn", "onetouch.mic.gov.vn/khoa-hoc-dia-phuong/khoa-hoc-hai-phong", "daotaotructuyen.haiphong.gov.vn");
    assertThat(hall.driver.findElement(By.cssSelector("ul.contacts a")).getAttribute("href")).isEqualTo("tel:0982103591");
    hall.screenshot("bridge-wrong-link");
    hall.driver.get(server.http("/admin"));
    hall.driver.executeScript("localStorage.setItem('diemcau.adminToken', arguments[0])", TestServer.ADMIN_TOKEN);
    hall.driver.navigate().refresh();
    waiting(hall).until(d -> hall.driver.findElements(By.cssSelector(".card")).size() == 114);
    assertThat(hall.driver.findElements(By.cssSelector(".card .qr svg"))).hasSize(114);
    assertThat(text(hall, ".card .url")).contains("/bridge?unit=").contains("&key=");
    hall.screenshot("admin-bridge-links");
  }
}
