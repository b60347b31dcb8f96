package diemcau.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import diemcau.event.AgendaItem;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The agenda clock")
class AgendaClockTest {

  private static final long MIN = 60_000;
  /** 14:00 on 27/5/2026 in Hải Phòng. */
  private static final long T0 = Instant.parse("2026-05-27T07:00:00Z").toEpochMilli();

  /** a 0–10, b 10–25, c 25–40, d 40–50 (minutes after T0). */
  private final Agenda agenda = new Agenda(List.of(
      item("a", 0, 10), item("b", 10, 25), item("c", 25, 40), item("d", 40, 50)));

  private static AgendaItem item(String id, int fromMin, int toMin) {
    return new AgendaItem(id, "Item " + id, "Ban Tổ chức",
        Instant.ofEpochMilli(T0 + fromMin * MIN), Instant.ofEpochMilli(T0 + toMin * MIN));
  }

  private Agenda.State started() {
    return agenda.start(Agenda.State.idle(), T0, null);
  }

  private Agenda.State ended(long at) {
    return agenda.next(agenda.goTo(started(), T0, 3), at);
  }

  /**
   * Time left on the current item at {@code now}, from the anchors, as the pages' agenda module
   * reads them (webroot/js/time.js, tested with the figures in src/test/js).
   */
  private long remaining(Agenda.State s, long now) {
    long at = s.status() == Agenda.Status.PAUSED ? s.pausedAt() : now;
    return agenda.items().get(s.current()).plannedDurationMs() + s.adjustMs() - (at - s.startedAt() - s.pausedMs());
  }

