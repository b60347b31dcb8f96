package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Browser;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("The final's admin console in a real browser")
class FinalBrowserTest {

  private TestServer server;
  private FinalFixture fixture;
  private Browser admin;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    fixture = new FinalFixture(server);
  }

  @AfterEach
  void stop() throws Exception {
    if (admin != null) {
      admin.close();
    }
    server.close();
  }

  private static WebDriverWait waiting(Browser browser, int seconds) {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(seconds));
  }

  @Test
  @DisplayName("the admin sees entries with contacts and the results, and creates a judge whose link and QR code are shown once")
  void adminConsole() throws Exception {
    fixture.finalists();
    fixture.scoreAll(fixture.judges(3), FinalFixture::distinct);
    admin = Browser.open(1400, 1000);
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
    assertThat(url).startsWith(server.http("/judge#token="));
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
}
