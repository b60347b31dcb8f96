package diemcau.docs;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/PROTOCOL.md against the code: the routes the sources mount, the topics a running server
 * serves (and the fields of each), the error codes the sources refuse with. Each list is read
 * from the code or asked of the server at test time, never copied here.
 */
@DisplayName("docs/PROTOCOL.md: every route, topic, topic field and error code the server has")
class ProtocolDocTest {

  private static final String PROTOCOL = "docs/PROTOCOL.md";
  private static final String PATH = "(/[A-Za-z0-9/:*_.-]*)";

  /**
   * Where a path is a route: mounted on a router ({@code router.get("/x")}, {@code .post}, …),
   * handed with the router to a helper that mounts it ({@code upload(router, "/x", …)}), or
   * compared with a request's path ({@code "/ws".equals(…)}).
   */
  private static final List<Pattern> ROUTES = List.of(
      Pattern.compile("\\.(?:get|post|put|delete|patch|route|getWithRegex|postWithRegex)\\(\\s*\"" + PATH + "\""),
      Pattern.compile("\\(\\s*router\\s*,\\s*\"" + PATH + "\""),
      Pattern.compile("\"" + PATH + "\"\\.equals\\("));

  private static final String CODE = "\"([a-z]+(?:_[a-z0-9]+)*)\"";

  /**
   * Where a literal is an error code: beside an HTTP status ({@code (409, "code"}), given to
   * {@code conflict(}, a domain exception's {@code ("code", field, message)}, an overridable rule's
   * {@code check(broken, "code"}, a socket's {@code error(socket, "code"} or an upload row's
   * {@code fail(field, "code"}, put as {@code "code", "x"}, or an issue or a file's refusal.
   */
  private static final List<Pattern> CODES = List.of(
      Pattern.compile("\\b[1-5]\\d\\d\\s*,\\s*" + CODE),
      Pattern.compile("conflict\\(\\s*" + CODE),
      Pattern.compile("Exception\\(\\s*" + CODE + "\\s*,\\s*(?:null|\"\\w*\")\\s*,"),
      Pattern.compile("check\\([^;]*?,\\s*" + CODE),
      Pattern.compile("(?:error|fail\\w*)\\(\\s*(?:\"\\w+\"|[\\w.]+)\\s*,\\s*" + CODE),
      Pattern.compile("\"code\"\\s*,\\s*" + CODE),
      Pattern.compile("(?:Issue|ofFile)\\(\\s*" + CODE));
  /** A code kept as a constant named after it: {@code String NOT_EXECUTED = "not_executed"}. */
  private static final Pattern CONSTANT = Pattern.compile("String\\s+([A-Z_]+\\s*=\\s*\"[a-z]+(?:_[a-z0-9]+)+)\"");
  /** An upload row's refusal: new RowError(position, field, code-or-choice-of-codes, reason). */
  private static final Pattern ROW_ERROR = Pattern.compile("RowError\\([^,;]+,\\s*[^,;]+,\\s*([^,;]+),");

  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Set<String> documented() {
    Set<String> spans = new LinkedHashSet<>();
    for (String span : Sources.codeSpans(Sources.read(PROTOCOL))) {
      spans.add(span);
      spans.add(span.replaceFirst("^(GET|POST|PUT|DELETE|PATCH) ", ""));
    }
    return spans;
  }

  @Test
  @DisplayName("names every route the sources mount, as `METHOD /path` or `/path`")
  void everyRoute() {
    Set<String> routes = new TreeSet<>();
    ROUTES.forEach(pattern -> routes.addAll(Sources.matches(pattern)));
    assertThat(routes).as("routes found in the sources").hasSizeGreaterThan(20)
        .contains("/api/commands", "/ws", "/api/participation/import");
    Set<String> documented = documented();
    assertThat(routes.stream().filter(route -> !documented.contains(route))).as("routes PROTOCOL.md does not name").isEmpty();
  }

  @Test
  @DisplayName("names no endpoint or page that the server does not serve (each GET asked, each POST sent {})")
  void noStaleRoute() throws Exception {
    for (String span : Sources.codeSpans(Sources.read(PROTOCOL))) {
      if (!span.matches("(GET|POST) /[a-z0-9/_-]*")) {
        continue;
      }
      String path = span.substring(span.indexOf(' ') + 1);
      // every POST endpoint refuses an empty object (nothing to import, no name): nothing changes
      Rest.Reply reply = span.startsWith("GET") ? Rest.get(server.port, path, TestServer.ADMIN_TOKEN)
          : Rest.post(server.port, path, TestServer.ADMIN_TOKEN, "{}");
      // the router's own answers: its "not found" page, or 405 when only another method has the path
      assertThat(reply.status()).as("%s: %s", span, reply).isNotEqualTo(405);
      assertThat(reply.body().getString("text", "")).as("%s: %s", span, reply).doesNotContain("Resource not found");
    }
  }

