package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Browser;
import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("The admin's stage-1 page in a real browser: upload an export, see refused rows, then the standings")
class Stage1AdminBrowserTest {

  private static final String HEADER = "unit,person,enrolledAt,completedAt,score,lastActivityAt\n";

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
  @DisplayName("a file with a bad row is refused with its line and reason; the corrected file is imported and ranked")
  void uploadFromTheConsole(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, HEADER
        + "11560,p-1,2026-05-28T08:00:00+07:00,2026-05-29T09:00:00+07:00,90,2026-05-29T09:00:00+07:00\n"
        + "99999,p-2,2026-05-28T08:00:00+07:00,,,2026-05-28T08:00:00+07:00\n");
    Path good = dir.resolve("good.csv");
    Files.writeString(good, HEADER
        + "11560,p-1,2026-05-28T08:00:00+07:00,2026-05-29T09:00:00+07:00,90,2026-05-29T09:00:00+07:00\n"
        + "11560,p-2,2026-05-28T08:00:00+07:00,,,2026-05-28T08:00:00+07:00\n");

    admin = Browser.open(1280, 900);
    admin.driver.get(server.http("/stage1"));
    admin.driver.executeScript("localStorage.setItem('diemcau.adminToken', arguments[0])", TestServer.ADMIN_TOKEN);
    admin.driver.navigate().refresh();
    WebDriverWait waiting = new WebDriverWait(admin.driver, Duration.ofSeconds(15));
    waiting.until(d -> d.findElement(By.id("stage1")).isDisplayed());
    assertThat(admin.driver.findElement(By.id("login")).isDisplayed()).as("signed in: no token form").isFalse();

    admin.driver.findElement(By.id("import-file")).sendKeys(bad.toString());
    admin.driver.findElement(By.cssSelector("#import button")).click();
    waiting.until(d -> !d.findElements(By.cssSelector("#result .rejected tbody tr")).isEmpty());
    String refused = admin.driver.findElement(By.id("result")).getText();
    assertThat(refused).contains("không nhập").contains("3").contains("Mã đơn vị").contains("Không có đơn vị mang mã này");
    admin.screenshot("stage1-refused-rows");
    assertThat(completed("11560")).as("nothing of the refused file was applied").isZero();

    admin.driver.findElement(By.id("import-file")).sendKeys(good.toString());
    admin.driver.findElement(By.cssSelector("#import button")).click();
    waiting.until(d -> d.findElement(By.id("result")).getText().contains("đã nhập"));
    assertThat(admin.driver.findElement(By.id("result")).getText()).contains("2 dòng, 2 người").contains("2 mới");
    admin.screenshot("stage1-imported");
    // the leaderboard topic is coalesced to at most a frame a second
    waiting.until(d -> completedNow("11560") == 1);
  }

  private int completedNow(String unit) {
    try {
      return completed(unit);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The unit's completed count on the live leaderboard topic. */
  private int completed(String unit) throws Exception {
    JsonObject state = Rest.get(server.port, "/api/state/leaderboard", null).body();
    return state.getJsonArray("groups").stream()
        .flatMap(group -> ((JsonObject) group).getJsonArray("rows").stream())
        .map(JsonObject.class::cast)
        .filter(row -> unit.equals(row.getString("unit")))
        .findFirst().orElseThrow().getInteger("completed");
  }
}
