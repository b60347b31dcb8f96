package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import diemcau.event.Unit;
import diemcau.store.EmbeddedDatabase;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property-based fuzzing of every door from outside (QuickTheories, fixed seeds): socket frames,
 * {@code POST /api/commands}, the JSON and the CSV imports, 10,000 generated inputs in all,
 * against one real server. For every input: no 5xx, a refusal in the error shape, and a refusal
 * of an argument or a row names its field. At the end the server still answers, every open
 * socket is still open, the people on the leaderboard are exactly those of the imports it
 * accepted, and the audit log holds exactly one row per accepted command: nothing half-applied.
 */
@DisplayName("Fuzzing the doors: 10,000 generated frames, commands and imports")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoorsFuzzTest {

  static final int FRAMES = 4_000;
  static final int COMMANDS = 3_000;
  static final int JSON_IMPORTS = 1_500;
  static final int CSV_IMPORTS = 1_500;

  private static final long SEED = 20260527L;
  /** Wrong tokens are part of the input: never throttled here. */
  private static final ConnectionLimits LIMITS = new ConnectionLimits(10, 60, 20_000, 1_000_000, false);
  private static final List<String> COMMAND_NAMES = List.of("agenda.adjust", "agenda.goto", "agenda.next", "agenda.pause",
      "agenda.previous", "agenda.resume", "agenda.start", "bridge.attendance", "final.agenda.adjust", "final.agenda.goto",
      "final.agenda.next", "final.agenda.start", "final.draw", "final.draw.redo", "final.finalise", "final.finalise.undo",
      "final.finalists.confirm", "final.order.set", "final.reveal.next", "final.reveal.previous", "final.schedule",
      "final.tie.break", "hall.key.revoke", "judge.correct", "judge.create", "judge.remove", "judge.score",
      "participation.import", "report.key.revoke", "screen.blackout", "screen.clear", "screen.message", "screen.scene",
      "stage2.council.score", "stage2.entry", "stage2.entry.remove", "stage2.entry.status", "units.headcount",
      "units.headcounts", "no.such.command", "");
  private static final List<String> FIELDS = List.of("unit", "index", "ms", "text", "tone", "scene", "on", "headcount",
      "headcounts", "scores", "reason", "title", "representative", "contact", "channel", "receivedAt", "units", "order",
      "seed", "start", "judge", "status", "batch", "count", "name", "tokenHash", "x", "__proto__", "");
  private static final List<String> NUMBERS = List.of("0", "-1", "1", "2", "5", "25", "42", "-0", "100", "101", "10000",
      "60000", "-60000", "1e400", "-1e400", "1e-999999999", "1e-20000000", "123456789012345678901234567890", "0.5", "7.25",
      "3.14159", "1E2", "9007199254740993", "2147483648", "-2147483649", "1.005");
  /** JSON string literals, escaped as JSON: the odd characters a screen must never show, and ordinary ones. */
  private static final List<String> STRINGS = List.of("\"\"", "\" \"", "\"11560\"", "\"10525\"", "\"SO-YT\"", "\"NOPE\"",
      "\"agenda\"", "\"logo\"", "\"info\"", "\"attention\"", "\"email\"", "\"zalo\"", "\"received\"", "\"Chào mừng đại biểu\"",
      "\"e\\u0323\\u0302\"", "\"=HYPERLINK(\\\"x\\\")\"", "\"a\\u0000b\"", "\"\\u202Egnừm\"", "\"\\uD800\"", "\"\\uDFFF x\"",
      "\"line\\nbreak\"", "\"tab\\t\"", "\"\\uFFFE\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"",
      "\"\\uD83D\\uDC68\\u200D\\uD83D\\uDC69\"", "\"2026-06-25T08:00:00+07:00\"", "\"25/06/2026 08:00\"", "\"not a time\"",
      "\"11560,10525,SO-YT\"", "\"11560,11560\"", "\"Lý do đủ dài để ghi\"", "\"DAT LAI\"");

  private static TestServer server;
  private static HttpClient http;
  private static Vertx vertx;
  private static List<String> units;
  /** What the server was asked and answered, for the checks at the end. */
  private static final AtomicInteger sent = new AtomicInteger();
  private static final AtomicInteger acceptedCommands = new AtomicInteger();
  private static final AtomicInteger personCounter = new AtomicInteger();
  private static final Map<String, int[]> expected = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(LIMITS);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    vertx = Vertx.vertx();
    units = server.server.event().units().stream().map(Unit::code).toList();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await();
    if (server != null) {
      server.close();
    }
  }

  // ---------------------------------------------------------------- socket frames

  /** One frame as text, and what it is. */
  record Frame(String text, String kind, int n) {}

  @Test
  @Order(1)
  @DisplayName("socket frames of every shape: each is answered in the protocol, no socket is dropped")
  void socketFrames() throws Exception {
    ScreenClient viewer = ScreenClient.connect(vertx, server.port, "/ws");
    ScreenClient mc = ScreenClient.connect(vertx, server.port, "/ws", TestServer.MC_TOKEN);
    AtomicInteger index = new AtomicInteger();
    qt().withFixedSeed(SEED).withExamples(FRAMES).withShrinkCycles(20).forAll(frames(index)).checkAssert(frame -> {
      sent.incrementAndGet();
      try {
        ScreenClient socket = frame.n() % 2 == 0 ? mc : viewer;
        socket.ws.writeTextMessage(frame.text());
        List<JsonObject> answers = answers(socket, frame);
        check(frame, socket == mc, answers);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    assertThat(viewer.closeStatus).as("the viewer socket is still open").isNull();
    assertThat(mc.closeStatus).as("the MC socket is still open").isNull();
    viewer.close();
    mc.close();
  }

  private static Gen<Frame> frames(AtomicInteger index) {
    return random -> {
      unique(random);
      int n = index.getAndIncrement();
      int kind = Generate.range(0, 11).generate(random);
      return switch (kind) {
        case 0 -> new Frame(pick(random, List.of("", "not json", "{", "[]", "[1,2]", "\"text\"", "42", "null", "{\"type\":", "\u0000")), "bad_json", n);
        case 1 -> new Frame("{\"id\":" + n + "}", "no_type", n);
        case 2 -> new Frame("{\"type\":" + value(random, 1) + "}", "odd_type", n);
        case 3, 4 -> new Frame("{\"type\":\"hello\",\"screen\":" + (Generate.booleans().generate(random)
            ? pick(random, List.of("\"hall\"", "\"bridge\"", "\"public\"", "\"mc\"", "\"judge\"", "\"admin\"")) : value(random, 1))
            + ",\"topics\":" + (Generate.booleans().generate(random)
            ? "[" + String.join(",", pickSome(random, List.of("\"agenda\"", "\"screen\"", "\"final\"", "\"nope\"", "1"))) + "]"
            : value(random, 1))
            + (Generate.booleans().generate(random) ? ",\"unit\":" + value(random, 0) : "") + "}", "hello", n);
        case 5, 6 -> new Frame("{\"type\":\"ping\",\"id\":" + (Generate.booleans().generate(random) ? n : value(random, 1))
            + ",\"t0\":" + value(random, 0) + "}", "ping", n);
        default -> new Frame("{\"type\":\"command\",\"id\":\"c" + n + "\",\"name\":"
            + (Generate.range(0, 9).generate(random) > 0 ? "\"" + pick(random, COMMAND_NAMES) + "\"" : value(random, 1))
            + (Generate.range(0, 9).generate(random) > 0 ? ",\"args\":" + arguments(random) : ",\"args\":" + value(random, 1))
            + "}", "command", n);
      };
    };
  }

  /** What came back for a frame: up to its ack or pong (a ping with the frame's number follows every other frame). */
  private static List<JsonObject> answers(ScreenClient socket, Frame frame) throws InterruptedException {
    List<JsonObject> answers = new ArrayList<>();
    Predicate<JsonObject> end;
    if (frame.kind().equals("command")) {
      end = reply -> "ack".equals(reply.getString("type")) && ("c" + frame.n()).equals(reply.getValue("id"));
    } else {
      String barrier = "barrier-" + frame.n();
      socket.send(new JsonObject().put("type", "ping").put("id", barrier).put("t0", 0));
      end = reply -> "pong".equals(reply.getString("type")) && barrier.equals(reply.getValue("id"));
    }
    while (true) {
      JsonObject reply = socket.next(candidate -> !"state".equals(candidate.getString("type"))
          && !"heartbeat".equals(candidate.getString("type")));
      if (end.test(reply)) {
        if (frame.kind().equals("command")) {
          answers.add(reply);
        }
        return answers;
      }
      answers.add(reply);
    }
  }

  private static void check(Frame frame, boolean console, List<JsonObject> answers) {
    String context = frame.text() + " → " + answers;
    for (JsonObject answer : answers) {
      String type = answer.getString("type");
      assertThat(type).as(context).isIn("error", "ack", "pong");
      if ("error".equals(type)) {
        assertThat(answer.getString("code")).as(context).isNotBlank();
        assertThat(answer.getString("message")).as(context).isNotBlank();
      }
    }
    switch (frame.kind()) {
      case "bad_json" -> assertThat(answers).as(context).singleElement().satisfies(a -> assertThat(a.getString("code")).isEqualTo("bad_json"));
      case "no_type", "odd_type" -> assertThat(answers).as(context).singleElement()
          .satisfies(a -> assertThat(a.getString("code")).isIn("bad_frame"));
      case "hello" -> assertThat(answers).as(context).allSatisfy(a -> assertThat(a.getString("code")).isEqualTo("bad_hello"));
      case "ping" -> assertThat(answers).as(context).singleElement().satisfies(a -> assertThat(a.getString("type")).isEqualTo("pong"));
      default -> {
        JsonObject ack = answers.get(answers.size() - 1);
        if (ack.getBoolean("ok")) {
          assertThat(console).as("only a console's command is taken: " + context).isTrue();
          acceptedCommands.incrementAndGet();
        } else {
          assertRefusal(ack.getJsonObject("error"), ack.getInteger("status", 0), context);
          if (!console) {
            assertThat(ack.getJsonObject("error").getString("code")).as(context).isEqualTo("unauthorized");
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- REST commands

  @Test
  @Order(2)
  @DisplayName("POST /api/commands with any body: no 5xx, refusals in the error shape, an argument's refusal names it")
  void commands() {
    qt().withFixedSeed(SEED + 1).withExamples(COMMANDS).withShrinkCycles(20).forAll(commandBodies()).checkAssert(body -> {
      sent.incrementAndGet();
      String token = body.startsWith("!") ? "not-a-token" : body.startsWith("#") ? TestServer.ADMIN_TOKEN : TestServer.MC_TOKEN;
      HttpResponse<String> response = post("/api/commands", token, body.substring(1), "application/json");
      String context = body + " → " + response.statusCode() + " " + response.body();
      assertThat(response.statusCode()).as(context).isLessThan(500);
      JsonObject answer = new JsonObject(response.body());
      if (response.statusCode() == 200) {
        assertThat(answer.getBoolean("ok")).as(context).isTrue();
        acceptedCommands.incrementAndGet();
      } else {
        assertThat(answer.getBoolean("ok")).as(context).isFalse();
        assertRefusal(answer.getJsonObject("error"), response.statusCode(), context);
      }
    });
  }

  /** A command body, its first character choosing the token: '!' a wrong one, '#' admin, else MC. */
  private static Gen<String> commandBodies() {
    return random -> {
      unique(random);
      String token = pick(random, List.of("!", "#", "#", "#", "m", "m", "m", "m"));
      int shape = Generate.range(0, 19).generate(random);
      String body = switch (shape) {
        case 0 -> pick(random, List.of("", "{", "[]", "null", "42", "\"x\"", "{\"name\":1}", "{\"args\":{}}", "not json"));
        case 1 -> "{\"name\":\"" + pick(random, COMMAND_NAMES) + "\",\"args\":" + value(random, 2) + "}";
        default -> "{\"name\":\"" + pick(random, COMMAND_NAMES) + "\",\"args\":" + arguments(random) + "}";
      };
      return token + body;
    };
  }

  // ---------------------------------------------------------------- imports

  /** One row of an import: its values by field, and the field the generator spoiled (null: a valid row). */
  record Row(Map<String, String> json, Map<String, String> text, String spoiled, String unit, boolean completed) {}

  /** An import: its rows, and whether the whole file was spoiled (not JSON, not CSV, no rows). */
  record Upload(List<Row> rows, String body, boolean broken) {
    boolean valid() {
      return !broken && !rows.isEmpty() && rows.stream().allMatch(row -> row.spoiled() == null);
    }
  }

  @Test
  @Order(3)
  @DisplayName("JSON imports: all or nothing, every wrong row named by index and field")
  void jsonImports() {
    qt().withFixedSeed(SEED + 2).withExamples(JSON_IMPORTS).withShrinkCycles(10).forAll(uploads(false)).checkAssert(upload -> {
      sent.incrementAndGet();
      checkImport(upload, post("/api/participation", TestServer.ADMIN_TOKEN, upload.body(), "application/json"), "index");
    });
  }

  @Test
  @Order(4)
  @DisplayName("CSV imports: all or nothing, every wrong row named by line and field")
  void csvImports() {
    qt().withFixedSeed(SEED + 3).withExamples(CSV_IMPORTS).withShrinkCycles(10).forAll(uploads(true)).checkAssert(upload -> {
      sent.incrementAndGet();
      // as curl --data-binary sends it
      checkImport(upload, post("/api/participation/import", TestServer.ADMIN_TOKEN, upload.body(),
          "application/x-www-form-urlencoded"), "line");
    });
  }

  private static void checkImport(Upload upload, HttpResponse<String> response, String position) {
    String context = upload.body() + " → " + response.statusCode() + " " + response.body();
    assertThat(response.statusCode()).as(context).isLessThan(500);
    JsonObject answer = new JsonObject(response.body());
    if (upload.valid()) {
      assertThat(response.statusCode()).as(context).isEqualTo(200);
      assertThat(answer.getInteger("created")).as(context).isEqualTo(upload.rows().size());
      acceptedCommands.incrementAndGet();
      for (Row row : upload.rows()) {
        int[] counts = expected.computeIfAbsent(row.unit(), unit -> new int[2]);
        counts[0]++;
        counts[1] += row.completed() ? 1 : 0;
      }
      return;
    }
    assertThat(response.statusCode()).as(context).isEqualTo(400);
    assertThat(answer.getJsonObject("error").getString("code")).as(context).isIn("rejected_rows", "no_rows", "empty");
    JsonArray rejected = answer.getJsonArray("rejected", new JsonArray());
    for (int i = 0; i < upload.rows().size(); i++) {
      Row row = upload.rows().get(i);
      if (row.spoiled() != null && !upload.broken()) {
        int at = position.equals("line") ? i + 2 : i;
        assertThat(rejected.stream().map(JsonObject.class::cast)
            .anyMatch(error -> Integer.valueOf(at).equals(error.getInteger(position)) && row.spoiled().equals(error.getString("field"))))
            .as("row %d is refused naming %s: %s", at, row.spoiled(), context).isTrue();
      }
    }
  }

  private static Gen<Upload> uploads(boolean csv) {
    return random -> {
      unique(random);
      if (Generate.range(0, 24).generate(random) == 0) {
        return new Upload(List.of(), pick(random, csv
            ? List.of("", "\uFEFF", "unit,person\n", "\u00ff\u00fe\u0000garbage", "a,b,c\n1,2,3\n", "\"unterminated\n1,2")
            : List.of("", "{}", "[", "[1,", "null", "{\"unit\":\"11560\"}", "\"text\"")), true);
      }
      List<Row> rows = new ArrayList<>();
      int count = Generate.range(0, 6).generate(random);
      for (int i = 0; i < count; i++) {
        rows.add(row(random, csv));
      }
      return new Upload(rows, csv ? csvBody(random, rows) : jsonBody(rows), false);
    };
  }

  private static Row row(org.quicktheories.core.RandomnessSource random, boolean csv) {
    String unit = pick(random, units);
    String person = "fz-" + personCounter.incrementAndGet();
    long enrolled = 1_779_930_000_000L + Generate.longRange(0, 1_000_000_000L).generate(random);
    boolean completed = Generate.booleans().generate(random);
    Map<String, String> json = new HashMap<>();
    Map<String, String> text = new HashMap<>();
    json.put("unit", "\"" + unit + "\"");
    text.put("unit", unit);
    json.put("person", "\"" + person + "\"");
    text.put("person", person);
    String enrolledAt = iso(enrolled);
    json.put("enrolledAt", "\"" + enrolledAt + "\"");
    text.put("enrolledAt", enrolledAt);
    if (completed) {
      String completedAt = iso(enrolled + 3_600_000L);
      json.put("completedAt", "\"" + completedAt + "\"");
      text.put("completedAt", completedAt);
      String score = pick(random, List.of("90", "100", "0", "87.5", "66.25"));
      json.put("score", score);
      text.put("score", csv ? score.replace('.', ',') : score);
    }
    String name = pick(random, List.of("Nguyễn Văn A", "Trần \"Bé\" B", "Lê, Thị; C", "=1+1", "", "Đặng Thu Hằng"));
    json.put("name", io.vertx.core.json.Json.encode(name));
    text.put("name", name);
    String spoiled = null;
    if (Generate.range(0, 5).generate(random) == 0) {
      spoiled = pick(random, List.of("unit", "person", "enrolledAt", "score", "completedAt", "name"));
      switch (spoiled) {
        case "unit" -> spoil(json, text, "unit", pick(random, List.of("\"ZZ-404\"", "1e400", "{}", "[1]")), "ZZ-404");
        case "person" -> spoil(json, text, "person", pick(random, List.of("1e400", "{}", "true")), "x".repeat(200));
        case "enrolledAt" -> spoil(json, text, "enrolledAt", pick(random, List.of("\"not a time\"", "12", "\"2026-02-30T08:00:00+07:00\"")),
            pick(random, List.of("not a time", "2026-13-01 08:00", "32/12/2026 08:00")));
        // a JSON 1e-20000000 is a double's 0.0, a score in range; as CSV text it has 20,000,000 decimals
        case "score" -> spoil(json, text, "score", pick(random, List.of("101", "-1", "1e400", "\"abc\"", "-1e-5")),
            pick(random, List.of("101", "-1", "1e-20000000", "abc", "1e400")));
        case "completedAt" -> spoil(json, text, "completedAt", "\"" + iso(enrolled - 86_400_000L) + "\"", iso(enrolled - 86_400_000L));
        default -> spoil(json, text, "name", "\"" + "n".repeat(201) + "\"", "n".repeat(201));
      }
    }
    return new Row(json, text, spoiled, unit, completed);
  }

  private static void spoil(Map<String, String> json, Map<String, String> text, String field, String jsonValue, String textValue) {
    json.put(field, jsonValue);
    text.put(field, textValue);
  }

  private static String jsonBody(List<Row> rows) {
    List<String> records = rows.stream().map(row -> "{" + String.join(",", row.json().entrySet().stream()
        .map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue()).toList()) + "}").toList();
    return "[" + String.join(",", records) + "]";
  }

  private static final Map<String, List<String>> HEADERS = Map.of(
      "unit", List.of("unit", "Mã đơn vị", "MA_DON_VI", "Mã điểm cầu"),
      "person", List.of("person", "Mã người học", "Tài khoản"),
      "name", List.of("name", "Họ và tên"),
      "enrolledAt", List.of("enrolledAt", "Ngày đăng ký"),
      "completedAt", List.of("completedAt", "Ngày hoàn thành"),
      "score", List.of("score", "Điểm cao nhất"));

  private static String csvBody(org.quicktheories.core.RandomnessSource random, List<Row> rows) {
    List<String> fields = new ArrayList<>(HEADERS.keySet());
    java.util.Collections.shuffle(fields, new java.util.Random(Generate.longRange(0, Long.MAX_VALUE).generate(random)));
    char delimiter = Generate.booleans().generate(random) ? ';' : ',';
    StringWriter out = new StringWriter();
    if (Generate.booleans().generate(random)) {
      out.append('\uFEFF');
    }
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\n").get())) {
      List<String> header = new ArrayList<>();
      for (String field : fields) {
        header.add(pick(random, HEADERS.get(field)));
      }
      header.add("Ghi chú (%)");
      printer.printRecord(header);
      for (Row row : rows) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
          values.add(row.text().getOrDefault(field, ""));
        }
        values.add("50%");
        printer.printRecord(values);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String iso(long epochMs) {
    return java.time.Instant.ofEpochMilli(epochMs).atOffset(java.time.ZoneOffset.ofHours(7)).withNano(0).toString();
  }

  // ---------------------------------------------------------------- after everything

  @Test
  @Order(5)
  @DisplayName("afterwards: the server answers, the leaderboard counts exactly the accepted people, one audit row per accepted command")
  void nothingHalfApplied() throws Exception {
    assertThat(sent.get()).as("inputs sent").isGreaterThanOrEqualTo(FRAMES + COMMANDS + JSON_IMPORTS + CSV_IMPORTS);
    assertThat(get("/health").statusCode()).isEqualTo(200);
    Thread.sleep(1_500); // the leaderboard is published at most once a second
    JsonObject leaderboard = new JsonObject(get("/api/state/leaderboard").body());
    Map<String, int[]> shown = new HashMap<>();
    for (Object group : leaderboard.getJsonArray("groups")) {
      for (Object row : ((JsonObject) group).getJsonArray("rows")) {
        JsonObject unit = (JsonObject) row;
        shown.put(unit.getString("unit"), new int[] {unit.getInteger("enrolled"), unit.getInteger("completed")});
      }
    }
    assertThat(expected).as("the generated imports accepted some people").isNotEmpty();
    for (String unit : units) {
      int[] want = expected.getOrDefault(unit, new int[2]);
      assertThat(shown.get(unit)).as("unit %s: enrolled, completed", unit).containsExactly(want[0], want[1]);
    }
    Path data = server.dataDir;
    server.close();
    server = null;
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(EmbeddedDatabase.FILE_NAME));
        ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM audit_log")) {
      count.next();
      assertThat(count.getInt(1)).as("audit rows: one per accepted command or import").isEqualTo(acceptedCommands.get());
    }
    System.out.printf("fuzz: %d inputs sent, %d accepted as commands or imports, %d people imported%n",
        sent.get(), acceptedCommands.get(), expected.values().stream().mapToInt(c -> c[0]).sum());
  }

  // ---------------------------------------------------------------- shared

  /** A refusal in the wire's error shape; one about an argument (400) names the field. */
  private static void assertRefusal(JsonObject error, int status, String context) {
    assertThat(error).as(context).isNotNull();
    assertThat(error.getString("code")).as(context).isNotBlank();
    assertThat(error.getString("message")).as(context).isNotBlank();
    if (Set.of("bad_argument", "bad_text").contains(error.getString("code"))) {
      // the field's own name, which may be "" (a JSON key can be empty)
      assertThat(error.getString("field")).as("a refused argument is named: " + context).isNotNull();
    }
    if (status != 0) {
      assertThat(status).as(context).isBetween(400, 499);
    }
  }

  /** An args object: plausible fields and values mixed with odd ones. */
  private static String arguments(org.quicktheories.core.RandomnessSource random) {
    int count = Generate.range(0, 4).generate(random);
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String field = pick(random, FIELDS);
      pairs.add("\"" + field + "\":" + plausible(random, field));
    }
    return "{" + String.join(",", pairs) + "}";
  }

  private static String plausible(org.quicktheories.core.RandomnessSource random, String field) {
    if (Generate.booleans().generate(random)) {
      return value(random, 2);
    }
    return switch (field) {
      case "unit" -> "\"" + pick(random, units) + "\"";
      case "index", "count", "headcount", "seed" -> pick(random, List.of("0", "1", "3", "250"));
      case "ms" -> pick(random, List.of("60000", "-60000", "30000"));
      case "text", "title", "representative", "contact", "reason", "name" -> pick(random, STRINGS);
      case "tone" -> pick(random, List.of("\"info\"", "\"attention\""));
      case "scene" -> pick(random, List.of("\"agenda\"", "\"bridges\"", "\"leaderboard\"", "\"final\"", "\"logo\""));
      case "on" -> pick(random, List.of("true", "false"));
      case "channel" -> pick(random, List.of("\"email\"", "\"zalo\"", "\"platform\""));
      case "scores" -> "{\"thuc-tien\":" + pick(random, NUMBERS) + ",\"hieu-qua\":20,\"sang-tao\":15,\"nhan-rong\":10,\"thuyet-trinh\":10}";
      case "headcounts" -> "{\"" + pick(random, units) + "\":" + pick(random, NUMBERS) + "}";
      default -> value(random, 1);
    };
  }

  /** Any JSON value, as text, nested at most {@code depth} deep. */
  private static String value(org.quicktheories.core.RandomnessSource random, int depth) {
    int kind = Generate.range(0, depth > 0 ? 7 : 5).generate(random);
    return switch (kind) {
      case 0 -> "null";
      case 1 -> pick(random, List.of("true", "false"));
      case 2, 3 -> pick(random, NUMBERS);
      case 4, 5 -> pick(random, STRINGS);
      case 6 -> "[" + String.join(",", List.of(value(random, depth - 1), value(random, depth - 1))) + "]";
      default -> "{\"" + pick(random, FIELDS) + "\":" + value(random, depth - 1) + "}";
    };
  }

  /**
   * QuickTheories skips an example whose random draws it has already tried: one draw of 64 bits
   * makes every example new, so each property runs its full number of examples.
   */
  private static void unique(org.quicktheories.core.RandomnessSource random) {
    Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(random);
  }

  private static <T> T pick(org.quicktheories.core.RandomnessSource random, List<T> choices) {
    return choices.get(Generate.range(0, choices.size() - 1).generate(random));
  }

  private static List<String> pickSome(org.quicktheories.core.RandomnessSource random, List<String> choices) {
    List<String> some = new ArrayList<>();
    for (String choice : choices) {
      if (Generate.booleans().generate(random)) {
        some.add(choice);
      }
    }
    return some;
  }

  private static HttpResponse<String> post(String path, String token, String body, String type) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(server.http(path))).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + token).header("Content-Type", type)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(path + ": " + e, e);
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.http(path))).build(), HttpResponse.BodyHandlers.ofString());
  }
}
