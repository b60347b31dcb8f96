package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pages' own modules under Node's test runner: the agenda's figures derived from the topic's
 * anchors and the merge of patch frames (src/test/js). Needs {@code node} (20 or later) on the path.
 */
@DisplayName("The pages' scripts")
class PageScriptsTest {

  @Test
  @DisplayName("derive the agenda's figures and apply patch frames as their tests in src/test/js say")
  void nodeTests() throws Exception {
    assumeTrue(nodeAvailable(), "node is not on the path: the pages' script tests (src/test/js) need Node 20 or later");
    Process node = new ProcessBuilder("node", "--experimental-detect-module", "--test", "src/test/js/")
        .redirectErrorStream(true).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
  }

  private static boolean nodeAvailable() {
    try {
      return new ProcessBuilder("node", "--version").directory(Path.of(".").toFile()).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
