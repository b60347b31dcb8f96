package diemcau.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each check of the event file: the shipped file with one thing broken must give exactly the
 * expected problems, at the expected paths, and nothing else.
 */
class EventValidationTest {

  private static final String SHIPPED = shippedText();

  private static String shippedText() {
    try (InputStream in = EventValidationTest.class.getClassLoader().getResourceAsStream(EventLoader.DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problems of the shipped file after {@code change}; fails when it still loads. */
  private static List<Problem> problems(Consumer<JsonObject> change) {
    JsonObject json = new JsonObject(SHIPPED);
    change.accept(json);
    EventFileException e = catchThrowableOfType(EventFileException.class,
        () -> EventLoader.parse(json.encodePrettily(), "test.json"));
    assertThat(e).as("the changed file should be refused").isNotNull();
    return e.problems();
  }

  /** The event after {@code change}; fails when it is refused. */
  private static Event loads(Consumer<JsonObject> change) {
    JsonObject json = new JsonObject(SHIPPED);
    change.accept(json);
    return EventLoader.parse(json.encode(), "test.json");
  }

  private static JsonObject unit(JsonObject json, int i) {
    return json.getJsonArray("units").getJsonObject(i);
  }

  private static JsonObject item(JsonObject json, int i) {
    return json.getJsonObject("conference").getJsonArray("programme").getJsonObject(i);
  }

  private static JsonObject prize(JsonObject json, int i) {
    return json.getJsonArray("prizes").getJsonObject(i);
  }

  private static JsonObject criterion(JsonObject json, int i) {
    return json.getJsonObject("rubric").getJsonArray("criteria").getJsonObject(i);
  }

  private static String at(String hhmm) {
    return "2026-05-27T" + hhmm + ":00+07:00";
  }

  @Test
  void theShippedFileHasNoProblem() {
    assertThat(loads(json -> { }).id()).isEqualTo("haiphong-2026");
  }

  // ---- units ----

  @Test
  void unknownUnitKind() {
    List<Problem> problems = problems(json -> unit(json, 3).put("kind", "XAA"));

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo("$.units[3].kind");
    assertThat(problems.get(0).message()).contains("unknown unit kind \"XAA\"", "XA, PHUONG, DAC_KHU, DEPARTMENT");
  }

  @Test
  void duplicateUnitCodeAcrossCommunesAndDepartments() {
    List<Problem> problems = problems(json -> unit(json, 120).put("code", "11560"));

    assertThat(problems).containsExactly(
        new Problem("$.units[120].code", "duplicate unit code 11560, already used by $.units[0]"));
  }

  @Test
  void missingAndBlankUnitFields() {
    List<Problem> problems = problems(json -> {
      unit(json, 0).remove("code");
      unit(json, 1).put("name", "  ");
      unit(json, 2).putNull("kind");
      unit(json, 3).put("name", 7);
    });

    assertThat(problems).containsExactly(
        new Problem("$.units[0].code", "is required"),
        new Problem("$.units[1].name", "must not be blank"),
        new Problem("$.units[2].kind", "is required"),
        new Problem("$.units[3].name", "must be a string, not 7"));
  }

  @Test
  void unitCodesMustBeUsableInLinks() {
    List<Problem> problems = problems(json -> unit(json, 5).put("code", "Sở Y tế"));

    assertThat(problems).extracting(Problem::path).containsExactly("$.units[5].code");
  }

  @Test
  void headcountMustBePositiveAndWhole() {
    List<Problem> problems = problems(json -> {
      unit(json, 0).put("headcount", -5);
      unit(json, 1).put("headcount", 0);
      unit(json, 2).put("headcount", 12.5);
      unit(json, 3).put("headcount", "120");
    });

    assertThat(problems).extracting(Problem::path).containsExactly("$.units[0].headcount",
        "$.units[1].headcount", "$.units[2].headcount", "$.units[3].headcount");
    assertThat(problems.get(0).message()).contains("positive", "-5", "leave it out when unknown");
  }

  @Test
  void headcountIsKeptWhenGivenAndNullWhenLeftOutOrNull() {
    Event event = loads(json -> {
      unit(json, 0).put("headcount", 250);
      unit(json, 1).putNull("headcount");
      unit(json, 2).put("headcount", 40.0);
    });

    assertThat(event.units().get(0).headcount()).isEqualTo(250);
    assertThat(event.units().get(1).headcount()).isNull();
    assertThat(event.units().get(2).headcount()).isEqualTo(40);
    assertThat(event.units().get(3).headcount()).isNull();
  }

  @Test
  void unitsMustBeANonEmptyListOfObjects() {
    assertThat(problems(json -> json.put("units", new JsonArray())))
        .as("quotas are not checked against units that have problems themselves")
        .containsExactly(new Problem("$.units", "must have at least one unit"));
    assertThat(problems(json -> json.getJsonArray("units").add("11000")))
        .containsExactly(new Problem("$.units[128]", "must be an object, not the string \"11000\""));
    assertThat(problems(json -> json.put("units", new JsonObject())))
        .containsExactly(new Problem("$.units", "must be a list [...], not an object"));
  }

  // ---- required fields, unknown fields, notes ----

  @Test
  void missingAndBlankTopLevelFields() {
    List<Problem> problems = problems(json -> {
      json.remove("name");
      json.put("shortName", "");
      json.put("organiser", " \t");
    });

    assertThat(problems).containsExactly(
        new Problem("$.name", "is required"),
        new Problem("$.shortName", "must not be blank"),
        new Problem("$.organiser", "must not be blank"));
  }

  @Test
  void unknownFieldsAreProblemsButNotesAreAllowedEverywhere() {
    Event event = loads(json -> {
      json.put("notes", "top");
      unit(json, 0).put("notes", new JsonArray().add("a").add("b"));
      item(json, 0).put("notes", "x");
      json.getJsonObject("quotas").put("notes", "q");
      prize(json, 0).put("notes", "p");
      criterion(json, 0).put("notes", "c");
      json.getJsonObject("final").put("notes", "f");
      json.getJsonObject("ranking").put("notes", "r");
      json.getJsonArray("stages").getJsonObject(0).put("notes", "s");
    });
    assertThat(event.id()).isEqualTo("haiphong-2026");

    List<Problem> problems = problems(json -> {
      json.put("qoutas", new JsonObject());
      unit(json, 2).put("headcont", 12);
      item(json, 1).put("who", "x");
      json.getJsonObject("final").put("judges", 5);
      json.put("notes", 3);
    });

    assertThat(problems).extracting(Problem::path).containsExactly("$.notes", "$.qoutas", "$.units[2].headcont",
        "$.conference.programme[1].who", "$.final.judges");
    assertThat(problems.get(1).message()).startsWith("unknown field; expected id, name, shortName");
    assertThat(problems.get(0).message()).isEqualTo("must be a string or a list of strings");
  }

  @Test
  void oddFieldNamesAreQuotedInThePath() {
    assertThat(problems(json -> json.put("bad key", 1)))
        .extracting(Problem::path).containsExactly("$[\"bad key\"]");
  }

  @Test
  void unknownTimeZone() {
    List<Problem> problems = problems(json -> json.put("zone", "Asia/Hanoi City"));

    assertThat(problems).extracting(Problem::path).containsExactly("$.zone");
  }

  // ---- agenda ----

  @Test
  void timeWithoutOffsetOrUnparseable() {
    List<Problem> problems = problems(json -> {
      item(json, 0).put("start", "2026-05-27T13:45:00");
      item(json, 2).put("end", "27/5/2026 14h20");
      item(json, 4).put("start", "2026-05-27T14:35");
    });

    assertThat(problems).containsExactly(
        new Problem("$.conference.programme[0].start",
            "\"2026-05-27T13:45:00\" has no UTC offset; write it like 2026-05-27T14:00:00+07:00"),
        new Problem("$.conference.programme[2].end", "\"27/5/2026 14h20\" is not a time like 2026-05-27T14:00:00+07:00"),
        new Problem("$.conference.programme[4].start",
            "\"2026-05-27T14:35\" has no UTC offset; write it like 2026-05-27T14:00:00+07:00"));
  }

  @Test
  void timeWithAnOffsetOtherThanTheZonesIsAProblem() {
    List<Problem> problems = problems(json -> item(json, 0).put("start", "2026-05-27T06:45:00Z"));

    assertThat(problems).containsExactly(new Problem("$.conference.programme[0].start",
        "\"2026-05-27T06:45:00Z\" has offset Z but the event zone Asia/Ho_Chi_Minh is at +07:00 then"));
  }

  @Test
  void agendaItemThatEndsBeforeOrWhenItStarts() {
    List<Problem> problems = problems(json -> {
      item(json, 1).put("end", at("13:59"));
      item(json, 8).put("end", at("16:30"));
    });

    assertThat(problems).containsExactly(
        new Problem("$.conference.programme[1].end", "ends 13:59, not after its start 14:00"),
        new Problem("$.conference.programme[8].end", "ends 16:30, not after its start 16:30"));
  }

  @Test
  void agendaItemThatOverlapsAnEarlierItem() {
    List<Problem> problems = problems(json -> {
      item(json, 2).put("end", at("14:40")); // runs into khai-mac (14:20) and cong-bo-the-le (14:35)
    });

    assertThat(problems).extracting(Problem::path).containsExactly("$.conference.programme[3].start", "$.conference.programme[4].start");
    assertThat(problems.get(0).message()).contains("starts 14:20", "overlaps the previous item", "$.conference.programme[2]",
        "ends 14:40");
    assertThat(problems.get(1).message()).contains("starts 14:35", "overlaps an earlier item", "$.conference.programme[2]",
        "ends 14:40");
  }

  @Test
  void agendaOutOfOrderIsFlagged() {
    List<Problem> problems = problems(json -> {
      JsonArray agenda = json.getJsonObject("conference").getJsonArray("programme");
      JsonObject first = agenda.getJsonObject(0);
      agenda.remove(0);
      agenda.add(first); // 13:45 - 14:00 after the closing
    });

    assertThat(problems).extracting(Problem::path).containsExactly("$.conference.programme[8].start");
    assertThat(problems.get(0).message()).contains("starts 13:45", "\"Bế mạc Hội nghị\"", "ends 16:40");
  }

  @Test
  void agendaOverlapAcrossDaysShowsTheDate() {
    List<Problem> problems = problems(json -> item(json, 8).put("start", "2026-05-26T16:30:00+07:00"));

    assertThat(problems).extracting(Problem::path)
        .containsExactly("$.conference.programme[8].start", "$.conference.programme[8].start");
    assertThat(problems.get(0).message()).contains("starts 2026-05-26 16:30", "ends 2026-05-27 16:30");
    assertThat(problems.get(1).message()).isEqualTo("starts on 2026-05-26, not on the day's date 2026-05-27");
  }

  @Test
  void duplicateAgendaIdsAndMissingAgendaFields() {
    List<Problem> problems = problems(json -> {
      item(json, 1).put("id", "don-tiep");
      item(json, 2).remove("title");
      item(json, 3).remove("end");
    });

    assertThat(problems).containsExactly(
        new Problem("$.conference.programme[1].id", "duplicate programme id don-tiep, already used by $.conference.programme[0]"),
        new Problem("$.conference.programme[2].title", "is required"),
        new Problem("$.conference.programme[3].end", "is required"));
  }

  @Test
  void byIsOptional() {
    Event event = loads(json -> item(json, 0).remove("by"));

    assertThat(event.conference().programme().get(0).by()).isEmpty();
  }

  // ---- stages ----

  @Test
  void stageThatEndsBeforeItStarts() {
    List<Problem> problems = problems(json -> json.getJsonArray("stages").getJsonObject(1).put("to", "2026-06-11"));

    assertThat(problems).containsExactly(
        new Problem("$.stages[1].to", "ends 2026-06-11, before the stage starts 2026-06-12"));
  }

  @Test
  void stageWithBadDateOrDuplicateId() {
    List<Problem> problems = problems(json -> {
      json.getJsonArray("stages").getJsonObject(0).put("from", "28/5/2026");
      json.getJsonArray("stages").getJsonObject(2).put("id", "chang-2");
    });

    assertThat(problems).containsExactly(
        new Problem("$.stages[0].from", "\"28/5/2026\" is not a date like 2026-06-25"),
        new Problem("$.stages[2].id", "duplicate stage id chang-2, already used by $.stages[1]"));
  }

  @Test
  void theContestHasThreeStagesInOrder() {
    assertThat(problems(json -> json.getJsonArray("stages").remove(2))).containsExactly(new Problem("$.stages",
        "has 2 stages; the contest has three, in order: Chặng 1 (learning), Chặng 2 (the qualified units' entries),"
            + " Chặng 3 (the final)"));
    assertThat(problems(json -> json.getJsonArray("stages").getJsonObject(1).put("from", "2026-06-10")))
        .containsExactly(new Problem("$.stages[1].from",
            "starts 2026-06-10, before the stage before it ends (2026-06-10); stages follow one another"));
    assertThat(loads(json -> { }).stage2().from()).isEqualTo(LocalDate.of(2026, 6, 12));
  }

  // ---- quotas ----

  @Test
  void moreCommunesToStage2ThanThereAreCommunes() {
    List<Problem> problems = problems(json -> json.getJsonObject("quotas").put("communesToStage2", 115));

    assertThat(problems).containsExactly(
        new Problem("$.quotas.communesToStage2", "115 is more than the 114 commune-level units in $.units"));
  }

  @Test
  void moreDepartmentsToStage2ThanThereAreDepartmentsOrNegative() {
    assertThat(problems(json -> json.getJsonObject("quotas").put("departmentsToStage2", 15)))
        .containsExactly(new Problem("$.quotas.departmentsToStage2", "15 is more than the 14 departments in $.units"));
    assertThat(problems(json -> json.getJsonObject("quotas").put("departmentsToStage2", -1)))
        .containsExactly(new Problem("$.quotas.departmentsToStage2", "must not be negative, not -1"));
  }

  @Test
  void moreFinalistsThanStage2Units() {
    List<Problem> problems = problems(json -> json.getJsonObject("quotas").put("finalists", 12));

    assertThat(problems).containsExactly(new Problem("$.quotas.finalists",
        "12 finalists is more than the 11 units in stage 2 (communesToStage2 + departmentsToStage2)"));
  }

  @Test
  void noFinalists() {
    assertThat(problems(json -> json.getJsonObject("quotas").put("finalists", 0)))
        .containsExactly(new Problem("$.quotas.finalists", "must be at least 1, not 0"));
  }

  @Test
  void quotasMustBeWholeNumbers() {
    assertThat(problems(json -> json.getJsonObject("quotas").put("communesToStage2", "10")))
        .containsExactly(new Problem("$.quotas.communesToStage2", "must be a whole number, not the string \"10\""));
    assertThat(problems(json -> json.getJsonObject("quotas").put("finalists", 6.5)))
        .containsExactly(new Problem("$.quotas.finalists", "must be a whole number, not 6.5"));
  }

  // ---- prizes ----

  @Test
  void finalistPrizesMustNotExceedTheFinalists() {
    List<Problem> problems = problems(json -> prize(json, 1).put("count", 3)); // 1 + 3 + 3 = 7 places for 6

    assertThat(problems).containsExactly(new Problem("$.prizes[2].count",
        "the finalists prizes come to 7 awards here, more than the 6 finalists ($.quotas.finalists)"));
  }

  @Test
  void fewerFinalistsThanFinalistPrizes() {
    List<Problem> problems = problems(json -> json.getJsonObject("quotas").put("finalists", 5));

    // 6 finalist places for 5 finalists; 5 consolation prizes for the 6 others still fit; 6 slots for 5
    assertThat(problems).extracting(Problem::path).containsExactly("$.prizes[2].count", "$.final.programme");
  }

  @Test
  void consolationPrizesMustNotExceedTheStage2UnitsOutsideTheFinal() {
    List<Problem> problems = problems(json -> prize(json, 3).put("count", 6));

    assertThat(problems).containsExactly(new Problem("$.prizes[3].count",
        "the stage2-not-finalist prizes come to 6 awards here, more than the 5 stage-2 units that are not"
            + " finalists (11 - 6)"));
  }

  @Test
  void prizeWithUnknownPoolBadCountOrAmountOrDuplicateId() {
    List<Problem> problems = problems(json -> {
      prize(json, 0).put("pool", "winners");
      prize(json, 1).put("count", 0);
      prize(json, 2).put("amountVnd", -3_000_000);
      prize(json, 3).put("id", "nhat");
    });

    assertThat(problems).extracting(Problem::path).containsExactly("$.prizes[0].pool", "$.prizes[1].count",
        "$.prizes[2].amountVnd", "$.prizes[3].id");
    assertThat(problems.get(0).message()).contains("unknown pool \"winners\"", "finalists", "stage2-not-finalist");
  }

  @Test
  void noPrizesIsAllowed() {
    assertThat(loads(json -> json.put("prizes", new JsonArray())).prizes()).isEmpty();
  }

  // ---- rubric ----

  @Test
  void rubricCriterionWithMinNotBelowMax() {
    List<Problem> problems = problems(json -> {
      criterion(json, 0).put("min", 25);
      criterion(json, 1).put("max", -1);
    });

    assertThat(problems).containsExactly(
        new Problem("$.rubric.criteria[0].max", "must be more than min (25), not 25"),
        new Problem("$.rubric.criteria[1].max", "must be more than min (0), not -1"));
  }

  @Test
  void rubricCriteriaWithDuplicateIds() {
    List<Problem> problems = problems(json -> criterion(json, 3).put("id", "thuc-tien"));

    assertThat(problems).containsExactly(new Problem("$.rubric.criteria[3].id",
        "duplicate criterion id thuc-tien, already used by $.rubric.criteria[0]"));
  }

  @Test
  void rubricNeedsCriteria() {
    assertThat(problems(json -> json.getJsonObject("rubric").put("criteria", new JsonArray())))
        .containsExactly(new Problem("$.rubric.criteria", "must have at least one criterion"));
  }

  @Test
  void rubricScoresMayBeFractional() {
    Event event = loads(json -> criterion(json, 0).put("min", 0.5).put("max", 24.5));

    assertThat(event.rubric().criteria().get(0)).isEqualTo(
        new Criterion("thuc-tien", "Tính thực tiễn, phù hợp với nhiệm vụ của cơ quan, đơn vị", 0.5, 24.5));
  }

  // ---- final and ranking ----

  @Test
  void finalRulesAreChecked() {
    List<Problem> problems = problems(json -> json.getJsonObject("final")
        .put("date", "25/06/2026").put("dropHighestAndLowest", "yes"));

    assertThat(problems).extracting(Problem::path).containsExactly("$.final.date", "$.final.dropHighestAndLowest");
  }

  // ---- the days ----

  private static JsonObject day(JsonObject json, String key) {
    return json.getJsonObject(key);
  }

  private static JsonObject finalItem(JsonObject json, int i) {
    return json.getJsonObject("final").getJsonArray("programme").getJsonObject(i);
  }

  @Test
  void eachDayHasItsOwnDateStartVenueAndProgramme() {
    Event event = loads(json -> { });

    Day conference = event.conference();
    assertThat(conference.id()).isEqualTo(Day.CONFERENCE);
    assertThat(conference.date()).isEqualTo(LocalDate.of(2026, 5, 27));
    assertThat(conference.start()).isEqualTo(Instant.parse("2026-05-27T14:00:00+07:00"));
    assertThat(conference.venue()).isEqualTo(new Venue("Phòng 103, Trung tâm Hội nghị - Biểu diễn thành phố",
        "đường Trần Kiên, khu đô thị Bắc sông Cấm, phường Thủy Nguyên"));
    assertThat(conference.programme()).hasSize(9);
    assertThat(conference.presentations()).isEmpty();

    Day finalDay = event.finalDay();
    assertThat(finalDay.id()).isEqualTo(Day.FINAL);
    assertThat(finalDay.name()).isEqualTo("Lễ Chung kết và trao giải");
    assertThat(finalDay.date()).isEqualTo(LocalDate.of(2026, 6, 25));
    assertThat(finalDay.start()).isEqualTo(Instant.parse("2026-06-25T14:00:00+07:00"));
    assertThat(finalDay.venue().full()).startsWith("Phòng 103").contains("(đường Trần Kiên");
    assertThat(finalDay.presentations()).extracting(AgendaItem::presentation).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(finalDay.presentations()).allMatch(slot -> slot.plannedDurationMs() == 10 * 60_000);
    // items given by their length follow one another from the welcome, which has its own times
    assertThat(finalDay.programme().get(0).plannedStart()).isEqualTo(Instant.parse("2026-06-25T13:45:00+07:00"));
    for (int i = 1; i < finalDay.programme().size(); i++) {
      assertThat(finalDay.programme().get(i).plannedStart()).isEqualTo(finalDay.programme().get(i - 1).plannedEnd());
    }
    assertThat(finalDay.presentations().get(0).plannedStart()).isEqualTo(Instant.parse("2026-06-25T14:30:00+07:00"));
    assertThat(event.day(Day.FINAL)).contains(finalDay);
  }

  @Test
  void aDayNeedsItsDateStartVenueAndProgramme() {
    List<Problem> problems = problems(json -> {
      day(json, "conference").remove("date");
      day(json, "conference").getJsonObject("venue").remove("address");
      day(json, "final").put("start", "2026-06-26T08:00:00+07:00");
      day(json, "final").put("venue", "Phòng 103");
    });

    assertThat(problems).containsExactly(
        new Problem("$.conference.date", "is required"),
        new Problem("$.conference.venue.address", "is required"),
        new Problem("$.final.start", "is on 2026-06-26, not on the day's date 2026-06-25"),
        new Problem("$.final.venue", "must be an object {...}, not the string \"Phòng 103\""));
  }

  @Test
  void anItemGivesItsTimesOrItsLengthAndStaysOnItsDay() {
    List<Problem> problems = problems(json -> {
      finalItem(json, 1).put("start", "2026-06-25T14:00:00+07:00");
      finalItem(json, 2).put("minutes", 0);
      item(json, 0).put("start", "2026-05-26T13:45:00+07:00").put("end", "2026-05-26T14:00:00+07:00");
    });

    assertThat(problems).containsExactly(
        new Problem("$.conference.programme[0].start", "starts on 2026-05-26, not on the day's date 2026-05-27"),
        new Problem("$.final.programme[1].minutes", "give either start and end, or minutes, not both"),
        new Problem("$.final.programme[2].minutes", "must be from 1 to 720, not 0"));
  }

  @Test
  void anItemByItsLengthThatRunsIntoATimedOneOverlaps() {
    List<Problem> problems = problems(json -> json.getJsonObject("final").getJsonArray("programme")
        .add(new JsonObject().put("id", "tiec").put("title", "Tiệc").put("start", "2026-06-25T16:00:00+07:00")
            .put("end", "2026-06-25T17:00:00+07:00")));

    assertThat(problems).extracting(Problem::path).containsExactly("$.final.programme[13].start");
    assertThat(problems.get(0).message()).contains("starts 16:00", "\"Bế mạc\"", "ends 16:25");
  }

  @Test
  void theFinalHasOnePresentationSlotPerFinalistNumberedInOrder() {
    assertThat(problems(json -> json.getJsonObject("final").getJsonArray("programme").remove(9)))
        .containsExactly(new Problem("$.final.programme",
            "has 5 presentation slots, but the final has 6 finalists ($.quotas.finalists): one slot each"));
    assertThat(problems(json -> finalItem(json, 5).put("presentation", 3)))
        .containsExactly(new Problem("$.final.programme[5].presentation",
            "is 3 but this is slot 2 of the programme: slots are numbered 1, 2, 3… in programme order"));
    assertThat(problems(json -> item(json, 2).put("presentation", 1)))
        .extracting(Problem::path).containsExactly("$.conference.programme[2].presentation");
  }

  @Test
  void fieldsOfTheEarlierFormatSayWhereTheyWent() {
    List<Problem> problems = problems(json -> {
      json.put("agenda", new JsonArray());
      json.put("venue", "Phòng 103");
      json.getJsonObject("final").put("presentationMinutes", 7);
    });

    assertThat(problems).containsExactly(
        new Problem("$.agenda", "moved: the conference's programme is $.conference.programme"),
        new Problem("$.venue", "moved: the conference's venue is $.conference.venue, {\"name\", \"address\"}"),
        new Problem("$.final.presentationMinutes", "moved: each presentation slot is an item of $.final.programme"
            + " with \"presentation\": N and its own \"minutes\""));
  }

  @Test
  void rankingKeysAreChecked() {
    List<Problem> problems = problems(json -> json.getJsonObject("ranking").put("keys",
        new JsonArray().add("rate desc").add("score desc").add("avgScore").add("rate asc").add(1)));

    assertThat(problems).extracting(Problem::path).containsExactly("$.ranking.keys[1]", "$.ranking.keys[2]",
        "$.ranking.keys[3]", "$.ranking.keys[4]");
    assertThat(problems.get(0).message()).contains("unknown field \"score\"", "rate, avgScore, reachedAt");
    assertThat(problems.get(2).message()).contains("again", "$.ranking.keys[0]");
  }

  @Test
  void rankingNeedsADescription() {
    assertThat(problems(json -> json.getJsonObject("ranking").remove("description")))
        .containsExactly(new Problem("$.ranking.description", "is required"));
  }

  @Test
  void rankingIsReadFromTheFile() {
    Event event = loads(json -> json.getJsonObject("ranking").put("keys",
        new JsonArray().add("participants desc").add("reachedAt asc")));

    assertThat(event.ranking().sortKeys()).containsExactly(new Ranking.Key("participants", true),
        new Ranking.Key("reachedAt", false));
  }

  @Test
  void rankingNamesBothLeaderboardGroups() {
    assertThat(problems(json -> json.getJsonObject("ranking").remove("groups")))
        .containsExactly(new Problem("$.ranking.groups", "is required"));
    assertThat(problems(json -> json.getJsonObject("ranking").getJsonObject("groups").remove("departments")))
        .containsExactly(new Problem("$.ranking.groups.departments", "is required"));
    assertThat(problems(json -> json.getJsonObject("ranking").getJsonObject("groups").put("communes", " ").put("wards", "Phường")))
        .containsExactly(new Problem("$.ranking.groups.wards", "unknown field; expected communes, departments (or notes)"),
            new Problem("$.ranking.groups.communes", "must not be blank"));
  }

  @Test
  void groupLabelsAreReadFromTheFile() {
    Event event = loads(json -> json.getJsonObject("ranking").getJsonObject("groups").put("communes", "Cấp xã"));

    assertThat(event.ranking().groupLabel(Ranking.COMMUNES)).isEqualTo("Cấp xã");
    assertThat(event.ranking().groupLabel(Ranking.DEPARTMENTS)).isEqualTo("Sở, ban, ngành");
  }

  // ---- contacts ----

  @Test
  void theLettersContactsAreRead() {
    Contacts contacts = loads(json -> { }).contacts();
    assertThat(contacts.phones()).extracting(Contacts.Phone::number).containsExactly("0982 103 591", "0962 335 887", "0904 592 340");
    assertThat(contacts.phones().get(0).dialable()).isEqualTo("0982103591");
    assertThat(contacts.email()).isEqualTo("tulieu&nghiencuu@hpstic.vn");
    assertThat(contacts.links()).extracting(Contacts.Link::url).containsExactly(
        "http://onetouch.mic.gov.vn/khoa-hoc-dia-phuong/khoa-hoc-hai-phong", "https://daotaotructuyen.haiphong.gov.vn/");
    assertThat(loads(json -> json.remove("contacts")).contacts()).isEqualTo(Contacts.NONE);
  }

  @Test
  void contactsAreChecked() {
    List<Problem> problems = problems(json -> {
      JsonObject contacts = json.getJsonObject("contacts");
      contacts.getJsonArray("phones").getJsonObject(1).put("number", "gọi tôi");
      contacts.put("email", "tulieu.hpstic.vn");
      contacts.getJsonArray("links").getJsonObject(0).put("url", "onetouch.mic.gov.vn");
    });

    assertThat(problems).containsExactly(
        new Problem("$.contacts.phones[1].number", "\"gọi tôi\" is not a phone number like 0982 103 591"),
        new Problem("$.contacts.email", "\"tulieu.hpstic.vn\" is not an e-mail address"),
        new Problem("$.contacts.links[0].url", "\"onetouch.mic.gov.vn\" is not a web address starting with http:// or https://"));
  }

  // ---- all at once ----

  @Test
  void everyProblemIsReportedNotJustTheFirst() {
    List<Problem> problems = problems(json -> {
      json.remove("shortName");
      unit(json, 3).put("kind", "THON");
      item(json, 6).put("start", at("14:00"));
      json.getJsonArray("stages").getJsonObject(0).put("to", "2026-05-01");
      json.getJsonObject("quotas").put("finalists", 20);
      criterion(json, 4).put("min", 50);
    });

    assertThat(problems).extracting(Problem::path).containsExactly("$.shortName", "$.units[3].kind",
        "$.conference.programme[6].start", "$.stages[0].to", "$.quotas.finalists", "$.rubric.criteria[4].max");
  }
}
