package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Browser;
import diemcau.support.PrivateMariaDb;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("The MC console when the database stops in the middle of its command")
class OutcomeUnknownBrowserTest {

  private static final String PENDING = "Máy chủ chưa xác nhận lệnh vừa bấm";
  private static final String DONE = "Đã đọc lại trạng thái";

  private PrivateMariaDb database;
  private TestServer server;
  private Browser mc;

  @AfterEach
  void stop() throws Exception {
    if (mc != null) {
      mc.close();
    }
    if (database != null) {
      database.resume();
    }
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName("'next' answered outcome_unknown keeps the console busy, is never sent again, and the agenda is read back once the database answers")
  void nextWithUnknownOutcome() throws Exception {
    database = PrivateMariaDb.start();
    server = TestServer.start(Files.createTempDirectory("diemcau-unknown"), database.url());
    // the conference's day, whatever the calendar says
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.day", new JsonObject().put("day", "conference")).status())
        .isEqualTo(200);
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "agenda.start", null).status()).isEqualTo(200);
    String first = server.server.event().conference().programme().get(0).title();
    String second = server.server.event().conference().programme().get(1).title();
    String third = server.server.event().conference().programme().get(2).title();

    mc = Browser.open(1600, 1000);
    mc.driver.get(server.http("/mc"));
    mc.driver.executeScript("localStorage.setItem('diemcau.mcToken', arguments[0])", TestServer.MC_TOKEN);
    mc.driver.navigate().refresh();
    WebDriverWait wait = new WebDriverWait(mc.driver, Duration.ofSeconds(20));
    wait.until(d -> first.equals(text("#now-title")));

    // the database stops just after the server last used every pooled connection, so the MC's
    // command gets one without a check and stalls inside its transaction, as when a database host
    // hangs mid-event (a connection idle for longer is checked first, and the command then fails
    // at once as database_unavailable)
    ExecutorService pings = Executors.newFixedThreadPool(16);
    try {
      List<Future<Rest.Reply>> healths = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        healths.add(pings.submit(() -> Rest.get(server.port, "/health", null)));
      }
      for (Future<Rest.Reply> health : healths) {
        assertThat(health.get().status()).isEqualTo(200);
      }
    } finally {
      pings.shutdown();
    }
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "Sắp bắt đầu"))
        .status()).isEqualTo(200);
    database.pause();
    long pressed = System.nanoTime();
    mc.driver.findElement(By.tagName("body")).sendKeys(Keys.SPACE);

    wait.until(d -> text("#command-error").contains(PENDING));
    double answeredAfter = (System.nanoTime() - pressed) / 1e9;
    assertThat(answeredAfter).as("answered by the command's 5 s deadline").isBetween(4.5, 7.0);
    mc.screenshot("mc-outcome-unknown");
    // the MC presses again: the console is still busy with the first command and sends nothing
    mc.driver.findElement(By.tagName("body")).sendKeys(Keys.SPACE);
    mc.driver.findElement(By.id("next")).click();
    assertThat(text("#now-title")).isEqualTo(first);

    database.resume();
    wait.until(d -> text("#command-error").contains(DONE));
    assertThat(text("#now-title")).as("the stalled command had committed once the database resumed").isEqualTo(second);
    mc.screenshot("mc-outcome-unknown-reread");
    assertThat(agendaNexts()).as("one next reached the server, however often it was pressed").isEqualTo(1);
    assertThat(Rest.get(server.port, "/api/state/agenda", null).body().getInteger("current")).isEqualTo(1);

    // the console is free again
    mc.driver.findElement(By.tagName("body")).sendKeys(Keys.SPACE);
    wait.until(d -> third.equals(text("#now-title")));
    assertThat(agendaNexts()).isEqualTo(2);
  }

  private String text(String css) {
    return mc.driver.findElement(By.cssSelector(css)).getText();
  }

  private long agendaNexts() throws Exception {
    JsonArray entries = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries");
    return entries.stream().filter(entry -> "agenda.next".equals(((JsonObject) entry).getString("command"))).count();
  }
}
