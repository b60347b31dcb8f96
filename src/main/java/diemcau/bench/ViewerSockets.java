package diemcau.bench;

import io.vertx.core.http.WebSocketClientOptions;

/** How the bench's screens' WebSocket clients are set up: no compression, large frames, any certificate. */
final class ViewerSockets {

  private ViewerSockets() {}

  /** A client from {@code source} (null: the default address), with a small receive buffer when {@code receiveBuffer} > 0. */
  static WebSocketClientOptions options(String source, int receiveBuffer) {
    WebSocketClientOptions options = new WebSocketClientOptions()
        .setMaxConnections(1_000_000)
        .setConnectTimeout(30_000)
        .setTryUsePerMessageCompression(false)
        .setTryUsePerFrameCompression(false)
        .setMaxFrameSize(4 * 1024 * 1024)
        .setMaxMessageSize(16 * 1024 * 1024)
        .setTrustAll(true)
        .setVerifyHost(false);
    if (source != null) {
      options.setLocalAddress(source);
    }
    if (receiveBuffer > 0) {
      options.setReceiveBufferSize(receiveBuffer);
    }
    return options;
  }
}
