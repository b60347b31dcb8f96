package diemcau.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading participation uploads")
class UploadsTest {

  private static final ZoneId HAI_PHONG = ZoneId.of("Asia/Ho_Chi_Minh");
  private final Uploads uploads = new Uploads(Set.of("11560", "11557", "S01"), HAI_PHONG);

  private static long at(String iso) {
    return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
  }

  private Uploads.Parsed csv(String text) {
    return uploads.csv(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a CSV with the JSON field names as headers reads every field")
  void defaultHeaders() {
    Uploads.Parsed parsed = csv("""
        unit,person,name,enrolledAt,completedAt,score,lastActivityAt
        11560,p1,Nguyễn Văn A,2026-05-28T08:00:00+07:00,2026-05-29T09:30:00+07:00,87.5,2026-05-29T09:30:00+07:00
        11557,p2,,2026-05-28T10:00:00+07:00,,,
        """);
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.rows()).containsExactly(
        new Person("p1", "11560", "Nguyễn Văn A", at("2026-05-28T08:00:00+07:00"), at("2026-05-29T09:30:00+07:00"), 8_750,
            at("2026-05-29T09:30:00+07:00")),
        new Person("p2", "11557", null, at("2026-05-28T10:00:00+07:00"), null, null, at("2026-05-28T10:00:00+07:00")));
  }

  @Test
  @DisplayName("a semicolon file with a byte-order mark and Vietnamese headers, local times and a decimal comma reads the same")
  void bomSemicolonVietnamese() {
    String text = "\uFEFFMã đơn vị;Mã cán bộ;Họ và tên;Ngày đăng ký;Ngày hoàn thành;Điểm cao nhất;Hoạt động gần nhất;Ghi chú\n"
        + "11560;p1;Nguyễn Văn A;28/05/2026 08:00;2026-05-29 09:30:00;87,5;2026-05-29T09:30:00+07:00;đã nhắc\n";
    Uploads.Parsed parsed = csv(text);
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.ignoredColumns()).containsExactly("Ghi chú");
    assertThat(parsed.rows()).containsExactly(new Person("p1", "11560", "Nguyễn Văn A", at("2026-05-28T08:00:00+07:00"),
        at("2026-05-29T09:30:00+07:00"), 8_750, at("2026-05-29T09:30:00+07:00")));
  }

  @Test
  @DisplayName("headers match without case, accents or punctuation")
  void headerNormalisation() {
    assertThat(CsvColumns.PERSONS.field("MA_DON_VI")).contains("unit");
    assertThat(CsvColumns.PERSONS.field(" ho va ten ")).contains("name");
    assertThat(CsvColumns.PERSONS.field("Completed At")).contains("completedAt");
    assertThat(CsvColumns.PERSONS.field("Đơn vị công tác")).isEmpty();
    assertThat(CsvColumns.HEADCOUNTS.field("Số biên chế")).contains("headcount");
  }

  @Test
  @DisplayName("every bad line is reported with its line number, field and reason, and no row is kept")
  void badRows() {
    Uploads.Parsed parsed = csv("""
        unit,person,completedAt,score,enrolledAt
        11560,p1,2026-05-29T09:30:00+07:00,80,2026-05-28T09:30:00+07:00
        99999,p2,,,2026-05-28T09:30:00+07:00
        11560,,,,2026-05-28T09:30:00+07:00
        11560,p4,,101,2026-05-28T09:30:00+07:00
        11560,p5,hôm qua,,2026-05-28T09:30:00+07:00
        11560,p6,2026-05-27T09:30:00+07:00,,2026-05-28T09:30:00+07:00
        11560,p7,,,
        11560,p8
        11560,p9,,-1,2026-05-28T09:30:00+07:00
        """);
    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.errors()).extracting(RowError::position, RowError::field).containsExactly(
        tuple(3, "unit"),
        tuple(4, "person"),
        tuple(5, "score"),
        tuple(6, "completedAt"),
        tuple(7, "completedAt"),
        tuple(8, "lastActivityAt"),
        tuple(9, null),
        tuple(10, "score"));
    assertThat(parsed.errors().get(0).reason()).contains("unknown unit code: 99999");
    assertThat(parsed.errors().get(2).reason()).contains("out of range");
    assertThat(parsed.errors().get(4).reason()).contains("before enrolledAt");
    assertThat(parsed.errors().get(6).reason()).contains("has 2 fields");
  }

  @Test
  @DisplayName("a file without a unit or person column, or not in UTF-8, is refused as a whole")
  void fileProblems() {
    Uploads.Parsed noPerson = csv("Mã đơn vị,Họ và tên\n11560,A\n");
    assertThat(noPerson.errors()).singleElement().satisfies(error -> {
      assertThat(error.position()).isEqualTo(1);
      assertThat(error.field()).isEqualTo("person");
      assertThat(error.reason()).contains("Mã cán bộ");
    });
    Uploads.Parsed windows = uploads.csv("unit,person,name\n11560,p1,Hà\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(windows.errors()).singleElement().extracting(RowError::reason).asString().contains("not UTF-8");
    assertThat(csv("").errors()).singleElement().extracting(RowError::reason).asString().contains("empty");
    assertThat(csv("unit,unitCode,person\n").errors()).singleElement().extracting(RowError::reason).asString()
        .contains("both mean unit");
  }

  @Test
  @DisplayName("a JSON array reports each bad record by its index, unknown fields included; times need an offset")
  void json() {
    Uploads.Parsed parsed = uploads.json(Buffer.buffer("""
        [{"unit": "11560", "person": "p1", "completedAt": "2026-05-29T09:30:00+07:00", "score": 80.25},
         {"unit": "11560", "person": 42, "enrolledAt": "2026-05-28 09:30"},
         "nope",
         {"unit": "S01", "person": "p3", "lastActivityAt": "2026-05-29T09:30:00Z", "nickname": "x"}]
        """));
    assertThat(parsed.errors()).extracting(RowError::position, RowError::field).containsExactly(
        tuple(1, "enrolledAt"),
        tuple(2, null),
        tuple(3, "nickname"));
    assertThat(parsed.rows()).containsExactly(new Person("p1", "11560", null, null, at("2026-05-29T09:30:00+07:00"), 8_025,
        at("2026-05-29T09:30:00+07:00")));
    assertThat(uploads.json(Buffer.buffer("{\"unit\": 1}")).errors()).singleElement()
        .extracting(RowError::position).isNull();
  }

  @Test
  @DisplayName("a headcount file maps units to whole numbers from 1 and reports unknown units, repeats and bad numbers by line")
  void headcounts() {
    List<RowError> errors = new ArrayList<>();
    Map<String, Integer> headcounts = uploads.headcounts("Mã đơn vị;Số biên chế\n11560;120\nS01;45\n".getBytes(StandardCharsets.UTF_8), errors);
    assertThat(errors).isEmpty();
    assertThat(headcounts).containsExactly(Map.entry("11560", 120), Map.entry("S01", 45));
    uploads.headcounts("unit,headcount\n11560,0\n11560,5\nX,5\n11557,nhiều\n".getBytes(StandardCharsets.UTF_8), errors);
    assertThat(errors).extracting(RowError::position).containsExactly(2, 3, 4, 5);
  }
}
