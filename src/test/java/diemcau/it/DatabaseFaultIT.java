package diemcau.it;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.PrivateMariaDb;
import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The database goes away in the middle of the event: first it stops answering (SIGSTOP, as a hung
 * host or a network partition), then it dies (SIGKILL) and comes back, while an MC's commands keep
 * arriving. A MariaDB of the test's own: the shared one is never stopped.
 */
@DisplayName("The packaged jar while its database stops, dies and comes back")
class DatabaseFaultIT {

  /** The command deadline (the server's), and what the reply's way back may take on top on a loaded machine. */
  static final double DEADLINE_S = 5.0;
  static final double MARGIN_S = 1.0;

  /** One command sent during the run and its answer. */
  record Answer(String text, long sentAtMs, int status, String code, double seconds) {}

  @Test
  @DisplayName("every caller answered by its deadline, nothing answered not-executed runs later, the screens run on, all recovers")
  void stoppedThenKilled() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (PrivateMariaDb database = PrivateMariaDb.start();
        JarProcess jar = JarProcess.start(Files.createTempDirectory("diemcau-fault"), TestServer.freePort(),
            Map.of("DIEMCAU_DB_URL", database.url(), "DIEMCAU_DB_USER", "root"));
        ScreenClient hall = ScreenClient.connect(vertx, jar.port, "/ws")) {
      int port = jar.port;
      assertThat(Rest.command(port, TestServer.MC_TOKEN, "agenda.start", null).status()).isEqualTo(200);
      hall.hello("hall", "agenda", "screen").nextState("agenda");

      List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
      List<String> agendaReads = Collections.synchronizedList(new ArrayList<>());
      List<Integer> health = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean running = new AtomicBoolean(true);
      // two consoles sending at once: while one command waits for the database, the other queues behind it
      List<Thread> consoles = new ArrayList<>();
      for (String who : List.of("mc", "script")) {
        consoles.add(new Thread(() -> {
          for (int i = 0; running.get(); i++) {
            String text = "Thông báo của " + who + " khi mất cơ sở dữ liệu " + i;
            long sent = System.nanoTime();
            long sentAt = System.currentTimeMillis();
            try {
              Rest.Reply reply = Rest.command(port, TestServer.MC_TOKEN, "screen.message", new JsonObject().put("text", text));
              JsonObject error = reply.body().getJsonObject("error");
              answers.add(new Answer(text, sentAt, reply.status(), error == null ? null : error.getString("code"),
                  (System.nanoTime() - sent) / 1e9));
            } catch (Exception e) {
              answers.add(new Answer(text, sentAt, -1, e.toString(), (System.nanoTime() - sent) / 1e9));
            }
            pause(who.equals("mc") ? 250 : 400);
          }
        }, who));
      }
      Thread screens = new Thread(() -> {
        while (running.get()) {
          try {
            agendaReads.add(Rest.get(port, "/api/state/agenda", null).body().getString("status"));
            health.add(Rest.get(port, "/health", null).status());
          } catch (Exception e) {
            agendaReads.add(e.toString());
          }
          pause(250);
        }
      }, "screens");
      consoles.forEach(Thread::start);
      screens.start();

      Thread.sleep(2_000);
      database.pause();
      Thread.sleep(10_000);
      database.resume();
      Thread.sleep(3_000);
      database.kill();
      Thread.sleep(5_000);
      database.startServer();
      long back = System.currentTimeMillis();
      long recovered = awaitOks(answers, back, 8, 60_000);
      running.set(false);
      for (Thread console : consoles) {
        console.join();
      }
      screens.join();

      Map<String, Long> byCode = answers.stream()
          .collect(Collectors.groupingBy(answer -> answer.code() == null ? "ok" : answer.code(), Collectors.counting()));
      double slowest = answers.stream().mapToDouble(Answer::seconds).max().orElseThrow();
      System.out.printf(Locale.ROOT, "DATABASE FAULT: %d commands: %s; slowest answer %.2f s; /health %s; "
              + "commands ok again %.1f s after the database was back%n", answers.size(), byCode, slowest,
          health.stream().collect(Collectors.groupingBy(status -> status, Collectors.counting())), (recovered - back) / 1e3);

      assertThat(answers).allSatisfy(answer -> {
        assertThat(answer.seconds()).as("%s answered by its deadline", answer).isLessThan(DEADLINE_S + MARGIN_S);
        assertThat(answer.code()).as("%s", answer).isIn(null, "not_executed", "database_unavailable", "outcome_unknown");
      });
      assertThat(byCode.getOrDefault("not_executed", 0L) + byCode.getOrDefault("database_unavailable", 0L))
          .as("the outage was met").isPositive();
      assertThat(health).as("/health said so while the database was away, and UP again").contains(503).endsWith(200);
      assertThat(agendaReads).as("the agenda ran on for the screens throughout").containsOnly("running");
      assertThat(hall.closeStatus).as("the hall's socket stayed open").isNull();

      Set<String> audited = Rest.get(port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries").stream()
          .map(entry -> ((JsonObject) entry).getJsonObject("args").getString("text")).collect(Collectors.toSet());
      for (Answer answer : answers) {
        if (answer.code() == null) {
          assertThat(audited).as("acknowledged: %s", answer).contains(answer.text());
        } else if (!answer.code().equals("outcome_unknown")) {
          assertThat(audited).as("answered %s, so it never ran: %s", answer.code(), answer).doesNotContain(answer.text());
        }
      }
      JsonObject shown = Rest.get(port, "/api/state/screen", null).body().getJsonObject("message");
      assertThat(hall.next(frame -> "screen".equals(frame.getString("topic"))
          && frame.getJsonObject("data").getJsonObject("message") != null
          && shown.getString("text").equals(frame.getJsonObject("data").getJsonObject("message").getString("text"))))
          .as("the screens show the newest message").isNotNull();
      assertThat(audited).as("and it is one that was committed").contains(shown.getString("text"));
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** Waits until {@code count} commands sent after {@code since} in a row were acknowledged; when the first of them was sent. */
  private static long awaitOks(List<Answer> answers, long since, int count, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      List<Answer> after;
      synchronized (answers) {
        after = answers.stream().filter(answer -> answer.sentAtMs() >= since).toList();
      }
      for (int i = 0; i + count <= after.size(); i++) {
        if (after.subList(i, i + count).stream().allMatch(answer -> answer.code() == null)) {
          return after.get(i).sentAtMs();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("commands were not acknowledged again within " + timeoutMs + " ms of the database's return: "
        + answers.subList(Math.max(0, answers.size() - 10), answers.size()));
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
