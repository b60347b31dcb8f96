package diemcau.store;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import org.sqlite.SQLiteDataSource;

/**
 * Times what every command commits on the embedded database: a core's state of 10 KB (an UPDATE of
 * its {@code core_state} row) and its audit row, in one transaction, with SQLite's {@code synchronous}
 * at FULL (the store's setting) and at NORMAL, in turn, commit by commit, with a pause between
 * commits as an MC's commands come. Not a test (not run by {@code mvn test}); after
 * {@code mvn -B package test-compile}:
 * <pre>
 * java -cp target/diemcau.jar:target/test-classes diemcau.store.CommitBenchmark [COMMITS] [PAUSE_MS] [FOLDER]
 * </pre>
 * FOLDER (default: the system's temporary folder) should be on the disk the data folder will be on.
 */
public final class CommitBenchmark {

  private CommitBenchmark() {}

  public static void main(String[] args) throws Exception {
    int commits = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    long pauseMs = args.length > 1 ? Long.parseLong(args[1]) : 20;
    Path parent = args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir"));
    System.out.printf("commit benchmark: %d commits per mode, %d ms apart, in %s, %d cores, Java %s%n", commits, pauseMs, parent,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    String[] modes = {"FULL", "NORMAL"};
    Connection[] connections = new Connection[modes.length];
    double[][] ms = new double[modes.length][commits];
    JsonObject state = new JsonObject().put("text", "x".repeat(10_000));
    for (int m = 0; m < modes.length; m++) {
      Path file = Files.createFile(Files.createTempDirectory(parent, "diemcau-commit").resolve(EmbeddedDatabase.FILE_NAME));
      SQLiteDataSource dataSource = Store.sqlite(file);
      dataSource.setSynchronous(modes[m]);
      org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations(Store.Kind.SQLITE.migrations()).load().migrate();
      connections[m] = dataSource.getConnection();
      connections[m].setAutoCommit(false);
    }
    for (int i = 0; i < commits; i++) {
      for (int m = 0; m < modes.length; m++) {
        long began = System.nanoTime();
        CoreStates.save(connections[m], "agenda", i, state.put("n", i), i);
        AuditLog.append(connections[m], new AuditLog.Entry(i, "mc", "mc", "agenda.next", new JsonObject(), "agenda", (long) i));
        connections[m].commit();
        ms[m][i] = (System.nanoTime() - began) / 1e6;
        Thread.sleep(pauseMs);
      }
    }
    for (int m = 0; m < modes.length; m++) {
      connections[m].close();
      double[] sorted = ms[m].clone();
      Arrays.sort(sorted);
      System.out.printf("  synchronous=%-6s state + audit commit p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", modes[m],
          sorted[commits / 2], sorted[commits * 9 / 10], sorted[(int) Math.ceil(commits * 0.99) - 1], sorted[commits - 1]);
    }
  }
}
