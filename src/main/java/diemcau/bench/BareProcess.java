package diemcau.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The bare broadcast reference as a child JVM started from the bench's own class path and java
 * binary, with the JVM's default options (as {@code java -jar diemcau.jar} runs the server).
 * Closing it kills the child.
 */
final class BareProcess implements AutoCloseable {

  private final Process process;
  final int port;

  private BareProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static BareProcess start(String host, int loops, int frameBytes) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), BareBroadcast.class.getName(),
        host, Integer.toString(loops), Integer.toString(frameBytes));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith(BareBroadcast.LISTENING)) {
            port.complete(Integer.parseInt(line.substring(BareBroadcast.LISTENING.length()).trim()));
          } else if (output.length() < 8192) {
            output.append(line).append('\n');
          }
        }
      } catch (IOException ignored) {
        // the child ended
      }
      port.completeExceptionally(new IllegalStateException("the bare broadcast server ended:\n" + output));
    }, "bare-broadcast-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new BareProcess(process, port.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
