package diemcau.bench;

import java.net.URI;

/** Where a server listens: what a socket connects to. */
record Endpoint(String host, int port, boolean ssl) {

  /** The endpoint of an {@code http://} or {@code https://} URL (default ports 80 and 443). */
  static Endpoint of(URI url) {
    boolean ssl = "https".equals(url.getScheme());
    return new Endpoint(url.getHost(), url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80, ssl);
  }
}
