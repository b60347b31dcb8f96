package diemcau.net;

import diemcau.Settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import diemcau.support.Rest;
import diemcau.support.TestServer;
import io.vertx.core.transport.Transport;
import java.nio.file.Files;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the network transport setting")
class TransportsTest {

  @Test
  @DisplayName("auto runs a server on Linux epoll where its native library loads, and /api/metrics says so")
  void autoIsEpollOnLinux() throws Exception {
    assumeTrue(Transport.EPOLL != null && Transport.EPOLL.available(),
        "epoll's native library does not load on this machine (not Linux x86_64): auto falls back to nio");
    try (TestServer server = TestServer.start(Files.createTempDirectory("diemcau-transport"), null, "auto")) {
      assertThat(server.server.transport()).isEqualTo("epoll");
      Rest.Reply metrics = Rest.get(server.port, "/api/metrics", TestServer.ADMIN_TOKEN);
      assertThat(metrics.body().getString("transport")).isEqualTo("epoll");
      assertThat(metrics.body().getJsonArray("collectors")).isNotEmpty();
    }
  }

  @Test
  @DisplayName("nio runs the server on Java NIO, and the server still serves")
  void nioWhenAsked() throws Exception {
    try (TestServer server = TestServer.start(Files.createTempDirectory("diemcau-transport"), null, "nio")) {
      assertThat(server.server.transport()).isEqualTo("nio");
      assertThat(Rest.get(server.port, "/health", null).status()).isEqualTo(200);
      assertThat(Rest.get(server.port, "/api/metrics", TestServer.ADMIN_TOKEN).body().getString("transport")).isEqualTo("nio");
    }
  }

  @Test
  @DisplayName("an unknown transport is refused, naming the setting and the choices")
  void unknownRefused() {
    assertThatThrownBy(() -> new Settings("127.0.0.1", 8080, Files.createTempDirectory("x"), null, null, null, null, null,
        null, null, "carrier-pigeon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DIEMCAU_TRANSPORT / --transport")
        .hasMessageContaining("auto|epoll|io_uring|nio")
        .hasMessageContaining("carrier-pigeon");
  }

  @Test
  @DisplayName("a blank transport means auto")
  void blankIsAuto() throws Exception {
    Settings settings = new Settings("127.0.0.1", 8080, Files.createTempDirectory("x"), null, null, null, null, null,
        null, null, " ");
    assertThat(settings.transport()).isEqualTo("auto");
  }
}
