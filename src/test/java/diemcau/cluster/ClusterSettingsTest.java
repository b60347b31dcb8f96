package diemcau.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import diemcau.Main;
import diemcau.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ClusterSettingsTest {

  @Test
  void readsAMemberList() {
    assertThat(ClusterSettings.parseMembers(" 10.0.0.5:5701, db-2.local:5702 ")).containsExactly("10.0.0.5:5701", "db-2.local:5702");
    assertThat(ClusterSettings.parseMembers("")).isEmpty();
  }

  @Test
  void refusesAMalformedMemberNamingTheSettingAndTheEntry() {
    for (String bad : List.of("10.0.0.5", "10.0.0.5:", ":5701", "10.0.0.5:99999", "10.0.0.5:5701,,10.0.0.6:5701", "a b:1")) {
      assertThatThrownBy(() -> ClusterSettings.parseMembers(bad))
          .hasMessageContaining("DIEMCAU_CLUSTER_MEMBERS").hasMessageContaining("host:port");
    }
    assertThatThrownBy(() -> ClusterSettings.parseMembers("10.0.0.5:5701,nohost")).hasMessageContaining("\"nohost\"");
  }

  @Test
  void clusterModeNeedsMembersOneInterfaceAndAPort() {
    assertThatThrownBy(() -> new ClusterSettings(true, "127.0.0.1", 5701, List.of()))
        .hasMessageContaining("DIEMCAU_CLUSTER_MEMBERS");
    assertThatThrownBy(() -> new ClusterSettings(true, "node-a.local", 5701, List.of("127.0.0.1:5701")))
        .hasMessageContaining("DIEMCAU_CLUSTER_HOST");
    assertThatThrownBy(() -> new ClusterSettings(true, "127.0.0.1", 0, List.of("127.0.0.1:5701")))
        .hasMessageContaining("DIEMCAU_CLUSTER_PORT");
    assertThat(new ClusterSettings(true, null, 5701, List.of("127.0.0.1:5701")).host()).isEqualTo("127.0.0.1");
    assertThat(ClusterSettings.OFF.enabled()).isFalse();
  }

  @Test
  void clusterModeRefusesTheEmbeddedDatabase() throws Exception {
    ClusterSettings on = new ClusterSettings(true, "127.0.0.1", 5701, List.of("127.0.0.1:5701"));
    assertThatThrownBy(() -> new Settings("127.0.0.1", 8080, Files.createTempDirectory("x"), null, null, null, null, null,
        null, null, "auto", diemcau.web.ConnectionLimits.DEFAULT, false, on))
        .hasMessageContaining("DIEMCAU_CLUSTER").hasMessageContaining("DIEMCAU_DB_URL");
    Settings shared = new Settings("127.0.0.1", 8080, Files.createTempDirectory("x"), "jdbc:mariadb://db/diemcau", null, null,
        null, null, null, null, "auto", diemcau.web.ConnectionLimits.DEFAULT, false, on);
    assertThat(shared.cluster().enabled()).isTrue();
  }

  @Test
  void theCommandLineRefusesWithExitCode2AndTheSettingsName() {
    assertThat(run("--cluster", "--cluster-members", "127.0.0.1:5701")).startsWith("2:")
        .contains("DIEMCAU_CLUSTER / --cluster needs the shared MySQL/MariaDB database");
    assertThat(run("--cluster", "--db-url", "jdbc:mariadb://127.0.0.1/x", "--cluster-members", "127.0.0.1"))
        .startsWith("2:").contains("DIEMCAU_CLUSTER_MEMBERS / --cluster-members must be host:port");
  }

  /** Runs the command line in this JVM (it refuses before starting anything): "exit code: stderr". */
  private static String run(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int code = new CommandLine(new Main()).execute(args);
      return code + ":" + captured.toString(StandardCharsets.UTF_8);
    } finally {
      System.setErr(err);
    }
  }
}
