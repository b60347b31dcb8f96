package diemcau.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, nothing downloaded. Without Chromium the test
 * is skipped with the reason shown, unless DIEMCAU_REQUIRE_BROWSER=1 (set by .ci/run) makes it fail.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");

  public final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A browser window of exactly {@code width}×{@code height} CSS pixels. */
  public static Browser open(int width, int height) throws IOException {
    if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
      if ("1".equals(System.getenv("DIEMCAU_REQUIRE_BROWSER"))) {
        throw new AssertionError("Chromium is required (DIEMCAU_REQUIRE_BROWSER=1) but /usr/bin/chromium or chromedriver is missing");
      }
      Assumptions.abort("browser test skipped: install Debian's chromium and chromium-driver to run it");
    }
    Path profile = Files.createTempDirectory("diemcau-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    // every Content-Security-Policy refusal on every page this browser opens, for cspViolations()
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push("
            + "e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber"
            + " + (e.sample ? ' (' + e.sample + ')' : '')));"));
    return new Browser(driver, profile);
  }

  /** What the Content-Security-Policy refused on the page open now: directive, what, where. */
  @SuppressWarnings("unchecked")
  public List<String> cspViolations() {
    Object found = driver.executeScript("return window.cspViolations || []");
    return ((List<Object>) found).stream().map(String::valueOf).toList();
  }

  /** Shifts this page's clock by {@code ms} before any page script runs (a screen whose clock is wrong). */
  public void shiftClock(long ms) {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "(() => { const shift = " + ms + "; const realNow = Date.now.bind(Date); Date.now = () => realNow() + shift;"
            + " })();"));
  }

  /**
   * The visible text of the first element matching {@code css} ("" when there is none), read in
   * one step: a scene that replaces its nodes between a find and a read never makes it stale.
   */
  public String text(String css) {
    return String.valueOf(driver.executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css));
  }

  public Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp profile is harmless
    }
  }
}
