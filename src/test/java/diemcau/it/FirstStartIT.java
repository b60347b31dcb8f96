package diemcau.it;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The packaged jar's first start, as a service or a container runs it")
class FirstStartIT {

  @Test
  @DisplayName("with its output going to a log, generated tokens are not printed, only where they are kept")
  void tokensStayOutOfLogs() throws Exception {
    Path data = Files.createTempDirectory("diemcau-first").resolve("data");
    try (JarProcess jar = JarProcess.start(data, TestServer.freePort(), Map.of("DIEMCAU_MC_TOKEN", "", "DIEMCAU_ADMIN_TOKEN", ""))) {
      JsonObject secrets = new JsonObject(Files.readString(data.resolve("secrets.json")));
      String output = jar.output();
      assertThat(output).doesNotContain(secrets.getString("mcToken")).doesNotContain(secrets.getString("adminToken"))
          .contains(data.resolve("secrets.json").toAbsolutePath().toString());
      assertThat(Files.getPosixFilePermissions(data)).containsExactlyInAnyOrder(
          PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
      assertThat(Files.getPosixFilePermissions(data.resolve("secrets.json")))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
  }
}
