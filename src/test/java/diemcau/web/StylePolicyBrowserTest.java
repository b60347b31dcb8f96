package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.finale.FinalFixture;
import diemcau.support.Browser;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page's look comes from the stylesheets in webroot/css: the Content-Security-Policy allows
 * no inline style (no {@code <style>} element, no {@code style="…"} attribute), and no page, scene
 * or console breaks that rule once it has drawn itself. Each page also shows the leaderboard
 * groups by the event file's labels.
 */
@DisplayName("No page needs an inline style: the policy forbids them and no page is refused one")
class StylePolicyBrowserTest {

  private static final String COMMUNES = "Xã, phường, đặc khu";

  private TestServer server;
  private Browser browser;

  @Test
  @DisplayName("the policy names no 'unsafe-inline'")
  void policy() throws Exception {
    try (TestServer started = TestServer.start()) {
      HttpResponse<Void> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(started.http("/mc"))).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
          .contains("style-src 'self';").doesNotContain("unsafe-inline"));
    }
  }

  @Test
  @DisplayName("every page, every hall scene and every console draws itself without a refused style")
  void everyPage() throws Exception {
    try (TestServer started = TestServer.start(); Browser opened = Browser.open(1600, 1000)) {
      server = started;
      browser = opened;
      everyPageDrawsWithoutARefusedStyle();
    }
  }

  private void everyPageDrawsWithoutARefusedStyle() throws Exception {
    FinalFixture fixture = new FinalFixture(server);
    fixture.finalists();
    String judge = fixture.judges(1).get(0);
    String unit = "11560";

    visit("/", d -> COMMUNES.equals(browser.text(".tabs button[data-group=communes]")));
    visit("/bridge?unit=" + unit + "&key=" + server.server.credentials().bridgeKey(unit), d -> !browser.text(".agenda .now-title").isEmpty());
    visit("/report?unit=" + unit + "&key=" + server.server.linkKeys().reportKey(unit),
        d -> browser.text("h1").startsWith("Báo cáo kết quả Chặng 1 — "));
    visit("/mc/print", d -> !browser.text("#day-name").isEmpty());
    visit("/mc#token=" + TestServer.MC_TOKEN, d -> !browser.text("#event-name").isEmpty() && !browser.text("#final-panel .fmc").isEmpty());
    visit("/admin#token=" + TestServer.ADMIN_TOKEN, d -> browser.text("#tools").contains(COMMUNES)
        && !d.findElements(By.cssSelector("#links .card .qr svg")).isEmpty());
    visit("/stage1#token=" + TestServer.ADMIN_TOKEN, d -> browser.text("#stage1").contains("Xếp hạng: " + COMMUNES));
    visit("/final-admin#token=" + TestServer.ADMIN_TOKEN, d -> !d.findElements(By.cssSelector("#entry-rows tr")).isEmpty());
    visit("/judge#token=" + judge, d -> !browser.text("#finalists").isEmpty());

    visit("/hall?key=" + server.server.linkKeys().hallKey(), d -> !browser.text(".topbar .title").isEmpty());
    for (String scene : new String[] {"leaderboard", "final", "bridges", "logo", "agenda"}) {
      assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "screen.scene", new JsonObject().put("scene", scene)).status())
          .isEqualTo(200);
      waiting().until(d -> !browser.text("section." + scene + ".shown").isEmpty());
      assertThat(browser.cspViolations()).as("the hall's %s scene", scene).isEmpty();
    }
    assertThat(browser.text("section.leaderboard .lb-communes-label")).as("the group's label, from the event file").isEqualTo(COMMUNES);
  }

  /** Opens path, waits until drawn says the page has drawn itself, and finds nothing refused. */
  private void visit(String path, Function<WebDriver, Boolean> drawn) {
    browser.driver.get(server.http(path));
    waiting().until(drawn::apply);
    assertThat(browser.cspViolations()).as(path.replaceAll("(token|key)=.*", "$1=…")).isEmpty();
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(15));
  }
}
