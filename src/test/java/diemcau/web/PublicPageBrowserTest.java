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
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("The public page on a phone: the completion chart says when it has nothing to draw, and its axis reads true")
class PublicPageBrowserTest {

  private static final String HEADER = "unit,person,enrolledAt,completedAt,score,lastActivityAt\n";

  private TestServer server;
  private Browser phone;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (phone != null) {
      phone.close();
    }
    server.close();
  }

  @Test
  @DisplayName("no completions: a line of text, no axis; completions over one day: hours on the axis, over days: dates")
  void completionChart() throws Exception {
    phone = Browser.open(390, 844);
    phone.driver.get(server.http("/"));
    WebDriverWait waiting = new WebDriverWait(phone.driver, Duration.ofSeconds(15));
    waiting.until(d -> d.findElement(By.cssSelector(".status")).getText().equals("Trực tiếp"));
    waiting.until(d -> !d.findElements(By.cssSelector("tbody tr")).isEmpty());
    assertThat(phone.driver.findElement(By.cssSelector(".chart-empty")).isDisplayed()).isTrue();
    assertThat(phone.driver.findElement(By.cssSelector(".chart")).isDisplayed()).as("no axis of made-up dates").isFalse();
    phone.screenshot("public-no-completions");

    importCsv(HEADER
        + "11560,p-1,2026-05-28T08:00:00+07:00,2026-05-28T09:00:00+07:00,90,2026-05-28T09:00:00+07:00\n"
        + "11560,p-2,2026-05-28T08:00:00+07:00,2026-05-28T15:30:00+07:00,80,2026-05-28T15:30:00+07:00\n");
    waiting.until(d -> d.findElement(By.cssSelector(".chart")).isDisplayed());
    assertThat(phone.driver.findElement(By.cssSelector(".chart-empty")).isDisplayed()).isFalse();
    List<String> hours = waitForTicks(waiting, "09:00");
    assertThat(hours).allMatch(label -> label.matches("\\d\\d:\\d\\d")).contains("15:30");

    importCsv(HEADER
        + "11560,p-3,2026-05-28T08:00:00+07:00,2026-06-03T10:00:00+07:00,70,2026-06-03T10:00:00+07:00\n");
    List<String> days = waitForTicks(waiting, "28/05");
    assertThat(days).allMatch(label -> label.matches("\\d\\d/\\d\\d")).contains("03/06").doesNotContain("01/01");
    assertThat(labels("y")).as("no units headcount: a count of people, in whole numbers").isNotEmpty()
        .allMatch(label -> label.matches("\\d+"));
    phone.screenshot("public-completions-over-days");
  }

  private void importCsv(String csv) throws Exception {
    assertThat(Rest.post(server.port, "/api/participation/import", TestServer.ADMIN_TOKEN, csv).status()).isEqualTo(200);
  }

  /** The chart's x-axis labels once the first of them is {@code first} (the board is coalesced to a frame a second). */
  private List<String> waitForTicks(WebDriverWait waiting, String first) {
    return waiting.until(d -> {
      List<String> labels = labels("x");
      return !labels.isEmpty() && labels.get(0).equals(first) ? labels : null;
    });
  }

  @SuppressWarnings("unchecked")
  private List<String> labels(String axis) {
    return (List<String>) phone.driver.executeScript(
        "const c = Chart.getChart(document.querySelector('.chart canvas'));"
            + " return c ? c.scales[arguments[0]].ticks.map((t) => String(t.label)) : [];", axis);
  }
}