  @Test
  @DisplayName("names every frame type the server sends or takes on the socket")
  void everyFrameType() {
    Set<String> types = new TreeSet<>(Sources.matches(Pattern.compile("put\\(\\s*\"type\"\\s*,\\s*\"([a-z]+)\"")));
    // what the socket takes: the cases of its frame switch, each handed the socket
    types.addAll(Sources.matches(Pattern.compile("case\\s+\"([a-z]+)\"\\s*->\\s*\\w+\\(\\s*socket\\b")));
    assertThat(types).as("frame types found in the sources").contains("state", "heartbeat", "ack", "hello", "command");
    Set<String> documented = Sources.codeSpans(Sources.read(PROTOCOL));
    assertThat(types.stream().filter(type -> !documented.contains(type))).as("frame types PROTOCOL.md does not name").isEmpty();
  }

  /** The topics the server serves: each lowercase word literal of the sources that /api/state does not refuse as unknown. */
  private static Set<String> topics() throws Exception {
    Set<String> topics = new TreeSet<>();
    for (String word : Sources.literals(Pattern.compile("[a-z][a-z0-9]*"))) {
      Rest.Reply reply = Rest.get(server.port, "/api/state/" + word, null);
      JsonObject error = reply.body().getJsonObject("error");
      if (error == null || !"unknown_topic".equals(error.getString("code"))) {
        topics.add(word);
      }
    }
    return topics;
  }

  @Test
  @DisplayName("gives every topic the server serves a section that names each field of its data")
  void everyTopicAndField() throws Exception {
    String protocol = Sources.read(PROTOCOL);
    Set<String> topics = topics();
    assertThat(topics).as("topics found by asking the server").contains("agenda", "final");
    for (String topic : topics) {
      String heading = "### `" + topic + "`\n";
      assertThat(protocol).as("a section for topic %s", topic).contains(heading);
      String section = protocol.substring(protocol.indexOf(heading) + heading.length());
      section = section.substring(0, Math.min(indexOr(section, "\n### "), indexOr(section, "\n## ")));
      Rest.Reply state = Rest.get(server.port, "/api/state/" + topic, null);
      assertThat(state.status()).as("GET /api/state/%s", topic).isEqualTo(200);
      Set<String> spans = Sources.codeSpans(section);
      for (String field : state.body().fieldNames()) {
        assertThat(spans).as("field %s of topic %s", field, topic).contains(field);
      }
    }
  }

  private static int indexOr(String text, String part) {
    int at = text.indexOf(part);
    return at < 0 ? text.length() : at;
  }

  /** Every error code the sources refuse with. */
  static Set<String> codes() {
    Set<String> codes = new TreeSet<>();
    CODES.forEach(pattern -> codes.addAll(Sources.matches(pattern)));
    for (String constant : Sources.matches(CONSTANT)) {
      String[] nameAndValue = constant.split("\\s*=\\s*\"");
      if (nameAndValue[0].toLowerCase(Locale.ROOT).equals(nameAndValue[1])) {
        codes.add(nameAndValue[1]);
      }
    }
    for (String choice : Sources.matches(ROW_ERROR)) {
      codes.addAll(List.of(choice.replaceAll("[^\"]*\"([a-z_0-9]+)\"[^\"]*", "$1 ").strip().split(" ")));
    }
    codes.removeIf(code -> !code.matches("[a-z]+(_[a-z0-9]+)*"));
    return codes;
  }

  @Test
  @DisplayName("explains every error code the sources refuse with")
  void everyErrorCode() {
    Set<String> codes = codes();
    assertThat(codes).as("codes found in the sources, one of each way of refusing").hasSizeGreaterThan(60)
        .contains("not_executed", "bad_hello", "already_started", "slot_not_started", "rejected_rows", "missing",
            "unknown_unit", "bad_score", "sheet_missing", "empty_file", "forbidden", "too_many_connections");
    Set<String> explained = Sources.codeSpans(Sources.read(PROTOCOL));
    assertThat(codes.stream().filter(code -> !explained.contains(code))).as("codes PROTOCOL.md does not explain").isEmpty();
  }

  @Test
  @DisplayName("every error code the sources refuse with has its Vietnamese words in webroot/js/messages.js")
  void everyErrorCodeSaidInVietnamese() {
    String messages = Sources.read("webroot/js/messages.js");
    assertThat(codes().stream().filter(code -> !Pattern.compile("\\b" + code + "\\b").matcher(messages).find()))
        .as("codes that webroot/js/messages.js does not say").isEmpty();
  }
}
