package diemcau.participation;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.event.Event;
import diemcau.event.EventLoader;
import diemcau.event.Unit;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The leaderboard topic")
class BoardTest {

  private final Event event = EventLoader.loadDefault();

  @Test
  @DisplayName("names each group as the event file labels it")
  void groupLabels() throws Exception {
    JsonObject file;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventLoader.DEFAULT_RESOURCE)) {
      file = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    file.getJsonObject("ranking").put("groups", new JsonObject().put("communes", "Cấp xã").put("departments", "Cơ quan"));
    Event relabelled = EventLoader.parse(file.encode(), "relabelled.json");

    JsonObject data = Board.of(relabelled, Map.of(), List.of()).toJson("rule", Map.of());
    assertThat(data.getJsonArray("groups")).extracting(group -> ((JsonObject) group).getString("label"))
        .containsExactly("Cấp xã", "Cơ quan");
  }

  @Test
  @DisplayName("carries both groups with every unit, totals over the units with a headcount, and no person")
  void shape() {
    List<Person> persons = People.generate(event.units(), 2_000, 7);
    Map<String, Integer> headcounts = new HashMap<>();
    event.communes().subList(0, 50).forEach(unit -> headcounts.put(unit.code(), 30));
    JsonObject data = Board.of(event, headcounts, persons).toJson("rule", Map.of());
    String text = data.encode();
    assertThat(text).doesNotContain("secret-id-").doesNotContain("Người Thử");
    assertThat(data.getJsonArray("groups").getJsonObject(0).getJsonArray("rows")).hasSize(event.communes().size());
    assertThat(data.getJsonArray("groups").getJsonObject(1).getJsonArray("rows")).hasSize(event.departments().size());
    JsonObject totals = data.getJsonObject("totals");
    assertThat(totals.getInteger("enrolled")).isEqualTo(2_000);
    assertThat(totals.getInteger("headcount")).isEqualTo(1_500);
    assertThat(totals.getInteger("unitsWithHeadcount")).isEqualTo(50);
    long counted = persons.stream().filter(p -> p.completed() && headcounts.containsKey(p.unit())).count();
    assertThat(totals.getInteger("completedOfHeadcount")).isEqualTo((int) counted);
    JsonObject noHeadcount = data.getJsonArray("groups").getJsonObject(1).getJsonArray("rows").getJsonObject(0);
    assertThat(noHeadcount.getValue("rate")).isNull();
    assertThat(noHeadcount.getValue("rank")).isNull();
    assertThat(noHeadcount.getValue("qualified")).isEqualTo(false);
  }

  @Test
  @DisplayName("history has at most 200 points, ends at the newest completion, and counts every completion")
  void history() {
    List<Person> persons = People.generate(event.units(), 5_000, 3);
    List<CompletionHistory.Point> history = Board.of(event, Map.of(), persons).history();
    long completed = persons.stream().filter(Person::completed).count();
    long newest = persons.stream().filter(Person::completed).mapToLong(Person::completedAt).max().orElseThrow();
    assertThat(history).hasSize(CompletionHistory.MAX_POINTS);
    assertThat(history.get(history.size() - 1)).isEqualTo(new CompletionHistory.Point(newest, (int) completed));
    assertThat(history).isSortedAccordingTo((a, b) -> Long.compare(a.at(), b.at()));
    assertThat(Board.of(event, Map.of(), persons.subList(0, 10)).history().size()).isLessThanOrEqualTo(10);
  }

  @Test
  @DisplayName("movement is how many places a unit rose since the previous board")
  void movement() {
    Unit first = event.communes().get(0);
    Unit second = event.communes().get(1);
    Map<String, Integer> headcounts = Map.of(first.code(), 10, second.code(), 10);
    List<Person> before = List.of(new Person("a", first.code(), null, 1L, 2L, null, 2),
        new Person("b", first.code(), null, 1L, 2L, null, 2), new Person("c", second.code(), null, 1L, 2L, null, 2));
    Board was = Board.of(event, headcounts, before);
    List<Person> after = new java.util.ArrayList<>(before);
    after.add(new Person("d", second.code(), null, 1L, 3L, null, 3));
    after.add(new Person("e", second.code(), null, 1L, 3L, null, 3));
    JsonObject rows = Board.of(event, headcounts, after).toJson("rule", was.ranks()).getJsonArray("groups").getJsonObject(0);
    JsonObject top = rows.getJsonArray("rows").getJsonObject(0);
    assertThat(top.getString("unit")).isEqualTo(second.code());
    assertThat(top.getInteger("movement")).isEqualTo(1);
    assertThat(rows.getJsonArray("rows").getJsonObject(1).getInteger("movement")).isEqualTo(-1);
  }
}
