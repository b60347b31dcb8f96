package diemcau.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLoaderTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = EventLoaderTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Instant at(String hhmm) {
    return Instant.parse("2026-05-27T" + hhmm + ":00+07:00");
  }

  @Test
  void shippedEventIsHaiPhong2026() {
    Event event = EventLoader.loadDefault();

    assertThat(event.id()).isEqualTo("haiphong-2026");
    assertThat(event.name()).isEqualTo(
        "Cuộc thi Ứng dụng AI trong thực thi nhiệm vụ của các cơ quan hành chính trên địa bàn thành phố năm 2026");
    assertThat(event.shortName()).isEqualTo("Cuộc thi Ứng dụng AI 2026");
    assertThat(event.organiser()).isEqualTo("Sở Khoa học và Công nghệ Hải Phòng");
    assertThat(event.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
    assertThat(event.conference().venue().name()).isEqualTo("Phòng 103, Trung tâm Hội nghị - Biểu diễn thành phố");
  }

  @Test
  void shippedUnitsAreThe114CommunesThenThe14Departments() {
    Event event = EventLoader.loadDefault();

    assertThat(event.units()).hasSize(128);
    assertThat(event.communes()).hasSize(114);
    assertThat(event.departments()).hasSize(14);
    assertThat(event.units().subList(0, 114)).allMatch(u -> u.kind().communeLevel());
    Map<UnitKind, Long> byKind = event.units().stream()
        .collect(Collectors.groupingBy(Unit::kind, Collectors.counting()));
    assertThat(byKind).containsEntry(UnitKind.XA, 67L).containsEntry(UnitKind.PHUONG, 45L)
        .containsEntry(UnitKind.DAC_KHU, 2L).containsEntry(UnitKind.DEPARTMENT, 14L);
    assertThat(event.units()).allMatch(u -> u.headcount() == null);

    assertThat(event.units().get(0)).isEqualTo(new Unit("11560", "Thủy Nguyên", UnitKind.PHUONG, null));
    assertThat(event.unit("11002")).get().extracting(Unit::displayName).isEqualTo("Phường Thạch Khôi");
    assertThat(event.unit("11779")).get().extracting(Unit::displayName).isEqualTo("Xã Tân Minh");
    assertThat(event.unit("11914")).get().extracting(Unit::displayName).isEqualTo("Đặc khu Cát Hải");
    assertThat(event.unit("SO-KHCN")).get().satisfies(u -> {
      assertThat(u.kind()).isEqualTo(UnitKind.DEPARTMENT);
      assertThat(u.displayName()).isEqualTo("Sở Khoa học và Công nghệ");
    });
    assertThat(event.unit("99999")).isEmpty();
    assertThat(event.unit(null)).isEmpty();
  }

  @Test
  void shippedAgendaIsTheLaunchConferenceWithTheIntendedTimes() {
    var agenda = EventLoader.loadDefault().conference().programme();

    assertThat(agenda).extracting(AgendaItem::id).containsExactly("don-tiep", "tuyen-bo-ly-do",
        "clip-gioi-thieu", "khai-mac", "cong-bo-the-le", "clip-huong-dan", "huong-ung-cam-ket", "trao-doi-ai",
        "be-mac");
    assertThat(agenda.get(0)).isEqualTo(
        new AgendaItem("don-tiep", "Đón tiếp đại biểu", "Ban Tổ chức", at("13:45"), at("14:00")));
    assertThat(agenda.get(3).by()).isEqualTo("Ông Nguyễn Cao Thắng, Giám đốc Sở Khoa học và Công nghệ");
    assertThat(agenda.get(6)).isEqualTo(new AgendaItem("huong-ung-cam-ket", "Phát biểu hưởng ứng cam kết",
        "Đại diện UBND phường Thạch Khôi; Đại diện UBND xã Tân Minh", at("15:00"), at("15:20")));
    assertThat(agenda.get(8).plannedStart()).isEqualTo(at("16:30"));
    assertThat(agenda.get(8).plannedEnd()).isEqualTo(at("16:40"));
    for (int i = 1; i < agenda.size(); i++) {
      assertThat(agenda.get(i).plannedStart()).as("item %d starts when %d ends", i, i - 1)
          .isEqualTo(agenda.get(i - 1).plannedEnd());
    }
  }

  @Test
  void shippedStagesQuotasPrizesAndFinal() {
    Event event = EventLoader.loadDefault();

    assertThat(event.stages()).containsExactly(
        new Stage("chang-1", "Chặng 1 - Nâng cao năng lực", LocalDate.of(2026, 5, 28), LocalDate.of(2026, 6, 10)),
        new Stage("chang-2", "Chặng 2 - Chuyển đổi đột phá", LocalDate.of(2026, 6, 12), LocalDate.of(2026, 6, 16)),
        new Stage("chang-3", "Chặng 3 - Vinh danh", LocalDate.of(2026, 6, 21), LocalDate.of(2026, 6, 25)));
    assertThat(event.stage("chang-2")).get().matches(s -> s.contains(LocalDate.of(2026, 6, 16)));

    assertThat(event.quotas()).isEqualTo(new Quotas(10, 1, 6));
    assertThat(event.quotas().stage2Units()).isEqualTo(11);

    String giayKhen = "Giấy khen của Giám đốc Sở Khoa học và Công nghệ";
    assertThat(event.prizes()).containsExactly(
        new Prize("nhat", "Giải Nhất", 1, 10_000_000, Prize.FINALISTS, giayKhen),
        new Prize("nhi", "Giải Nhì", 2, 5_000_000, Prize.FINALISTS, giayKhen),
        new Prize("ba", "Giải Ba", 3, 3_000_000, Prize.FINALISTS, giayKhen),
        new Prize("khuyen-khich", "Giải Khuyến khích", 5, 2_000_000, Prize.STAGE2_NOT_FINALIST, giayKhen));
    assertThat(event.prize("ba")).get().extracting(Prize::certificate).isEqualTo(giayKhen);
    assertThat(event.prizes(Prize.STAGE2_NOT_FINALIST)).extracting(Prize::id).containsExactly("khuyen-khich");
    assertThat(event.prizeForPlace(Prize.FINALISTS, 1)).get().extracting(Prize::id).isEqualTo("nhat");
    assertThat(event.prizeForPlace(Prize.FINALISTS, 3)).get().extracting(Prize::id).isEqualTo("nhi");
    assertThat(event.prizeForPlace(Prize.FINALISTS, 4)).get().extracting(Prize::id).isEqualTo("ba");
    assertThat(event.prizeForPlace(Prize.FINALISTS, 6)).get().extracting(Prize::id).isEqualTo("ba");
    assertThat(event.prizeForPlace(Prize.FINALISTS, 7)).isEmpty();
    assertThat(event.prizeForPlace(Prize.FINALISTS, 0)).isEmpty();

    assertThat(event.rubric().criteria()).hasSizeBetween(4, 5);
    assertThat(event.rubric().maxTotal()).isEqualTo(100.0);
    assertThat(event.rubric().minTotal()).isEqualTo(0.0);

    assertThat(event.finalRules()).isEqualTo(new FinalRules(true));
    assertThat(event.finalDay().date()).isEqualTo(LocalDate.of(2026, 6, 25));

    assertThat(event.ranking().keys()).containsExactly("rate desc", "avgScore desc", "reachedAt asc");
    assertThat(event.ranking().sortKeys()).containsExactly(new Ranking.Key("rate", true),
        new Ranking.Key("avgScore", true), new Ranking.Key("reachedAt", false));
    assertThat(event.ranking().description()).contains("tỷ lệ");
  }

  @Test
  void printedAgendaIsFlaggedOnceAtTheOverlappingItem() throws IOException {
    String printed = resource("event/haiphong-2026-printed-agenda.json");

    EventFileException e = catchThrowableOfType(EventFileException.class,
        () -> EventLoader.parse(printed, "haiphong-2026-printed-agenda.json"));

    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(1);
    Problem problem = e.problems().get(0);
    assertThat(problem.path()).isEqualTo("$.conference.programme[6].start");
    assertThat(problem.message()).contains("starts 14:00", "overlaps the previous item",
        "Trình chiếu clip hướng dẫn tham gia cuộc thi", "$.conference.programme[5]", "ends 15:00");
    assertThat(e.getMessage()).isEqualTo("haiphong-2026-printed-agenda.json: " + problem);
  }

  @Test
  void loadsAFileAndParsesTheSameAsTheResource(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("event.json");
    Files.writeString(file, resource(EventLoader.DEFAULT_RESOURCE), StandardCharsets.UTF_8);

    assertThat(EventLoader.load(file)).isEqualTo(EventLoader.loadDefault());
  }

  @Test
  void aByteOrderMarkIsIgnored() throws IOException {
    assertThat(EventLoader.parse("\uFEFF" + resource(EventLoader.DEFAULT_RESOURCE), "bom.json").id())
        .isEqualTo("haiphong-2026");
  }

  @Test
  void aMissingFileIsOneProblemNamingTheFile(@TempDir Path dir) {
    Path file = dir.resolve("nope.json");

    assertThatThrownBy(() -> EventLoader.load(file))
        .isInstanceOfSatisfying(EventFileException.class, e -> {
          assertThat(e.problems()).containsExactly(new Problem("$", "no such file"));
          assertThat(e.source()).isEqualTo(file.toString());
          assertThat(e.getMessage()).isEqualTo(file + ": $: no such file");
        });
  }

  @Test
  void aFileThatIsNotUtf8IsOneProblem(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.json");
    Files.write(file, new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xE0, '"', '}'});

    assertThatThrownBy(() -> EventLoader.load(file))
        .isInstanceOfSatisfying(EventFileException.class,
            e -> assertThat(e.problems()).containsExactly(new Problem("$", "is not UTF-8 text")));
  }

  @Test
  void malformedJsonIsOneProblemAtTheRootWithTheParsersMessage() {
    EventFileException e = catchThrowableOfType(EventFileException.class,
        () -> EventLoader.parse("{\"id\": \"x\",\n \"name\": }", "broken.json"));

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).path()).isEqualTo("$");
    assertThat(e.problems().get(0).message()).startsWith("is not valid JSON: Unexpected character ('}'")
        .endsWith("(line 2, column 10)").doesNotContain("\n");
    assertThat(e.getMessage()).startsWith("broken.json: $: is not valid JSON").doesNotContain("\n");
  }

  @Test
  void aFieldGivenTwiceOrTextAfterTheObjectIsMalformed() {
    EventFileException twice = catchThrowableOfType(EventFileException.class,
        () -> EventLoader.parse("{\"id\": \"a\",\n \"id\": \"b\"}", "twice.json"));
    assertThat(twice.problems()).hasSize(1);
    assertThat(twice.problems().get(0).path()).isEqualTo("$");
    assertThat(twice.problems().get(0).message()).contains("Duplicate field 'id'", "line 2");

    EventFileException trailing = catchThrowableOfType(EventFileException.class,
        () -> EventLoader.parse("{} {}", "trailing.json"));
    assertThat(trailing.problems()).containsExactly(
        new Problem("$", "is not valid JSON: more text after the end of the JSON value (line 1, column 4)"));
  }

  @Test
  void emptyTextAndNonObjectsAreOneProblemAtTheRoot() {
    for (String json : new String[] {"", "   ", "[]", "42", "\"event\"", "null"}) {
      EventFileException e = catchThrowableOfType(EventFileException.class, () -> EventLoader.parse(json, "x.json"));
      assertThat(e).as(json).isNotNull();
      assertThat(e.problems()).as(json).hasSize(1);
      assertThat(e.problems().get(0).path()).isEqualTo("$");
    }
  }

  @Test
  void theMessageListsEveryProblemOnePerLinePrefixedByTheSource() {
    EventFileException e = catchThrowableOfType(EventFileException.class, () -> EventLoader.parse("{}", "empty.json"));

    assertThat(e.problems()).extracting(Problem::path).containsExactly("$.id", "$.name", "$.shortName",
        "$.organiser", "$.zone", "$.units", "$.conference", "$.stages", "$.quotas", "$.prizes", "$.rubric",
        "$.final", "$.ranking");
    assertThat(e.problems()).allMatch(p -> p.message().equals("is required"));
    assertThat(e.getMessage().split("\n")).hasSize(13).allMatch(line -> line.startsWith("empty.json: $."));
    assertThat(e.getMessage()).startsWith("empty.json: $.id: is required\nempty.json: $.name: is required\n");
  }

  @Test
  void unitKindLabelsAreVietnamese() {
    assertThat(UnitKind.XA.label()).isEqualTo("Xã");
    assertThat(UnitKind.PHUONG.label()).isEqualTo("Phường");
    assertThat(UnitKind.DAC_KHU.label()).isEqualTo("Đặc khu");
    assertThat(UnitKind.DEPARTMENT.label()).isEqualTo("Sở, ban, ngành");
    assertThat(UnitKind.DAC_KHU.communeLevel()).isTrue();
    assertThat(UnitKind.DEPARTMENT.communeLevel()).isFalse();
  }
}
