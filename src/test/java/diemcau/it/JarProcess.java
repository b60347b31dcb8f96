package diemcau.it;

import diemcau.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged {@code target/diemcau.jar} run as its own process, as an organiser runs it. */
final class JarProcess implements AutoCloseable {

  static final Path JAR = Path.of("target", "diemcau.jar");

  final Process process;
  final int port;
  final Path log;
  /** Milliseconds from process start until /health answered 200. */
  final long readyMs;

  private JarProcess(Process process, int port, Path log, long readyMs) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.readyMs = readyMs;
  }

  static JarProcess start(Path dataDir, int port, Map<String, String> env) throws Exception {
    return start(dataDir, port, env, List.of());
  }

  /** With {@code jvmOptions} before {@code -jar} (the kill loops start the jar fifty times: class data sharing, C1). */
  static JarProcess start(Path dataDir, int port, Map<String, String> env, List<String> jvmOptions) throws Exception {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run mvn package first");
    }
    Path log = Files.createTempFile("diemcau-jar", ".log");
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(TestServer.processEnvironment(port, dataDir));
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process process = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the jar exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return new JarProcess(process, port, log, (System.nanoTime() - started) / 1_000_000);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the jar did not become healthy within 60 s:\n" + Files.readString(log));
  }

  /** SIGKILL: no shutdown hook, no flush, as a power cut or kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM: the graceful path. */
  int terminate() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }
}
