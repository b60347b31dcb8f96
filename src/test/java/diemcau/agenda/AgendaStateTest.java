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

  private static AgendaState roundTrip(AgendaState s) {
    return AgendaState.fromJson(new JsonObject(s.toJson().encode()));
  }

  @Test
  @DisplayName("idle has no current item, no anchors and no actuals")
  void idle() {
    AgendaState idle = AgendaState.idle();
    assertThat(idle.status()).isEqualTo(AgendaStatus.IDLE);
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
    AgendaState s = new AgendaState(AgendaStatus.PAUSED, 1, T, T + 5_000, 1_000, -30_000,
        List.of(new AgendaState.Actual(0, T - 60_000, T), new AgendaState.Actual(1, T, null)));
    assertThat(s.toJson()).isEqualTo(new JsonObject()
        .put("status", "paused").put("current", 1).put("startedAt", T).put("pausedAt", T + 5_000)
        .put("pausedMs", 1_000L).put("adjustMs", -30_000L)
        .put("actuals", new JsonArray()
            .add(new JsonObject().put("index", 0).put("start", T - 60_000).put("end", T))
            .add(new JsonObject().put("index", 1).put("start", T).put("end", null))));
    assertThat(AgendaState.idle().toJson().getValue("current")).isNull();
    assertThat(AgendaState.idle().toJson().containsKey("current")).isTrue();
  }

  @Test
  @DisplayName("reads back exactly what it wrote, in every status")
  void roundTrips() {
    List<AgendaState> states = List.of(
        AgendaState.idle(),
        new AgendaState(AgendaStatus.RUNNING, 2, T, null, 90_000, 120_000,
            List.of(new AgendaState.Actual(0, T - 600_000, T - 300_000),
                new AgendaState.Actual(1, T - 300_000, T), new AgendaState.Actual(2, T, null))),
        new AgendaState(AgendaStatus.PAUSED, 0, T, T + 1, 0, -1, List.of(new AgendaState.Actual(0, T, null))),
        new AgendaState(AgendaStatus.ENDED, null, null, null, 0, 0, List.of(new AgendaState.Actual(3, T, T + 1))));
    for (AgendaState s : states) {
      assertThat(roundTrip(s)).isEqualTo(s);
      assertThat(roundTrip(s).toJson()).isEqualTo(s.toJson());
    }
  }

  @Test
  @DisplayName("status names are lower case on the wire and read back")
  void statusNames() {
    for (AgendaStatus status : AgendaStatus.values()) {
      assertThat(status.wire()).isEqualTo(status.name().toLowerCase());
      assertThat(AgendaStatus.fromWire(status.wire())).isEqualTo(status);
    }
  }
}
