package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The README's command table: every command the server has, each with the roles the server lets run it")
class CommandTableTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.]+)` \\|.*\\| ([a-z, ()]+[a-z)]) \\|$");
  private static final Pattern REGISTERED = Pattern.compile("register\\(\"([a-z0-9.]+)\"");

  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** The table's rows: command → the roles column. */
  private static Map<String, String> table() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("| command | arguments | roles |"));
    section = section.substring(0, section.indexOf("\n\n"));
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : section.lines().skip(2).toList()) {
      Matcher row = ROW.matcher(line);
      assertThat(row.matches()).as("a table row: %s", line).isTrue();
      rows.put(row.group(1), row.group(2));
    }
    return rows;
  }

  @Test
  @DisplayName("lists every registered command, once")
  void everyCommand() throws IOException {
    Set<String> registered = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = REGISTERED.matcher(Files.readString(file));
        while (m.find()) {
          registered.add(m.group(1));
        }
      }
    }
    assertThat(registered).hasSizeGreaterThan(30);
    assertThat(new TreeSet<>(table().keySet())).isEqualTo(registered);
  }

  @Test
  @DisplayName("gives each command the roles the server lets run it: mc, admin and judge tokens tried on each")
  void rolesAsTheServerEnforces() throws Exception {
    String judge = Rest.post(server.port, "/api/final/judges", TestServer.ADMIN_TOKEN,
        new JsonObject().put("name", "Giám khảo").encode()).body().getString("token");
    Map<String, String> tokens = Map.of("mc", TestServer.MC_TOKEN, "admin", TestServer.ADMIN_TOKEN, "judge", judge);
    for (Map.Entry<String, String> row : table().entrySet()) {
      Set<String> documented = Stream.of(row.getValue().split(",")).map(role -> role.strip().split(" ")[0])
          .collect(Collectors.toSet());
      for (Map.Entry<String, String> token : tokens.entrySet()) {
        Rest.Reply reply = Rest.command(server.port, token.getValue(), row.getKey(), new JsonObject());
        boolean forbidden = reply.status() == 403 && "forbidden".equals(reply.body().getJsonObject("error").getString("code"));
        assertThat(!forbidden).as("%s as %s: %s", row.getKey(), token.getKey(), reply.body().encode())
            .isEqualTo(documented.contains(token.getKey()));
      }
    }
  }
}
