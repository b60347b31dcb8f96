package diemcau.web;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.TestServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code curl} command of the README, read from the README at test time (so a command added
 * later is run too), run as written by bash against a real server, in the README's order, with
 * {@code $MC_TOKEN} and {@code $ADMIN_TOKEN} set and the sample files the commands name. The only
 * change is the address: {@code 127.0.0.1:8080} (or SERVER, HOST, localhost) becomes the test
 * server's. A command must answer 2xx, unless the example answer under it starts with
 * {@code # {"ok":false}, then 4xx.
 */
@DisplayName("Every curl command of the README runs as written")
class ReadmeCommandsTest {

  private static final Path README = Path.of("README.md");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
  private static final Pattern ADDRESS = Pattern.compile("(127\\.0\\.0\\.1|localhost|SERVER|HOST):8080");
  private static final String STATUS = "__HTTP_STATUS__";

  /** The sample files a README command may send, by the name it gives them. */
  private static final Map<String, String> SAMPLES = Map.of(
      "export.csv", "Mã đơn vị;Mã người học;Họ và tên;Ngày đăng ký;Ngày hoàn thành;Điểm;Tiến độ (%);Hoạt động gần nhất\n"
          + "11560;hp-0001;Nguyễn Văn A;28/05/2026 08:15;29/05/2026 09:00;90;100%;29/05/2026 09:00\n"
          + "10525;hp-0002;Trần Thị B;28/05/2026 10:00;;;40%;28/05/2026 10:00\n",
      "people.json", "[{\"unit\":\"11560\",\"person\":\"hp-0003\",\"name\":\"Lê Văn C\",\"enrolledAt\":\"2026-05-28T08:00:00+07:00\","
          + "\"completedAt\":\"2026-05-30T08:00:00+07:00\",\"score\":85.5,\"lastActivityAt\":\"2026-05-30T08:00:00+07:00\"}]",
      "headcounts.csv", "unit,headcount\n11560,250\n10525,180\n");

  private static TestServer server;

  /** One command as the README writes it, and whether it is expected to be refused. */
  private record Command(String text, boolean refused) {}

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("each curl command answers as the README says, and every curl in the README is in a sh block")
  void runEveryCommand(@TempDir Path dir) throws Exception {
    Path curl = onPath("curl");
    Assumptions.assumeTrue(curl != null, "README commands skipped: curl is not installed (.ci/run installs it)");
    String readme = Files.readString(README);
    List<Command> commands = commands(readme);
    assertThat(commands).as("curl commands in the README").hasSizeGreaterThanOrEqualTo(5);
    long mentioned = Pattern.compile("(?m)^\\s*curl ").matcher(readme).results().count();
    assertThat(commands).as("every curl line of the README is in a ```sh block and is run").hasSize((int) mentioned);

    for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
      Files.writeString(dir.resolve(sample.getKey()), sample.getValue());
    }
    Path wrapper = curlWrapper(dir, curl);
    for (Command command : commands) {
      Matcher files = Pattern.compile("@([\\w.-]+)").matcher(command.text());
      while (files.find()) {
        assertThat(SAMPLES).as("README command sends %s: give this test a sample of it", files.group(1))
            .containsKey(files.group(1));
      }
      String text = ADDRESS.matcher(command.text()).replaceAll("127.0.0.1:" + server.port);
      ProcessBuilder builder = new ProcessBuilder("bash", "-c", text).directory(dir.toFile()).redirectErrorStream(true);
      builder.environment().put("PATH", wrapper + File.pathSeparator + System.getenv("PATH"));
      builder.environment().put("MC_TOKEN", TestServer.MC_TOKEN);
      builder.environment().put("ADMIN_TOKEN", TestServer.ADMIN_TOKEN);
      Process process = builder.start();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(text).isTrue();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("%s%n%s", text, output).isZero();
      Matcher status = Pattern.compile(STATUS + "(\\d{3})").matcher(output);
      assertThat(status.find()).as(output).isTrue();
      int code = Integer.parseInt(status.group(1));
      if (command.refused()) {
        assertThat(code).as("%s%n%s", text, output).isBetween(400, 499);
      } else {
        assertThat(code).as("%s%n%s", text, output).isBetween(200, 299);
      }
    }
  }

  /** The curl commands of the README's sh blocks, continuation lines joined, in order. */
  static List<Command> commands(String readme) {
    List<Command> commands = new ArrayList<>();
    Matcher fence = FENCE.matcher(readme);
    while (fence.find()) {
      if (!fence.group(1).equals("sh")) {
        continue;
      }
      List<String> lines = fence.group(2).replace("\\\n", " ").lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.startsWith("curl ")) {
          boolean refused = i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("# {\"ok\":false");
          commands.add(new Command(line, refused));
        }
      }
    }
    return commands;
  }

  /** A {@code curl} first on PATH that runs the real one and adds the answer's status to its output. */
  private static Path curlWrapper(Path dir, Path real) throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path curl = bin.resolve("curl");
    Files.writeString(curl, "#!/usr/bin/env bash\nexec " + real + " \"$@\" --write-out '\\n" + STATUS + "%{http_code}\\n'\n");
    Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  /** The program's path on PATH, or null. */
  private static Path onPath(String program) {
    for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
