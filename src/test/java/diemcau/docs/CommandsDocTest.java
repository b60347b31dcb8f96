package diemcau.docs;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Rest;
import diemcau.support.ScreenClient;
import diemcau.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/COMMANDS.md against a running server. Which commands exist is asked of the server itself:
 * every dotted string literal of the main sources ("agenda.next", "haiphong-2026.json", …) is sent
 * as a command with a judge's token, and the ones not answered {@code unknown_command} are the
 * commands (a judge may run none of them with empty arguments, so nothing changes). However the
 * commands come to be registered, a new one is found.
 */
@DisplayName("docs/COMMANDS.md: every command the server has, with the roles it lets run it and codes of PROTOCOL.md")
class CommandsDocTest {

  private static final String COMMANDS = "docs/COMMANDS.md";
  /** A row: | `name` | arguments | roles | refusals | */
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.]+)` \\|.*\\| ([a-z, ()]+[a-z)]) \\|(.*)\\|$");
  private static final Pattern DOTTED = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)+");

  private static TestServer server;
  private static String judge;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    judge = Rest.post(server.port, "/api/final/judges", TestServer.ADMIN_TOKEN,
        new JsonObject().put("name", "Giám khảo").encode()).body().getString("token");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** A documented command: its roles column and its refusals column. */
  private record Row(String roles, String refusals) {}

  /** The rows of every command table of docs/COMMANDS.md, by command. */
  private static Map<String, Row> table() {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : Sources.read(COMMANDS).lines().filter(l -> l.startsWith("| `")).toList()) {
      Matcher row = ROW.matcher(line);
      assertThat(row.matches()).as("a command row (| `name` | arguments | roles | refusals |): %s", line).isTrue();
      assertThat(rows.put(row.group(1), new Row(row.group(2), row.group(3)))).as("%s listed twice", row.group(1)).isNull();
    }
    return rows;
  }

  /** The commands the server knows: the dotted literals it does not answer unknown_command. */
  private static Set<String> registered() throws Exception {
    Set<String> commands = new TreeSet<>();
    for (String candidate : Sources.literals(DOTTED)) {
      Rest.Reply reply = Rest.command(server.port, judge, candidate, new JsonObject());
      JsonObject error = reply.body().getJsonObject("error");
      if (error == null || !"unknown_command".equals(error.getString("code"))) {
        commands.add(candidate);
      }
    }
    return commands;
  }

  @Test
  @DisplayName("lists every command the server knows, once, and no other")
  void everyCommand() throws Exception {
    Set<String> registered = registered();
    assertThat(registered).as("commands found by asking the server").hasSizeGreaterThan(30)
        .contains("agenda.next", "final.reveal.next", "rehearsal.reset");
    assertThat(new TreeSet<>(table().keySet())).isEqualTo(registered);
  }

  @Test
  @DisplayName("gives each command the roles the server lets run it: mc, admin and judge tokens and a bridge's socket tried on each")
  void rolesAsTheServerEnforces() throws Exception {
    Map<String, String> tokens = Map.of("mc", TestServer.MC_TOKEN, "admin", TestServer.ADMIN_TOKEN, "judge", judge);
    Vertx vertx = Vertx.vertx();
    try (ScreenClient bridge = ScreenClient.connect(vertx, server.port, "/ws?" + bridgeLinkQuery())) {
      int id = 0;
      for (Map.Entry<String, Row> row : table().entrySet()) {
        Set<String> documented = Stream.of(row.getValue().roles().split(",")).map(role -> role.strip().split(" ")[0])
            .collect(Collectors.toSet());
        for (Map.Entry<String, String> token : tokens.entrySet()) {
          Rest.Reply reply = Rest.command(server.port, token.getValue(), row.getKey(), new JsonObject());
          assertThat(!forbidden(reply.body())).as("%s as %s: %s", row.getKey(), token.getKey(), reply.body().encode())
              .isEqualTo(documented.contains(token.getKey()));
        }
        String sent = "c" + ++id;
        bridge.send(new JsonObject().put("type", "command").put("id", sent).put("name", row.getKey()).put("args", new JsonObject()));
        JsonObject ack = bridge.next(frame -> "ack".equals(frame.getString("type")) && sent.equals(frame.getString("id")));
        assertThat(!forbidden(ack)).as("%s from a bridge's screen: %s", row.getKey(), ack.encode())
            .isEqualTo(documented.contains("bridge"));
      }
    } finally {
      vertx.close().await();
    }
  }

  /** Refused for the caller's role (a bridge reporting for another unit is refused forbidden too, with a field). */
  private static boolean forbidden(JsonObject reply) {
    JsonObject error = reply.getJsonObject("error");
    return error != null && "forbidden".equals(error.getString("code")) && error.getString("field") == null;
  }

  /** unit=CODE&key=KEY of the first room's printed link. */
  private static String bridgeLinkQuery() throws Exception {
    Rest.Reply links = Rest.get(server.port, "/api/bridges/links", TestServer.ADMIN_TOKEN);
    return URI.create(links.body().getJsonArray("links").getJsonObject(0).getString("url")).getRawQuery();
  }

  @Test
  @DisplayName("names as refusals only codes that PROTOCOL.md explains")
  void refusalsAreProtocolCodes() {
    Set<String> explained = Sources.codeSpans(Sources.read("docs/PROTOCOL.md"));
    for (Map.Entry<String, Row> row : table().entrySet()) {
      // in parentheses: the field at fault or a hint, not a code
      String codes = row.getValue().refusals().replaceAll("\\([^)]*\\)", "");
      for (String code : Sources.codeSpans(codes)) {
        assertThat(explained).as("%s refuses with %s", row.getKey(), code).contains(code);
      }
    }
  }
}
