package diemcau.participation;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.event.Unit;
import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Stage 1 participation on a running server")
class ParticipationServerTest {

  private Vertx vertx;
  private TestServer server;
  private ScreenClient screen;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = TestServer.start();
    screen = ScreenClient.connect(vertx, server.port, "/ws").hello("public", "leaderboard");
    screen.next(frame -> isLeaderboard(frame) && frame.getJsonObject("data").getBoolean("ready"));
  }

  @AfterEach
  void stop() throws Exception {
    screen.close();
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static boolean isLeaderboard(JsonObject frame) {
    return "state".equals(frame.getString("type")) && "leaderboard".equals(frame.getString("topic"));
  }

  private JsonObject leaderboardWith(int enrolled) throws InterruptedException {
    return screen.next(frame -> isLeaderboard(frame)
        && frame.getJsonObject("data").getJsonObject("totals").getInteger("enrolled") == enrolled);
  }

  private Rest.Reply importCsv(String csv) throws Exception {
    return Rest.post(server.port, "/api/participation/import", TestServer.ADMIN_TOKEN, csv);
  }

  private List<Unit> units() {
    return server.server.event().units();
  }

  private static JsonObject row(JsonObject frame, String unit) {
    for (Object group : frame.getJsonObject("data").getJsonArray("groups")) {
      for (Object row : ((JsonObject) group).getJsonArray("rows")) {
        if (((JsonObject) row).getString("unit").equals(unit)) {
          return (JsonObject) row;
        }
      }
    }
    throw new AssertionError("no row for " + unit);
  }

  @Test
  @DisplayName("an imported CSV shows on the leaderboard per unit, ranked, with the cut line and the rule; re-importing it changes nothing and makes no new revision")
  void importAndReimport() throws Exception {
    Unit a = units().get(0);
    Unit b = units().get(1);
    assertThat(Rest.command(server.port, TestServer.ADMIN_TOKEN, "units.headcount",
        new JsonObject().put("unit", a.code()).put("headcount", 4)).status()).isEqualTo(200);
    assertThat(Rest.command(server.port, TestServer.ADMIN_TOKEN, "units.headcount",
        new JsonObject().put("unit", b.code()).put("headcount", 2)).status()).isEqualTo(200);
    List<Person> persons = List.of(
        new Person("a1", a.code(), "Trần Thị Một", People.STAGE_START, People.STAGE_START + 5_000, 9_000, People.STAGE_START + 5_000),
        new Person("a2", a.code(), "Lê Văn Hai", People.STAGE_START, null, null, People.STAGE_START),
        new Person("b1", b.code(), "Phạm Ba", People.STAGE_START, People.STAGE_START + 9_000, 7_050, People.STAGE_START + 9_000),
        new Person("b2", b.code(), "Đỗ Bốn", People.STAGE_START, People.STAGE_START + 7_000, 8_000, People.STAGE_START + 7_000));
    String csv = People.csv(persons, ',', false);

    Rest.Reply first = importCsv(csv);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().getInteger("created")).isEqualTo(4);
    JsonObject frame = leaderboardWith(4);
    JsonObject group = frame.getJsonObject("data").getJsonArray("groups").getJsonObject(0);
    assertThat(group.getString("id")).isEqualTo("communes");
    assertThat(group.getInteger("qualify")).isEqualTo(10);
    assertThat(group.getString("rule")).isEqualTo(server.server.event().ranking().description());
    assertThat(group.getJsonArray("rows")).hasSize(server.server.event().communes().size());
    JsonObject top = group.getJsonArray("rows").getJsonObject(0);
    assertThat(top.getString("unit")).isEqualTo(b.code());
    assertThat(top.getInteger("rank")).isEqualTo(1);
    assertThat(top.getDouble("rate")).isEqualTo(1.0);
    assertThat(top.getDouble("avgScore")).isEqualTo(75.25);
    assertThat(top.getValue("qualified")).isEqualTo(true);
    JsonObject second = row(frame, a.code());
    assertThat(second.getInteger("rank")).isEqualTo(2);
    assertThat(second.getInteger("enrolled")).isEqualTo(2);
    assertThat(second.getInteger("completed")).isEqualTo(1);
    assertThat(second.getDouble("rate")).isEqualTo(0.25);
    assertThat(row(frame, units().get(2).code()).getValue("rate")).isNull();
    assertThat(frame.getJsonObject("data").getJsonObject("totals").getDouble("rate")).isEqualTo(0.5);
    long rev = frame.getLong("rev");

    Rest.Reply again = importCsv(csv);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().getInteger("unchanged")).isEqualTo(4);
    assertThat(again.body().getInteger("created") + again.body().getInteger("updated")).isZero();
    Rest.Reply json = Rest.post(server.port, "/api/participation", TestServer.ADMIN_TOKEN, People.json(persons).encode());
    assertThat(json.body().getInteger("unchanged")).isEqualTo(4);
    assertThat(screen.drain(2_500)).noneMatch(ParticipationServerTest::isLeaderboard);

    Person b2Better = new Person("b2", b.code(), "Đỗ Bốn", People.STAGE_START, People.STAGE_START + 7_000, 9_500,
        People.STAGE_START + 20_000);
    Rest.Reply newer = importCsv(People.csv(List.of(b2Better), ';', true));
    assertThat(newer.body().getInteger("updated")).isEqualTo(1);
    JsonObject updated = screen.nextState("leaderboard");
    assertThat(updated.getLong("rev")).isEqualTo(rev + 1);
    assertThat(row(updated, b.code()).getDouble("avgScore")).isEqualTo(82.75);
  }

  @Test
  @DisplayName("many imports in a burst make at most one leaderboard frame a second, the last one with everything")
  void coalesced() throws Exception {
    List<Person> persons = People.generate(units(), 60, 5);
    for (int i = 0; i < 60; i += 5) {
      assertThat(Rest.post(server.port, "/api/participation", TestServer.ADMIN_TOKEN,
          People.json(persons.subList(i, i + 5)).encode()).status()).isEqualTo(200);
    }
    leaderboardWith(60);
    List<Long> times = screen.received.stream().filter(ParticipationServerTest::isLeaderboard)
        .map(frame -> frame.getLong("server")).toList();
    for (int i = 2; i < times.size(); i++) {
      assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(ParticipationService.COALESCE_MS - 50);
    }
    assertThat(times.size() - 1).isLessThan(12);
  }

  @Test
  @DisplayName("a CSV with bad rows is refused whole: every bad line is listed and nothing is applied or audited")
  void badRowsApplyNothing() throws Exception {
    List<Person> persons = People.generate(units(), 20, 1);
    String csv = People.csv(persons, ',', false)
        + "NOWHERE,x1,,2026-05-28T08:00:00+07:00,,,\n"
        + units().get(0).code() + ",x2,,2026-05-28T08:00:00+07:00,,150,\n";
    Rest.Reply reply = importCsv(csv);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().getJsonObject("error").getString("code")).isEqualTo("rejected_rows");
    JsonArray rejected = reply.body().getJsonArray("rejected");
    assertThat(rejected).hasSize(2);
    assertThat(rejected.getJsonObject(0).getInteger("line")).isEqualTo(22);
    assertThat(rejected.getJsonObject(0).getString("field")).isEqualTo("unit");
    assertThat(rejected.getJsonObject(1).getInteger("line")).isEqualTo(23);
    assertThat(rejected.getJsonObject(1).getString("field")).isEqualTo("score");
    assertThat(Rest.get(server.port, "/api/state/leaderboard", null).body().getJsonObject("totals").getInteger("enrolled")).isZero();
    JsonArray audit = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries");
    assertThat(audit.stream().map(entry -> ((JsonObject) entry).getString("command"))).doesNotContain("participation.import");
  }

  @Test
  @DisplayName("no leaderboard frame, state or audit entry carries a person's name or id")
  void noPersonalData() throws Exception {
    List<Person> persons = People.generate(units(), 300, 2);
    assertThat(importCsv(People.csv(persons.subList(0, 150), ';', true)).status()).isEqualTo(200);
    assertThat(Rest.post(server.port, "/api/participation", TestServer.ADMIN_TOKEN,
        People.json(persons.subList(150, 300)).encode()).status()).isEqualTo(200);
    leaderboardWith(300);
    List<String> texts = new ArrayList<>();
    screen.received.stream().filter(ParticipationServerTest::isLeaderboard).forEach(frame -> texts.add(frame.encode()));
    texts.add(Rest.get(server.port, "/api/state/leaderboard", null).body().encode());
    texts.add(Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().encode());
    assertThat(texts).hasSizeGreaterThan(2);
    for (String text : texts) {
      assertThat(text).doesNotContain("secret-id-").doesNotContain("Người Thử");
    }
    JsonObject audited = Rest.get(server.port, "/api/audit", TestServer.ADMIN_TOKEN).body().getJsonArray("entries").stream()
        .map(JsonObject.class::cast).filter(entry -> entry.getString("command").equals("participation.import"))
        .findFirst().orElseThrow();
    assertThat(audited.getJsonObject("args").getString("sha256")).hasSize(64);
    assertThat(audited.getJsonObject("args").getInteger("rows")).isEqualTo(150);
  }

  @Test
  @DisplayName("only the admin token imports, sets headcounts and downloads: 401 without a token, 403 with the MC's")
  void adminOnly() throws Exception {
    String csv = People.csv(People.generate(units(), 3, 4), ',', false);
    for (String path : List.of("/api/participation/import", "/api/participation", "/api/participation/headcounts")) {
      assertThat(Rest.post(server.port, path, null, csv).status()).isEqualTo(401);
      assertThat(Rest.post(server.port, path, TestServer.MC_TOKEN, csv).status()).isEqualTo(403);
    }
    assertThat(Rest.get(server.port, "/api/participation/export/qualifiers.csv", TestServer.MC_TOKEN).status()).isEqualTo(403);
    assertThat(Rest.command(server.port, TestServer.MC_TOKEN, "units.headcount",
        new JsonObject().put("unit", units().get(0).code()).put("headcount", 5)).status()).isEqualTo(403);
    assertThat(Rest.command(server.port, TestServer.ADMIN_TOKEN, "participation.import",
        new JsonObject().put("batch", "made-up")).body().getJsonObject("error").getString("field")).isEqualTo("batch");
  }

  @Test
  @DisplayName("a body over the 32 MB limit is refused with 413")
  void bodyLimit() throws Exception {
    byte[] body = new byte[ParticipationRoutes.UPLOAD_LIMIT + 1024];
    java.util.Arrays.fill(body, (byte) 'a');
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.http("/api/participation/import")))
        .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  @DisplayName("headcounts come from a CSV or a command; a unit without one shows as such, never as 0% or 100%")
  void headcounts() throws Exception {
    Unit a = units().get(0);
    Unit b = units().get(1);
    Rest.Reply refused = Rest.post(server.port, "/api/participation/headcounts", TestServer.ADMIN_TOKEN,
        "Mã đơn vị;Số biên chế\n" + a.code() + ";0\nNOWHERE;5\n");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().getJsonArray("rejected")).hasSize(2);
    Rest.Reply set = Rest.post(server.port, "/api/participation/headcounts", TestServer.ADMIN_TOKEN,
        "\uFEFFMã đơn vị;Số biên chế\n" + a.code() + ";8\n");
    assertThat(set.status()).isEqualTo(200);
    List<Person> persons = List.of(
        new Person("x", a.code(), null, People.STAGE_START, People.STAGE_START + 1, null, People.STAGE_START + 1),
        new Person("y", b.code(), null, People.STAGE_START, People.STAGE_START + 1, null, People.STAGE_START + 1));
    importCsv(People.csv(persons, ',', false));
    JsonObject frame = leaderboardWith(2);
    assertThat(row(frame, a.code()).getDouble("rate")).isEqualTo(0.125);
    assertThat(row(frame, a.code()).getInteger("headcount")).isEqualTo(8);
    JsonObject without = row(frame, b.code());
    assertThat(without.getValue("headcount")).isNull();
    assertThat(without.getValue("rate")).isNull();
    assertThat(without.getValue("rank")).isNull();
    assertThat(without.getInteger("completed")).isEqualTo(1);
    assertThat(Rest.command(server.port, TestServer.ADMIN_TOKEN, "units.headcount",
        new JsonObject().put("unit", b.code()).put("headcount", 0)).body().getJsonObject("error").getString("field"))
        .isEqualTo("headcount");
  }

  @Test
  @DisplayName("the admin's CSV downloads hold the same figures as the screen")
  void downloadsMatchTheScreen() throws Exception {
    Unit a = units().get(0);
    Rest.command(server.port, TestServer.ADMIN_TOKEN, "units.headcounts",
        new JsonObject().put("headcounts", new JsonObject().put(a.code(), 3).put(units().get(5).code(), 10)));
    List<Person> persons = People.generate(List.of(a, units().get(5)), 8, 9);
    importCsv(People.csv(persons, ',', false));
    JsonObject frame = leaderboardWith(8);
    String csv = Rest.get(server.port, "/api/participation/export/standings-communes.csv", TestServer.ADMIN_TOKEN)
        .body().getString("text");
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).startsWith("\uFEFFHạng,Mã đơn vị,Đơn vị");
    assertThat(lines).hasSize(1 + server.server.event().communes().size());
    JsonObject top = frame.getJsonObject("data").getJsonArray("groups").getJsonObject(0).getJsonArray("rows").getJsonObject(0);
    assertThat(lines[1]).startsWith("1," + top.getString("unit") + "," + top.getString("name") + ","
        + top.getInteger("headcount") + "," + top.getInteger("enrolled") + "," + top.getInteger("completed") + ",");
    String qualifiers = Rest.get(server.port, "/api/participation/export/qualifiers.csv", TestServer.ADMIN_TOKEN)
        .body().getString("text");
    assertThat(qualifiers.split("\r\n")).hasSize(3);
    String communesLabel = frame.getJsonObject("data").getJsonArray("groups").getJsonObject(0).getString("label");
    assertThat(qualifiers.split("\r\n")[1]).startsWith("\"" + communesLabel + "\",");
    assertThat(Rest.get(server.port, "/api/participation/export/nothing.csv", TestServer.ADMIN_TOKEN).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a unit's report, with the people still to complete, opens only with that unit's report key or the admin token")
  void unitReport() throws Exception {
    Unit a = units().get(0);
    Unit b = units().get(1);
    List<Person> persons = List.of(
        new Person("done", a.code(), "Đã Xong", People.STAGE_START, People.STAGE_START + 1, 9_000, People.STAGE_START + 1),
        new Person("todo", a.code(), "Chưa Xong", People.STAGE_START, null, null, People.STAGE_START),
        new Person("other", b.code(), "Đơn Vị Khác", People.STAGE_START, null, null, People.STAGE_START));
    importCsv(People.csv(persons, ',', false));
    leaderboardWith(3);
    String keyA = server.server.linkKeys().reportKey(a.code());
    String keyB = server.server.linkKeys().reportKey(b.code());
    Rest.Reply report = Rest.get(server.port, "/api/participation/report?unit=" + a.code() + "&key=" + keyA, null);
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body().getJsonArray("pending")).singleElement()
        .satisfies(person -> assertThat(((JsonObject) person).getString("name")).isEqualTo("Chưa Xong"));
    assertThat(report.body().getJsonObject("row").getInteger("completed")).isEqualTo(1);
    assertThat(report.body().getJsonArray("trend")).hasSize(1);
    assertThat(Rest.get(server.port, "/api/participation/report?unit=" + a.code(), TestServer.ADMIN_TOKEN).status()).isEqualTo(200);
    assertThat(Rest.get(server.port, "/api/participation/report?unit=" + a.code() + "&key=" + keyB, null).status()).isEqualTo(403);
    assertThat(Rest.get(server.port, "/api/participation/report?unit=" + a.code(), TestServer.MC_TOKEN).status()).isEqualTo(403);
    assertThat(Rest.get(server.port, "/report?unit=" + a.code() + "&key=" + keyB, null).status()).isEqualTo(403);
    assertThat(Rest.get(server.port, "/report?unit=" + a.code() + "&key=" + keyA, null).status()).isEqualTo(200);
  }
}
