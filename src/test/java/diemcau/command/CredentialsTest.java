package diemcau.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Generated secrets: a private file, and tokens shown only to a person at a terminal")
class CredentialsTest {

  @Test
  @DisplayName("secrets.json is written owner-only, whole, and put in place atomically")
  void secretsFileIsPrivate() throws Exception {
    Path data = Files.createTempDirectory("diemcau-secrets");
    Credentials.load(data, null, null);
    Path file = data.resolve("secrets.json");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(new JsonObject(Files.readString(file)).fieldNames()).contains("mcToken", "adminToken", "bridgeSecret");
    assertThat(data.resolve("secrets.json.new")).doesNotExist();
  }

  @Test
  @DisplayName("tokens are printed to a terminal once; to a log only where they are kept")
  void notice() throws Exception {
    Path data = Files.createTempDirectory("diemcau-secrets");
    Credentials first = Credentials.load(data, null, null);
    JsonObject stored = new JsonObject(Files.readString(data.resolve("secrets.json")));
    String mc = stored.getString("mcToken");
    String admin = stored.getString("adminToken");
    assertThat(first.generatedNotice(true)).get().asString().contains(mc, admin);
    assertThat(first.generatedNotice(false)).get().asString()
        .doesNotContain(mc).doesNotContain(admin).contains(data.resolve("secrets.json").toAbsolutePath().toString());
    assertThat(Credentials.load(data, null, null).generatedNotice(true)).isEmpty();
    // tokens given in settings are never generated nor printed
    Path other = Files.createTempDirectory("diemcau-secrets");
    Credentials set = Credentials.load(other, "mc-token-from-env", "admin-token-from-env");
    assertThat(set.generatedNotice(true)).isEmpty();
    assertThat(Set.of(Files.readString(other.resolve("secrets.json")))).noneMatch(text -> text.contains("from-env"));
  }
}
