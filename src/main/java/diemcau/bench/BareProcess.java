package diemcau.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The bare broadcast reference as a child JVM started from the bench's own class path and java
 * binary, on the server's transport and garbage collector.
 * Closing it kills the child.
 */
final class BareProcess implements AutoCloseable {

  private final Process process;
  final int port;

  private BareProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the reference on {@code transport}, with {@code gcOption} (e.g. {@code -XX:+UseZGC}) or
   * the JVM's default collector when null: the server's own, so the two differ only in their code.
   */
  static BareProcess start(String host, int loops, int frameBytes, String transport, String gcOption) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    if (gcOption != null) {
      command.add(gcOption);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareBroadcast.class.getName(),
        host, Integer.toString(loops), Integer.toString(frameBytes), transport));
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

  /** The JVM option that selects the collector a server reports ({@code /api/metrics} collectors), or null for the default (G1). */
  static String gcOption(Iterable<Object> collectors) {
    for (Object name : collectors) {
      String collector = String.valueOf(name);
      if (collector.startsWith("ZGC")) {
        return "-XX:+UseZGC";
      }
      if (collector.startsWith("Shenandoah")) {
        return "-XX:+UseShenandoahGC";
      }
      if (collector.startsWith("PS ")) {
        return "-XX:+UseParallelGC";
      }
      if (collector.equals("Copy") || collector.equals("MarkSweepCompact")) {
        return "-XX:+UseSerialGC";
      }
    }
    return null;
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
