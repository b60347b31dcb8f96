package diemcau.web;

/**
 * What one address may do before the server stops it; defaults that a real audience never meets
 * (a hall's phones behind one NAT address, a room's screens), and that bound an attacker.
 *
 * @param requestTimeoutSeconds a connection must send a whole request head (a page, an API call,
 *     a socket's handshake) within this of opening or of its previous answer, else it is closed
 * @param idleTimeoutSeconds an HTTP connection silent this long is closed (never an open socket:
 *     screens have their own heartbeat)
 * @param connectionsPerAddress connections one address may hold, not counting sockets
 *     identified in their handshake (hall, bridges, consoles), which are never limited
 * @param authFailuresPerMinute wrong tokens and keys one address may present in a minute before
 *     its further wrong ones are answered 429, a second late; a right one is always let in
 * @param proxyProtocol connections arrive through a proxy that sends the PROXY protocol
 *     (HAProxy {@code send-proxy-v2}, nginx {@code proxy_protocol on}): limits then see each
 *     client's own address
 */
public record ConnectionLimits(int requestTimeoutSeconds, int idleTimeoutSeconds, int connectionsPerAddress,
    int authFailuresPerMinute, boolean proxyProtocol) {

  public static final ConnectionLimits DEFAULT = new ConnectionLimits(10, 60, 1_000, 30, false);

  public ConnectionLimits {
    positive("DIEMCAU_REQUEST_TIMEOUT / --request-timeout", requestTimeoutSeconds);
    positive("DIEMCAU_IDLE_TIMEOUT / --idle-timeout", idleTimeoutSeconds);
    positive("DIEMCAU_MAX_CONNECTIONS_PER_ADDRESS / --max-connections-per-address", connectionsPerAddress);
    positive("DIEMCAU_MAX_AUTH_FAILURES / --max-auth-failures", authFailuresPerMinute);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
