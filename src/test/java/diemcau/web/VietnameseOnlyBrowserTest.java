package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.finale.FinalFixture;
import diemcau.support.Browser;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page a person reads, each given a bad input, says what is wrong in Vietnamese: no
 * English sentence and no bare error code reaches the screen. Labels a console marks as English
 * on purpose ({@code lang="en"}, the consoles' second language) are not what is checked.
 */
@DisplayName("Vietnamese everywhere a person reads: every console, given a bad input, answers in Vietnamese")
class VietnameseOnlyBrowserTest {

  /**
   * The English a refusal would bring: text nodes and placeholders on screen with two or more of
   * these words, or a bare error code like {@code bad_argument}.
   */
  private static final String ENGLISH_ON_SCREEN = """
      const WORDS = /\\b(the|is|are|must|not|got|unknown|required|cannot|already|only|with|from|this|that|there|should|\
      expected|invalid|missing|error|failed|please|token|command|server|field|value|was|has|have|been|and|of|for|be|\
      when|which|more|than|need|needs|no|use|send|bad|wrong|file|line|column|unit|scores|judge|entry)\\b/gi;
      const found = [];
      const english = (text) => new Set((text.match(WORDS) || []).map((w) => w.toLowerCase())).size >= 2
        || /\\b[a-z]+_[a-z_]+\\b/.test(text);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || element.closest('[lang=en], script, style, noscript') || !element.checkVisibility()) continue;
        const text = node.textContent.trim();
        // an address is not a sentence (a link's key may look like a code: ru_j…)
        if (text && !/^https?:\\/\\/\\S+$/.test(text) && english(text)) found.push(text);
      }
      for (const input of document.querySelectorAll('[placeholder]')) {
        if (input.checkVisibility() && english(input.placeholder)) found.push(input.placeholder);
      }
      return found;""";

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

  private Browser open(String path, String tokenKey, String token) throws Exception {
    Browser browser = Browser.open(1400, 1000);
    browsers.add(browser);
    browser.driver.get(server.http(path));
    if (tokenKey != null) {
      browser.driver.executeScript("localStorage.setItem(arguments[0], arguments[1])", tokenKey, token);
      browser.driver.navigate().refresh();
    }
    return browser;
  }

  private static WebDriverWait waiting(Browser browser) {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(15));
  }


  /** The page shows no English sentence and no error code; its screenshot is kept to look at. */
  @SuppressWarnings("unchecked")
  private static void vietnameseOnly(Browser browser, String page) throws Exception {
    browser.screenshot("vietnamese-" + page);
    List<String> english = (List<String>) browser.driver.executeScript(ENGLISH_ON_SCREEN);
    assertThat(english).as("English shown on %s", page).isEmpty();
  }

  @Test
  @DisplayName("bridge, MC, judge, stage-2 and final admin, stage-1 admin, links admin, report, public page and hall")
  @SuppressWarnings("unchecked")
  void everyConsole(@TempDir Path dir) throws Exception {
    fixture.finalists();
    String judge = fixture.judges(1).get(0);

    // a bridge room's technician reports an impossible count of delegates
    String unit = "11560";
    Browser bridge = open("/bridge?unit=" + unit + "&key=" + server.server.credentials().bridgeKey(unit), null, null);
    waiting(bridge).until(d -> "live".equals(d.findElement(By.tagName("body")).getAttribute("data-link")));
    bridge.driver.executeScript("const form = document.querySelector('.attendance'); form.elements.count.value = '-1';"
        + " form.dispatchEvent(new Event('submit', {cancelable: true}));");
    waiting(bridge).until(d -> bridge.text(".attendance .result").equals("Số đại biểu phải là số nguyên từ 0 đến 10.000"));
    vietnameseOnly(bridge, "bridge");
    // the check itself sees what the issue saw under this form, and a bare code
    bridge.driver.executeScript("const p = document.createElement('p'); p.id = 'probe';"
        + " p.textContent = 'count must be 0..10000, got -1'; document.querySelector('.attendance').append(p);");
    assertThat((List<Object>) bridge.driver.executeScript(ENGLISH_ON_SCREEN)).containsExactly("count must be 0..10000, got -1");
    bridge.driver.executeScript("document.getElementById('probe').textContent = 'slot_not_started'");
    assertThat((List<Object>) bridge.driver.executeScript(ENGLISH_ON_SCREEN)).containsExactly("slot_not_started");
    bridge.driver.executeScript("document.getElementById('probe').remove()");

    // the MC presses → before the programme started, and types a number that is not one for the draw
    Browser mc = open("/mc", "diemcau.mcToken", TestServer.MC_TOKEN);
    waiting(mc).until(d -> d.findElements(By.cssSelector("#agenda tr")).size() > 1);
    mc.driver.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
    waiting(mc).until(d -> mc.text("#command-error").startsWith("Chương trình chưa chạy — bấm Bắt đầu trước"));
    vietnameseOnly(mc, "mc-agenda");
    WebElement seed = waiting(mc).until(d -> d.findElement(By.id("draw-seed")));
    waiting(mc).until(d -> seed.isEnabled());
    seed.sendKeys("12a");
    mc.driver.findElement(By.xpath("//*[@id='final-panel']//button[contains(., 'Bốc thăm thứ tự')]")).click();
    waiting(mc).until(d -> mc.text(".fmc .error").startsWith("Số bốc thăm phải là số nguyên"));
    vietnameseOnly(mc, "mc-draw");

    // a judge submits before the unit has presented
    Browser tablet = open("/judge?token=" + judge, null, null);
    waiting(tablet).until(d -> !d.findElements(By.cssSelector("#criteria input")).isEmpty());
    for (WebElement input : tablet.driver.findElements(By.cssSelector("#criteria input"))) {
      input.sendKeys("10");
    }
    tablet.driver.findElement(By.id("submit")).click();
    waiting(tablet).until(d -> d.findElement(By.id("confirm")).isDisplayed());
    tablet.driver.findElement(By.id("confirm-ok")).click();
    waiting(tablet).until(d -> tablet.text("#form-error").equals(
        "Chưa gửi được: Đơn vị này chưa đến lượt trình bày: chỉ chấm điểm khi phần trình bày đã bắt đầu"));
    vietnameseOnly(tablet, "judge");

    // the organisers date an entry after stage 2 closed, and decline to set the rule aside
    Browser finalAdmin = open("/final-admin", "diemcau.adminToken", TestServer.ADMIN_TOKEN);
    waiting(finalAdmin).until(d -> d.findElements(By.cssSelector("#entry-rows tr")).size() == 11);
    finalAdmin.driver.executeScript("window.prompt = () => null");
    WebElement form = finalAdmin.driver.findElement(By.id("entry-form"));
    form.findElement(By.name("unit")).sendKeys(unit);
    finalAdmin.driver.executeScript("arguments[0].value = '2026-06-18T10:00'", form.findElement(By.name("receivedAt")));
    form.findElement(By.name("title")).sendKeys("Trợ lý AI");
    form.findElement(By.name("representative")).sendKeys("Lê Văn B");
    form.findElement(By.name("contact")).sendKeys("0900000000");
    form.findElement(By.tagName("button")).click();
    waiting(finalAdmin).until(d -> finalAdmin.text("#message").equals("Ngày nhận bài nằm ngoài thời gian Chặng 2"));
    assertThat(finalAdmin.text("#problems")).contains("Giám khảo 1 chưa gửi phiếu chấm");
    vietnameseOnly(finalAdmin, "final-admin");

    // the stage-1 console gets a file with an unknown unit and a date that is not one
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "unit,person,enrolledAt,completedAt,score,lastActivityAt\n"
        + "99999,p-1,2026-05-28T08:00:00+07:00,,,2026-05-28T08:00:00+07:00\n"
        + "11560,p-2,28 tháng 5,,,\n");
    Browser stage1 = open("/stage1", "diemcau.adminToken", TestServer.ADMIN_TOKEN);
    waiting(stage1).until(d -> d.findElement(By.id("stage1")).isDisplayed());
    stage1.driver.findElement(By.id("import-file")).sendKeys(bad.toString());
    stage1.driver.findElement(By.cssSelector("#import button")).click();
    waiting(stage1).until(d -> !d.findElements(By.cssSelector("#result .rejected tbody tr")).isEmpty());
    assertThat(stage1.text("#result")).contains("Không có đơn vị mang mã này", "Ngày đăng ký không phải ngày giờ");
    vietnameseOnly(stage1, "stage1");

    // the links page: a reset with the wrong confirmation
    Browser links = open("/admin", "diemcau.adminToken", TestServer.ADMIN_TOKEN);
    waiting(links).until(d -> d.findElement(By.id("reset-panel")).isDisplayed());
    links.driver.findElement(By.cssSelector("#reset-panel summary")).click();
    links.driver.findElement(By.id("reset-confirm")).sendKeys("sai");
    links.driver.executeScript("window.confirm = () => true");
    links.driver.findElement(By.id("reset-button")).click();
    waiting(links).until(d -> links.text("#reset-result").equals("Gõ DAT LAI để xác nhận"));
    vietnameseOnly(links, "admin");

    // a unit's report opened with a key that is not its own
    Browser report = open("/report?unit=" + unit + "&key=not-the-key", null, null);
    waiting(report).until(d -> report.text("h1").equals("Không xem được báo cáo này"));
    vietnameseOnly(report, "report");

    // the MC's wrong token
    Browser wrong = open("/mc", "diemcau.mcToken", "not-the-mc-token");
    waiting(wrong).until(d -> wrong.text("#login-error").startsWith("Mã truy cập không đúng"));
    vietnameseOnly(wrong, "mc-wrong-token");

    // and what everyone sees
    fixture.ok(fixture.mc("screen.scene", new JsonObject().put("scene", "final")));
    Browser phone = open("/", null, null);
    waiting(phone).until(d -> !phone.text(".final .order").isEmpty());
    assertThat(phone.text(".contacts")).contains("Liên hệ Ban Tổ chức", "0982 103 591", "tulieu&nghiencuu@hpstic.vn",
        "onetouch.mic.gov.vn", "daotaotructuyen.haiphong.gov.vn");
    vietnameseOnly(phone, "public");
    Browser hall = open("/hall", null, null);
    waiting(hall).until(d -> hall.text("section.final").contains("6 đơn vị vào Chung kết"));
    vietnameseOnly(hall, "hall");
  }
}
