package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Browser;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("/admin in a real browser: the hall's link and the units' report links, apart from the bridge cards")
class AdminLinksBrowserTest {

  private TestServer server;
  private Browser admin;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (admin != null) {
      admin.close();
    }
    server.close();
  }

  @Test
  @DisplayName("the hall card has its keyed link and QR; a unit's report link is listed apart and replaced with one click")
  void hallAndReportLinks() throws Exception {
    admin = Browser.open(1280, 900);
    admin.driver.get(server.http("/admin"));
    admin.driver.executeScript("localStorage.setItem('diemcau.adminToken', arguments[0])", TestServer.ADMIN_TOKEN);
    admin.driver.navigate().refresh();
    WebDriverWait waiting = new WebDriverWait(admin.driver, Duration.ofSeconds(15));
    waiting.until(d -> d.findElements(By.cssSelector("#links .card")).size() > 100);
    assertThat(admin.driver.findElement(By.id("links")).getText()).doesNotContain("/report?");

    admin.driver.findElement(By.cssSelector("input[value=hall]")).click();
    WebElement hall = waiting.until(d -> d.findElement(By.cssSelector("#links .card")));
    assertThat(hall.findElement(By.cssSelector(".url")).getText())
        .isEqualTo(server.http("/hall?key=" + server.server.linkKeys().hallKey()));
    assertThat(hall.findElements(By.cssSelector(".qr svg"))).hasSize(1);
    admin.screenshot("admin-hall-link");

    admin.driver.findElement(By.cssSelector("input[value=reports]")).click();
    List<WebElement> rows = waiting.until(d -> d.findElements(By.cssSelector(".reports tbody tr")));
    assertThat(rows).hasSize(server.server.event().units().size());
    WebElement first = rows.get(0);
    String unit = first.findElements(By.tagName("td")).get(1).getText();
    String before = first.findElement(By.cssSelector(".url")).getText();
    assertThat(before).isEqualTo(server.http("/report?unit=" + unit + "&key=" + server.server.linkKeys().reportKey(unit)));
    admin.screenshot("admin-report-links");
    first.findElement(By.tagName("button")).click();
    admin.driver.switchTo().alert().accept();
    waiting.until(d -> d.findElement(By.id("status")).getText().startsWith("Đã đổi liên kết"));
    String after = waiting.until(d -> d.findElement(By.cssSelector(".reports tbody tr .url")).getText());
    assertThat(after).isNotEqualTo(before);
    assertThat(Rest.get(server.port, "/api/participation/report?unit=" + unit + "&key=" + before.substring(before.indexOf("key=") + 4), null)
        .status()).isEqualTo(403);
  }
}