  private static void refused(ThrowingCallable transition, String code, String field) {
    assertThatThrownBy(transition).isInstanceOfSatisfying(AgendaException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).isNotBlank();
    });
  }

  @Nested
  @DisplayName("start")
  class Start {

    @Test
    @DisplayName("runs the first item from now by default")
    void first() {
      Agenda.State s = started();
      assertThat(s.status()).isEqualTo(Agenda.Status.RUNNING);
      assertThat(s.current()).isZero();
      assertThat(s.startedAt()).isEqualTo(T0);
      assertThat(s.pausedAt()).isNull();
      assertThat(s.actuals()).containsExactly(new Agenda.Actual(0, T0, null));
    }

    @Test
    @DisplayName("can start at a given index")
    void atIndex() {
      Agenda.State s = agenda.start(Agenda.State.idle(), T0, 2);
      assertThat(s.current()).isEqualTo(2);
      assertThat(s.actuals()).containsExactly(new Agenda.Actual(2, T0, null));
    }

    @Test
    @DisplayName("refuses an index outside the agenda, naming the field")
    void outOfRange() {
      refused(() -> agenda.start(Agenda.State.idle(), T0, 4), "bad_index", "index");
      refused(() -> agenda.start(Agenda.State.idle(), T0, -1), "bad_index", "index");
    }

    @Test
    @DisplayName("refuses to start what already runs or is paused")
    void twice() {
      refused(() -> agenda.start(started(), T0, null), "already_started", null);
      refused(() -> agenda.start(agenda.pause(started(), T0), T0, 1), "already_started", null);
    }

    @Test
    @DisplayName("may start again after the end")
    void afterEnd() {
      Agenda.State s = agenda.start(ended(T0 + MIN), T0 + 2 * MIN, 1);
      assertThat(s.status()).isEqualTo(Agenda.Status.RUNNING);
      assertThat(s.current()).isEqualTo(1);
      assertThat(s.startedAt()).isEqualTo(T0 + 2 * MIN);
    }
  }

  @Nested
  @DisplayName("next and previous")
  class NextPrevious {

    @Test
    @DisplayName("next closes the current item and starts the next one now, fresh")
    void next() {
      Agenda.State s = agenda.adjust(started(), T0 + MIN, 3 * MIN);
      s = agenda.next(s, T0 + 12 * MIN);
      assertThat(s.current()).isEqualTo(1);
      assertThat(s.startedAt()).isEqualTo(T0 + 12 * MIN);
      assertThat(s.adjustMs()).isZero();
      assertThat(s.actuals()).containsExactly(
          new Agenda.Actual(0, T0, T0 + 12 * MIN), new Agenda.Actual(1, T0 + 12 * MIN, null));
    }

    @Test
    @DisplayName("next walks through every item, and next on the last item ends the agenda")
    void throughToTheEnd() {
      Agenda.State s = started();
      s = agenda.next(s, T0 + 11 * MIN);
      s = agenda.next(s, T0 + 24 * MIN);
      s = agenda.next(s, T0 + 41 * MIN);
      assertThat(s.current()).isEqualTo(3);
      s = agenda.next(s, T0 + 52 * MIN);
      assertThat(s.status()).isEqualTo(Agenda.Status.ENDED);
      assertThat(s.current()).isNull();
      assertThat(s.startedAt()).isNull();
      assertThat(s.pausedAt()).isNull();
      assertThat(s.actuals()).containsExactly(
          new Agenda.Actual(0, T0, T0 + 11 * MIN),
          new Agenda.Actual(1, T0 + 11 * MIN, T0 + 24 * MIN),
          new Agenda.Actual(2, T0 + 24 * MIN, T0 + 41 * MIN),
          new Agenda.Actual(3, T0 + 41 * MIN, T0 + 52 * MIN));
    }

    @Test
    @DisplayName("next is refused before the start and after the end")
    void nextRefused() {
      refused(() -> agenda.next(Agenda.State.idle(), T0), "not_running", null);
      refused(() -> agenda.next(ended(T0 + MIN), T0 + 2 * MIN), "ended", null);
    }

    @Test
    @DisplayName("next while paused starts the next item running and clears the pause")
    void nextWhilePaused() {
      Agenda.State s = agenda.resume(agenda.pause(started(), T0 + MIN), T0 + 2 * MIN);
      s = agenda.next(agenda.pause(s, T0 + 3 * MIN), T0 + 5 * MIN);
      assertThat(s.status()).isEqualTo(Agenda.Status.RUNNING);
      assertThat(s.current()).isEqualTo(1);
      assertThat(s.pausedAt()).isNull();
      assertThat(s.pausedMs()).isZero();
      assertThat(s.actual(0).end()).isEqualTo(T0 + 5 * MIN);
    }

    @Test
    @DisplayName("previous at the first item, or before the start, is refused")
    void previousRefused() {
      refused(() -> agenda.previous(started(), T0), "at_first", null);
      refused(() -> agenda.previous(Agenda.State.idle(), T0), "not_running", null);
    }

    @Test
    @DisplayName("previous restarts the item before, fresh, and overwrites its actual times")
    void previous() {
      Agenda.State s = agenda.next(started(), T0 + 10 * MIN);
      s = agenda.adjust(s, T0 + 11 * MIN, 2 * MIN);
      s = agenda.pause(s, T0 + 11 * MIN);
      s = agenda.previous(s, T0 + 12 * MIN);
      assertThat(s.status()).isEqualTo(Agenda.Status.RUNNING);
      assertThat(s.current()).isZero();
      assertThat(s.startedAt()).isEqualTo(T0 + 12 * MIN);
      assertThat(s.adjustMs()).isZero();
      assertThat(s.pausedMs()).isZero();
      assertThat(s.pausedAt()).isNull();
      assertThat(s.actuals()).containsExactly(
          new Agenda.Actual(0, T0 + 12 * MIN, null), new Agenda.Actual(1, T0 + 10 * MIN, T0 + 12 * MIN));
    }

    @Test
    @DisplayName("previous after the end reopens the last item")
    void previousAfterEnd() {
      Agenda.State s = agenda.previous(ended(T0 + MIN), T0 + 2 * MIN);
      assertThat(s.status()).isEqualTo(Agenda.Status.RUNNING);
      assertThat(s.current()).isEqualTo(3);
      assertThat(s.startedAt()).isEqualTo(T0 + 2 * MIN);
      assertThat(s.actual(3)).isEqualTo(new Agenda.Actual(3, T0 + 2 * MIN, null));
    }
  }

  @Nested
  @DisplayName("goto")
  class GoTo {

    @Test
    @DisplayName("jumps to any item and starts it now, from every status")
    void fromEveryStatus() {
      Agenda.State paused = agenda.pause(started(), T0 + MIN);
      for (Agenda.State from : List.of(Agenda.State.idle(), started(), paused, ended(T0 + MIN))) {
        Agenda.State s = agenda.goTo(from, T0 + 5 * MIN, 2);
        assertThat(s.status()).isEqualTo(Agenda.Status.RUNNING);
        assertThat(s.current()).isEqualTo(2);
        assertThat(s.startedAt()).isEqualTo(T0 + 5 * MIN);
        assertThat(s.pausedMs()).isZero();
        assertThat(s.actual(2)).isEqualTo(new Agenda.Actual(2, T0 + 5 * MIN, null));
      }
    }

    @Test
    @DisplayName("closes the item it leaves")
    void closesCurrent() {
      Agenda.State s = agenda.goTo(started(), T0 + 4 * MIN, 3);
      assertThat(s.actual(0)).isEqualTo(new Agenda.Actual(0, T0, T0 + 4 * MIN));
    }

    @Test
    @DisplayName("to the current item restarts it")
    void restartCurrent() {
      Agenda.State s = agenda.goTo(agenda.adjust(started(), T0, MIN), T0 + 4 * MIN, 0);
      assertThat(s.startedAt()).isEqualTo(T0 + 4 * MIN);
      assertThat(s.adjustMs()).isZero();
      assertThat(s.actuals()).containsExactly(new Agenda.Actual(0, T0 + 4 * MIN, null));
    }

    @Test
    @DisplayName("refuses an index outside the agenda, naming the field")
    void outOfRange() {
      refused(() -> agenda.goTo(started(), T0, 4), "bad_index", "index");
      refused(() -> agenda.goTo(started(), T0, -1), "bad_index", "index");
    }
  }

  @Nested
  @DisplayName("pause and resume")
  class PauseResume {

    @Test
    @DisplayName("pause freezes the remaining time; resume counts the pause out")
    void pauseResume() {
      Agenda.State s = agenda.pause(started(), T0 + 4 * MIN);
      assertThat(s.status()).isEqualTo(Agenda.Status.PAUSED);
      assertThat(s.pausedAt()).isEqualTo(T0 + 4 * MIN);
      assertThat(remaining(s, T0 + 9 * MIN)).isEqualTo(6 * MIN);
      s = agenda.resume(s, T0 + 9 * MIN);
      assertThat(s.status()).isEqualTo(Agenda.Status.RUNNING);
      assertThat(s.pausedAt()).isNull();
      assertThat(s.pausedMs()).isEqualTo(5 * MIN);
      assertThat(s.startedAt()).isEqualTo(T0);
      assertThat(remaining(s, T0 + 10 * MIN)).isEqualTo(5 * MIN);
    }

    @Test
    @DisplayName("pauses add up within an item")
    void twoPauses() {
      Agenda.State s = agenda.resume(agenda.pause(started(), T0 + MIN), T0 + 2 * MIN);
      s = agenda.resume(agenda.pause(s, T0 + 3 * MIN), T0 + 6 * MIN);
      assertThat(s.pausedMs()).isEqualTo(4 * MIN);
      assertThat(remaining(s, T0 + 7 * MIN)).isEqualTo(7 * MIN);
      assertThat(agenda.toTopic(s).getLong("endsAt")).isEqualTo(T0 + 14 * MIN);
    }

    @Test
    @DisplayName("pause while paused, and pause before the start or after the end, are refused")
    void pauseRefused() {
      refused(() -> agenda.pause(agenda.pause(started(), T0), T0), "already_paused", null);
      refused(() -> agenda.pause(Agenda.State.idle(), T0), "not_running", null);
      refused(() -> agenda.pause(ended(T0 + MIN), T0 + MIN), "ended", null);
    }

    @Test
    @DisplayName("resume is refused unless paused")
    void resumeRefused() {
      refused(() -> agenda.resume(started(), T0), "not_paused", null);
      refused(() -> agenda.resume(Agenda.State.idle(), T0), "not_paused", null);
      refused(() -> agenda.resume(ended(T0 + MIN), T0), "not_paused", null);
    }
  }

  @Nested
  @DisplayName("adjust")
  class Adjust {

    @Test
    @DisplayName("adds or takes time; past zero is overtime, not an error")
    void addAndTake() {
      Agenda.State s = agenda.adjust(started(), T0, MIN);
      assertThat(s.adjustMs()).isEqualTo(MIN);
      assertThat(remaining(s, T0)).isEqualTo(11 * MIN);
      s = agenda.adjust(s, T0, -15 * MIN);
      assertThat(s.adjustMs()).isEqualTo(-14 * MIN);
      assertThat(remaining(s, T0 + MIN)).isEqualTo(-5 * MIN);
      assertThat(agenda.toTopic(s).getLong("endsAt")).isEqualTo(T0 - 4 * MIN);
    }

    @Test
    @DisplayName("taking time makes the item, and the agenda, end early")
    void early() {
      Agenda.State s = agenda.adjust(started(), T0 + MIN, -3 * MIN);
      assertThat(agenda.toTopic(s).getLong("endsAt")).isEqualTo(T0 + 7 * MIN);
      assertThat(remaining(s, T0 + 2 * MIN)).isEqualTo(5 * MIN);
    }

    @Test
    @DisplayName("works while paused, moving the frozen remaining time")
    void whilePaused() {
      Agenda.State s = agenda.adjust(agenda.pause(started(), T0 + 4 * MIN), T0 + 5 * MIN, 2 * MIN);
      assertThat(s.status()).isEqualTo(Agenda.Status.PAUSED);
      assertThat(remaining(s, T0 + 9 * MIN)).isEqualTo(8 * MIN);
    }

    @Test
    @DisplayName("up to 24 hours either way is accepted; more is refused, naming ms")
    void bounds() {
      assertThat(agenda.adjust(started(), T0, 24 * 60 * MIN).adjustMs()).isEqualTo(24 * 60 * MIN);
      assertThat(agenda.adjust(started(), T0, -24 * 60 * MIN).adjustMs()).isEqualTo(-24 * 60 * MIN);
      refused(() -> agenda.adjust(started(), T0, 24 * 60 * MIN + 1), "bad_value", "ms");
      refused(() -> agenda.adjust(started(), T0, -24 * 60 * MIN - 1), "bad_value", "ms");
    }

    @Test
    @DisplayName("is refused before the start and after the end")
    void refusedWhenStopped() {
      refused(() -> agenda.adjust(Agenda.State.idle(), T0, MIN), "not_running", null);
      refused(() -> agenda.adjust(ended(T0 + MIN), T0 + MIN, MIN), "ended", null);
    }
  }

  @Nested
  @DisplayName("the agenda topic")
  class Topic {

    @Test
    @DisplayName("has exactly the agreed keys, a member with no value left out; each item exactly its own")
    void keys() {
      assertThat(agenda.toTopic(Agenda.State.idle()).fieldNames()).containsExactlyInAnyOrder(
          "status", "items", "plannedEnd", "pausedMs", "adjustMs", "actuals");
      assertThat(agenda.toTopic(started()).fieldNames()).containsExactlyInAnyOrder(
          "status", "items", "plannedEnd", "pausedMs", "adjustMs", "actuals", "current", "startedAt", "endsAt");
      assertThat(agenda.toTopic(agenda.pause(started(), T0)).fieldNames()).containsExactlyInAnyOrder(
          "status", "items", "plannedEnd", "pausedMs", "adjustMs", "actuals", "current", "startedAt", "pausedAt");
      assertThat(agenda.toTopic(ended(T0 + MIN)).fieldNames()).containsExactlyInAnyOrder(
          "status", "items", "plannedEnd", "pausedMs", "adjustMs", "actuals");
      assertThat(agenda.toTopic(started()).getJsonArray("items").getJsonObject(0).fieldNames()).containsExactlyInAnyOrder(
          "id", "title", "by", "plannedStart", "plannedEnd");
    }

    @Test
    @DisplayName("carries the programme as planned, and apart from it the anchors and when each item ran, by id")
    void running() {
      Agenda.State s = agenda.next(started(), T0 + 12 * MIN);
      JsonObject topic = agenda.toTopic(s);
      assertThat(topic.getString("status")).isEqualTo("running");
      assertThat(topic.getInteger("current")).isEqualTo(1);
      assertThat(topic.getJsonArray("items")).hasSize(4);
      assertThat(topic.getJsonArray("items").getJsonObject(1)).isEqualTo(new JsonObject()
          .put("id", "b").put("title", "Item b").put("by", "Ban Tổ chức")
          .put("plannedStart", T0 + 10 * MIN).put("plannedEnd", T0 + 25 * MIN));
      assertThat(topic.getJsonArray("items")).as("the programme does not change on a step")
          .isEqualTo(agenda.toTopic(started()).getJsonArray("items"));
      assertThat(topic.getJsonObject("actuals")).isEqualTo(new JsonObject()
          .put("a", new JsonObject().put("start", T0).put("end", T0 + 12 * MIN))
          .put("b", new JsonObject().put("start", T0 + 12 * MIN)));
      assertThat(topic.getLong("startedAt")).isEqualTo(T0 + 12 * MIN);
      assertThat(topic.containsKey("pausedAt")).isFalse();
      assertThat(topic.getLong("pausedMs")).isZero();
      assertThat(topic.getLong("adjustMs")).isZero();
      // b runs 15 minutes from +12
      assertThat(topic.getLong("endsAt")).isEqualTo(T0 + 27 * MIN);
      assertThat(topic.getLong("plannedEnd")).isEqualTo(T0 + 50 * MIN);
    }

    @Test
    @DisplayName("while paused: no endsAt, the pause's start instead; the time left is frozen")
    void paused() {
      Agenda.State s = agenda.pause(started(), T0 + 4 * MIN);
      JsonObject topic = agenda.toTopic(s);
      assertThat(topic.getString("status")).isEqualTo("paused");
      assertThat(topic.getLong("pausedAt")).isEqualTo(T0 + 4 * MIN);
      assertThat(topic.containsKey("endsAt")).isFalse();
      assertThat(remaining(s, T0 + 8 * MIN)).isEqualTo(remaining(s, T0 + 20 * MIN)).isEqualTo(6 * MIN);
    }

    @Test
    @DisplayName("idle: nothing runs, no anchors, nothing ran")
    void beforeTheStart() {
      JsonObject topic = agenda.toTopic(Agenda.State.idle());
      assertThat(topic.getString("status")).isEqualTo("idle");
      assertThat(topic.getValue("current")).isNull();
      assertThat(topic.getJsonObject("actuals")).isEmpty();
      assertThat(topic.getLong("plannedEnd")).isEqualTo(T0 + 50 * MIN);
    }

    @Test
    @DisplayName("ended: no current item, and the last item's actual end")
    void afterTheEnd() {
      Agenda.State s = agenda.next(agenda.goTo(started(), T0 + 41 * MIN, 3), T0 + 52 * MIN);
      JsonObject topic = agenda.toTopic(s);
      assertThat(topic.getString("status")).isEqualTo("ended");
      assertThat(topic.getValue("current")).isNull();
      assertThat(topic.getValue("endsAt")).isNull();
      assertThat(topic.getJsonObject("actuals").getJsonObject("d"))
          .isEqualTo(new JsonObject().put("start", T0 + 41 * MIN).put("end", T0 + 52 * MIN));
    }
  }

  @Nested
  @DisplayName("restore after a restart")
  class Restore {

    @Test
    @DisplayName("shows the same item with the same start, the downtime counted like a wall clock")
    void running() {
      Agenda.State s = agenda.adjust(agenda.next(started(), T0 + 10 * MIN), T0 + 11 * MIN, 30_000);
      JsonObject before = agenda.toTopic(s);
      Agenda.State restored = Agenda.State.fromJson(new JsonObject(s.toJson().encode()));
      assertThat(restored).isEqualTo(s);
      JsonObject after = agenda.toTopic(restored);
      assertThat(after).isEqualTo(before);
      assertThat(after.getInteger("current")).isEqualTo(1);
      assertThat(after.getLong("startedAt")).isEqualTo(T0 + 10 * MIN);
      assertThat(remaining(restored, T0 + 15 * MIN)).isEqualTo(remaining(s, T0 + 12 * MIN) - 3 * MIN);
    }

    @Test
    @DisplayName("a paused item stays paused with the same time left")
    void paused() {
      Agenda.State s = agenda.pause(started(), T0 + 4 * MIN);
      Agenda.State restored = Agenda.State.fromJson(new JsonObject(s.toJson().encode()));
      JsonObject after = agenda.toTopic(restored);
      assertThat(after.getString("status")).isEqualTo("paused");
      assertThat(remaining(restored, T0 + 30 * MIN)).isEqualTo(6 * MIN);
      assertThat(agenda.resume(restored, T0 + 30 * MIN).pausedMs()).isEqualTo(26 * MIN);
    }
  }
}
