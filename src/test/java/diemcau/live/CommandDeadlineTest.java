package diemcau.live;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every command is answered by its deadline: not executed, database unavailable or outcome unknown")
class CommandDeadlineTest {

  private TestServer server;
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    callers.shutdownNow();
    server.close();
  }

  /** A command's answer and how long after its sending it came. */
  private record Answer(String text, int status, String code, double seconds) {}

  @Test
  @DisplayName("while another process holds the database's write lock, four commands get the three answers, and none runs later")
  void heldLock() throws Exception {
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "trước")).status())
        .isEqualTo(200);
    List<Future<Answer>> answers = new ArrayList<>();
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir.resolve("diemcau.db"));
        Statement lock = other.createStatement()) {
      lock.execute("BEGIN IMMEDIATE");
      for (int i = 1; i <= 4; i++) {
        String text = "giữ khóa " + i;
        answers.add(callers.submit(() -> send(text)));
        Thread.sleep(100);
      }
      // the first waits out the lock (3 s) and fails; the second begins then and is still waiting at its
      // deadline; the third and fourth are still queued at theirs
      Thread.sleep(6_500);
      lock.execute("ROLLBACK");
    }
    List<Answer> got = new ArrayList<>();
    for (Future<Answer> answer : answers) {
      got.add(answer.get());
    }
    System.out.println("answers while the lock was held: " + got);
    assertThat(got).allSatisfy(answer -> assertThat(answer.seconds()).as("answered by the 5 s deadline").isLessThan(5.5));
    assertThat(got.get(0)).extracting(Answer::status, Answer::code).containsExactly(503, "database_unavailable");
    assertThat(got.get(1)).extracting(Answer::status, Answer::code).containsExactly(504, "outcome_unknown");
    assertThat(got.subList(2, 4)).allSatisfy(answer ->
        assertThat(answer).extracting(Answer::status, Answer::code).containsExactly(503, "not_executed"));

    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", "sau")).status())
        .isEqualTo(200);
    Thread.sleep(500);
    assertThat(Rest.get(server.port, "/api/state/screen", null).body().getJsonObject("message").getString("text"))
        .isEqualTo("sau");
    List<String> audited = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries").stream()
        .map(entry -> ((JsonObject) entry).getJsonObject("args").getString("text")).toList();
    assertThat(audited).as("the commands answered not executed, or that failed, never ran").containsExactly("sau", "trước");
  }

  private Answer send(String text) throws Exception {
    long sent = System.nanoTime();
    Rest.Reply reply = Rest.command(server.port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", text));
    JsonObject error = reply.body().getJsonObject("error");
    return new Answer(text, reply.status(), error == null ? null : error.getString("code"), (System.nanoTime() - sent) / 1e9);
  }
}
