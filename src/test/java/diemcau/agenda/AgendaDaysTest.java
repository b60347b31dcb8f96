package diemcau.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.event.Day;
import diemcau.event.Event;
import diemcau.event.EventLoader;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The agenda serves one day at a time")
class AgendaDaysTest {

  private static final Event EVENT = EventLoader.loadDefault();

  private static long at(String isoWithOffset) {
    return Instant.parse(isoWithOffset).toEpochMilli();
  }

  private static AgendaService service() {
    return new AgendaService(EVENT, Clock.systemUTC());
  }

  @Test
  @DisplayName("by the calendar: the conference until the end of its day (Hải Phòng time), then the final")
  void calendar() {
    AgendaService agenda = service();
    assertThat(agenda.served(at("2026-05-20T09:00:00+07:00")).id()).isEqualTo(Day.CONFERENCE);
    assertThat(agenda.served(at("2026-05-27T23:59:00+07:00")).id()).isEqualTo(Day.CONFERENCE);
    assertThat(agenda.served(at("2026-05-28T00:00:00+07:00")).id()).isEqualTo(Day.FINAL);
    assertThat(agenda.served(at("2026-06-25T14:00:00+07:00")).id()).isEqualTo(Day.FINAL);
  }

  @Test
  @DisplayName("a day whose programme is running or paused is not left by the calendar; a chosen day wins")
  void inProgressAndChosen() {
    AgendaService agenda = service();
    JsonObject running = new Agenda.State(Agenda.Status.RUNNING, 7, at("2026-05-27T15:20:00+07:00"), null, 0, 0,
        List.of(new Agenda.Actual(7, at("2026-05-27T15:20:00+07:00"), null))).toJson();
    agenda.restore(new JsonObject().put("days", new JsonObject().put(Day.CONFERENCE, running)));
    assertThat(agenda.served(at("2026-05-28T00:30:00+07:00")).id()).isEqualTo(Day.CONFERENCE);

    agenda.restore(new JsonObject().put("chosenDay", Day.FINAL));
    assertThat(agenda.served(at("2026-05-20T09:00:00+07:00")).id()).isEqualTo(Day.FINAL);
  }

  @Test
  @DisplayName("the topic names the day it serves, with its date, announced start and venue")
  void topicNamesTheDay() {
    AgendaService agenda = service();
    agenda.restore(new JsonObject().put("chosenDay", Day.FINAL));
    JsonObject topic = agenda.topicData(at("2026-06-25T13:00:00+07:00"));
    assertThat(topic.getString("day")).isEqualTo("final");
    assertThat(topic.getString("dayName")).isEqualTo("Lễ Chung kết và trao giải");
    assertThat(topic.getString("date")).isEqualTo("2026-06-25");
    assertThat(topic.getLong("dayStart")).isEqualTo(at("2026-06-25T14:00:00+07:00"));
    assertThat(topic.getJsonObject("venue").getString("address")).contains("Trần Kiên");
    assertThat(topic.getJsonArray("items")).hasSize(EVENT.finalDay().programme().size());
    assertThat(topic.getBoolean("dayChosen")).isTrue();
  }

  @Test
  @DisplayName("the slots take the presenters' names, and say which have started and ended")
  void slots() {
    AgendaService agenda = service();
    List<AgendaService.Presenter> presenters = List.of("11560", "10525", "11239", "10909", "11002", "11779").stream()
        .map(unit -> new AgendaService.Presenter(unit, "Đơn vị " + unit, "Bài " + unit)).toList();
    assertThat(agenda.finalSlots()).extracting(AgendaService.Slot::unit).containsOnlyNulls();
    agenda.presenters(presenters);
    int first = EVENT.finalDay().programme().indexOf(EVENT.finalDay().presentations().get(0));
    JsonObject state = new Agenda.State(Agenda.Status.RUNNING, first + 1, 2_000L, null, 0, 0, List.of(
        new Agenda.Actual(first, 1_000L, 2_000L), new Agenda.Actual(first + 1, 2_000L, null))).toJson();
    agenda.restore(new JsonObject().put("days", new JsonObject().put(Day.FINAL, state)));

    assertThat(agenda.finalSlots()).extracting(AgendaService.Slot::unit).containsExactly("11560", "10525", "11239",
        "10909", "11002", "11779");
    assertThat(agenda.finalSlots().get(0)).isEqualTo(new AgendaService.Slot(1, "11560", true, true));
    assertThat(agenda.finalSlots().get(1)).isEqualTo(new AgendaService.Slot(2, "10525", true, false));
    assertThat(agenda.finalSlots().get(2)).isEqualTo(new AgendaService.Slot(3, "11239", false, false));
    assertThat(agenda.presenting()).isEqualTo("10525");
  }

  @Test
  @DisplayName("a state stored before the days existed is the conference's")
  void legacyState() {
    AgendaService agenda = service();
    agenda.restore(new Agenda.State(Agenda.Status.ENDED, null, null, null, 0, 0, List.of()).toJson());
    JsonObject topic = agenda.topicData(at("2026-05-27T17:00:00+07:00"));
    assertThat(topic.getString("day")).isEqualTo("conference");
    assertThat(topic.getString("status")).isEqualTo("ended");
  }
}
