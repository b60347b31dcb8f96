package diemcau.cluster;

import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One cluster node as its own JVM ({@code diemcau.Main} on the tests' class path), on 127.0.0.1,
 * against a shared MariaDB database; every node of a test shares one data folder's secrets.
 */
final class NodeProcess implements AutoCloseable {

  final Process process;
  final int port;
  final int clusterPort;
  final Path log;

  private NodeProcess(Process process, int port, int clusterPort, Path log) {
    this.process = process;
    this.port = port;
    this.clusterPort = clusterPort;
    this.log = log;
  }

  /**
   * Starts a node, {@code extra} added to its environment, and waits until its {@code /health}
   * answers 200 (its role may still be settling).
   */
  static NodeProcess start(Path data, String dbUrl, int clusterPort, List<Integer> members, Map<String, String> extra)
      throws Exception {
    List<String> list = new ArrayList<>();
    members.forEach(member -> list.add("127.0.0.1:" + member));
    Map<String, String> env = new java.util.HashMap<>(extra);
    env.putAll(Map.of("DIEMCAU_CLUSTER", "true", "DIEMCAU_CLUSTER_PORT", Integer.toString(clusterPort),
        "DIEMCAU_CLUSTER_MEMBERS", String.join(",", list), "DIEMCAU_DB_URL", dbUrl, "DIEMCAU_DB_USER", "root"));
    return start(data, env, clusterPort, true);
  }

  /** Starts {@code diemcau.Main} with {@code env}; waits for health if {@code ready}, else returns at once. */
  static NodeProcess start(Path data, Map<String, String> env, int clusterPort, boolean ready) throws Exception {
    int port = TestServer.freePort();
    Path log = Files.createTempFile("diemcau-node", ".log");
    ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), "diemcau.Main")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(TestServer.processEnvironment(port, data));
    builder.environment().putAll(env);
    NodeProcess node = new NodeProcess(builder.start(), port, clusterPort, log);
    if (ready) {
      node.awaitHealthy(120_000);
    }
    return node;
  }

  void awaitHealthy(long ms) throws Exception {
    long deadline = System.currentTimeMillis() + ms;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the node exited with " + process.exitValue() + ":\n" + output());
      }
      if (health() != null) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the node did not become healthy within " + ms + " ms:\n" + output());
  }

  /** {@code /health}'s body, or null when it does not answer 200. */
  JsonObject health() {
    try {
      Rest.Reply reply = Rest.get(port, "/health", null);
      return reply.status() == 200 ? reply.body() : null;
    } catch (Exception notYet) {
      return null;
    }
  }

  boolean isWriter() {
    JsonObject health = health();
    return health != null && "writer".equals(health.getString("role"));
  }

  long pid() {
    return process.pid();
  }

  void signal(String signal) throws Exception {
    new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).start().waitFor();
  }

  /** SIGKILL: no shutdown hook, as a power cut. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      signal("CONT");
      process.destroyForcibly().waitFor();
    }
  }
}
