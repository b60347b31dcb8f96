package diemcau.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The agenda's persisted state")
class AgendaStateTest {

  private static final long T = 1_780_000_000_000L;

  private static Agenda.State roundTrip(Agenda.State s) {
    return Agenda.State.fromJson(new JsonObject(s.toJson().encode()));
  }

  @Test
  @DisplayName("idle has no current item, no anchors and no actuals")
  void idle() {
    Agenda.State idle = Agenda.State.idle();
    assertThat(idle.status()).isEqualTo(Agenda.Status.IDLE);
    assertThat(idle.current()).isNull();
    assertThat(idle.startedAt()).isNull();
    assertThat(idle.pausedAt()).isNull();
    assertThat(idle.pausedMs()).isZero();
    assertThat(idle.adjustMs()).isZero();
    assertThat(idle.actuals()).isEmpty();
  }

  @Test
  @DisplayName("is written with lower-case status names and null where nothing applies")
  void form() {
    Agenda.State s = new Agenda.State(Agenda.Status.PAUSED, 1, T, T + 5_000, 1_000, -30_000,
        List.of(new Agenda.Actual(0, T - 60_000, T), new Agenda.Actual(1, T, null)));
    assertThat(s.toJson()).isEqualTo(new JsonObject()
        .put("status", "paused").put("current", 1).put("startedAt", T).put("pausedAt", T + 5_000)
        .put("pausedMs", 1_000L).put("adjustMs", -30_000L)
        .put("actuals", new JsonArray()
            .add(new JsonObject().put("index", 0).put("start", T - 60_000).put("end", T))
            .add(new JsonObject().put("index", 1).put("start", T).put("end", null))));
    assertThat(Agenda.State.idle().toJson().getValue("current")).isNull();
    assertThat(Agenda.State.idle().toJson().containsKey("current")).isTrue();
  }

  @Test
  @DisplayName("reads back exactly what it wrote, in every status")
  void roundTrips() {
    List<Agenda.State> states = List.of(
        Agenda.State.idle(),
        new Agenda.State(Agenda.Status.RUNNING, 2, T, null, 90_000, 120_000,
            List.of(new Agenda.Actual(0, T - 600_000, T - 300_000),
                new Agenda.Actual(1, T - 300_000, T), new Agenda.Actual(2, T, null))),
        new Agenda.State(Agenda.Status.PAUSED, 0, T, T + 1, 0, -1, List.of(new Agenda.Actual(0, T, null))),
        new Agenda.State(Agenda.Status.ENDED, null, null, null, 0, 0, List.of(new Agenda.Actual(3, T, T + 1))));
    for (Agenda.State s : states) {
      assertThat(roundTrip(s)).isEqualTo(s);
      assertThat(roundTrip(s).toJson()).isEqualTo(s.toJson());
    }
  }

  @Test
  @DisplayName("status names are lower case on the wire and read back")
  void statusNames() {
    for (Agenda.Status status : Agenda.Status.values()) {
      assertThat(status.wire()).isEqualTo(status.name().toLowerCase());
      assertThat(Agenda.Status.fromWire(status.wire())).isEqualTo(status);
    }
  }
}
