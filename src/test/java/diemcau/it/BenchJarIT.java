package diemcau.it;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code bench} as the README tells the IT centre to run it: from the packaged jar, against the packaged server. */
@DisplayName("bench from the packaged jar")
class BenchJarIT {

  @Test
  @DisplayName("prints the table with its targets (agenda steps first) and writes the same as JSON, bare reference included")
  void benchFromTheJar() throws Exception {
    Path data = Files.createTempDirectory("diemcau-bench-jar");
    Path json = Files.createTempFile("bench", ".json");
    Path printed = Files.createTempFile("bench", ".out");
    int port = TestServer.freePort();
    try (JarProcess server = JarProcess.start(data, port, Map.of())) {
      ProcessBuilder bench = new ProcessBuilder(List.of("java", "-jar", JarProcess.JAR.toString(), "bench",
          "--url", "http://127.0.0.1:" + port, "--viewers", "30", "--rounds", "3", "--priority", "5", "--slow", "2",
          "--idle-seconds", "1", "--warmup-rounds", "2", "--json", json.toString()))
          .redirectErrorStream(true).redirectOutput(printed.toFile());
      // the tokens as an organiser passes them: from the environment the server was started with
      bench.environment().put("DIEMCAU_MC_TOKEN", TestServer.MC_TOKEN);
      bench.environment().put("DIEMCAU_ADMIN_TOKEN", TestServer.ADMIN_TOKEN);
      Process running = bench.start();
      boolean ended = running.waitFor(180, TimeUnit.SECONDS);
      if (!ended) {
        running.destroyForcibly().waitFor();
      }
      String table = Files.readString(printed);
      assertThat(ended).as("bench ended within 180 s:\n" + table).isTrue();
      assertThat(running.exitValue()).as(table).isZero();
      assertThat(table).contains("diemcau bench — machine:", "fan-out by operation", "agenda.next/previous, socket",
          "agenda.next/previous, rest", "fan-out command→last", "rounds taken in turn with the bare reference's",
          "priority tier", "reconnect storm", "targets:", "JSON written to " + json);

      JsonObject report = new JsonObject(Files.readString(json));
      JsonObject steps = report.getJsonObject("diemcau").getJsonArray("operations").getJsonObject(0);
      assertThat(steps.getString("operation")).as("the agenda step leads").isEqualTo("agenda.next/previous");
      assertThat(steps.getInteger("failedRounds")).isZero();
      assertThat(steps.getJsonObject("latencyMs").getInteger("count")).isEqualTo(3);
      assertThat(steps.getJsonObject("latencyMs").getDouble("p50")).isPositive()
          .isLessThanOrEqualTo(steps.getJsonObject("latencyMs").getDouble("p99"));
      assertThat(steps.getInteger("frameBytes")).as("bytes of the agenda frame the viewers received").isPositive();
      assertThat(steps.getJsonObject("receivedBytes").getInteger("count")).as("every viewer's frame of every round")
          .isEqualTo(3 * 30);
      assertThat(report.getJsonObject("diemcau").getJsonObject("fanout").getJsonObject("latencyMs").getInteger("count")).isEqualTo(3);
      assertThat(report.getJsonObject("bare").getJsonObject("fanout").getJsonObject("latencyMs").getInteger("count"))
          .as("the bare reference, a child JVM started from the jar").isEqualTo(3);
      assertThat(report.getJsonObject("diemcau").getJsonObject("server").getLong("pid"))
          .as("the server's own metrics, read with the admin token").isEqualTo(server.process.pid());
      assertThat(report.getJsonArray("targets")).isNotEmpty();
    }
  }
}
