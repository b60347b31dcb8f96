package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Browser;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The consoles' one sign-in (session.js) in a real browser: a token is kept through a network
 * failure and forgotten only when the server says it is wrong; a judge's link carries its token
 * after '#' and the page takes it out of the address bar. The network failure is the browser's
 * own: its requests to the API and the socket are blocked (DevTools), then let through.
 */
@DisplayName("Consoles keep their token through a network failure and sign in when the server is back")
class SessionBrowserTest {

  private static final List<String> SERVER_CALLS = List.of("*/api/*", "*/ws*");

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
  @DisplayName("a judge page opened while the server is unreachable keeps its link's token and signs in once it is back")
  void judgeThroughABlip() throws Exception {
    Rest.Reply created = Rest.post(server.port, "/api/final/judges", TestServer.ADMIN_TOKEN,
        new JsonObject().put("name", "Phạm Thị Giám Khảo").encode());
    String link = created.body().getString("url");
    String token = created.body().getString("token");
    assertThat(link).isEqualTo(server.http("/judge#token=" + token));

    browser = Browser.open(412, 915);
    block(SERVER_CALLS);
    browser.driver.get(link);
    WebDriverWait waiting = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
    waiting.until(d -> !d.findElements(By.cssSelector(".session-wait")).isEmpty());
    Thread.sleep(3_000); // several sign-in attempts fail meanwhile
    assertThat(stored("diemcau.judgeToken")).as("the token survives the failed attempts").isEqualTo(token);
    assertThat(browser.driver.getCurrentUrl()).as("the token left the address bar").doesNotContain(token).endsWith("/judge");
    assertThat(browser.driver.findElement(By.id("login")).isDisplayed()).as("no sign-in form for a network failure").isFalse();
    assertThat(browser.driver.findElement(By.cssSelector(".session-wait")).getText()).contains("Chưa kết nối được máy chủ");
    browser.screenshot("judge-waiting-for-server");

    block(List.of());
    waiting.until(d -> d.findElement(By.id("judge-name")).getText().equals("Phạm Thị Giám Khảo"));
    waiting.until(d -> d.findElement(By.id("link")).getText().equals("Trực tuyến"));
    assertThat(browser.driver.findElements(By.cssSelector(".session-wait"))).isEmpty();
    assertThat(stored("diemcau.judgeToken")).isEqualTo(token);
    browser.screenshot("judge-signed-in-after-blip");

    // the server says the token is wrong: then, and only then, it is forgotten
    browser.driver.executeScript("localStorage.setItem('diemcau.judgeToken', 'not-a-judge-token-at-all')");
    browser.driver.navigate().refresh();
    waiting.until(d -> d.findElement(By.id("login")).isDisplayed());
    assertThat(browser.driver.findElement(By.id("login-error")).getText()).contains("không đúng");
    assertThat(stored("diemcau.judgeToken")).isNull();
  }

  @Test
  @DisplayName("an admin page that cannot reach the server keeps the admin token; its socket's token never goes in an address")
  void adminThroughABlip() throws Exception {
    browser = Browser.open(1280, 900);
    browser.driver.get(server.http("/favicon.svg"));
    browser.driver.executeScript("localStorage.setItem('diemcau.adminToken', arguments[0])", TestServer.ADMIN_TOKEN);
    block(SERVER_CALLS);
    browser.driver.get(server.http("/final-admin"));
    WebDriverWait waiting = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
    waiting.until(d -> !d.findElements(By.cssSelector(".session-wait")).isEmpty());
    Thread.sleep(2_000);
    assertThat(stored("diemcau.adminToken")).isEqualTo(TestServer.ADMIN_TOKEN);
    block(List.of());
    waiting.until(d -> d.findElement(By.id("admin")).isDisplayed());
    waiting.until(d -> d.findElement(By.id("link")).getText().equals("Trực tuyến"));
    assertThat(stored("diemcau.adminToken")).isEqualTo(TestServer.ADMIN_TOKEN);
    // the socket was opened with the token in a header: the server saw an admin socket, not a viewer
    assertThat(Rest.get(server.port, "/api/metrics", TestServer.ADMIN_TOKEN).body().getInteger("prioritySockets")).isEqualTo(1);
  }

  private void block(List<String> patterns) {
    browser.driver.executeCdpCommand("Network.enable", Map.of());
    browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", patterns));
  }

  private String stored(String key) {
    return (String) browser.driver.executeScript("return localStorage.getItem(arguments[0])", key);
  }
}
