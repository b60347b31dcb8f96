package diemcau.web;

import diemcau.command.ApiError;
import diemcau.command.Credentials;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The connections of one event loop, from their opening to their upgrade or close:
 * <ul>
 *   <li>a connection must send a whole request head (a page, an API call, a socket's handshake)
 *       within the request timeout of opening or of its previous answer, or it is closed — a
 *       half-sent request holds nothing for long, and neither does an idle keep-alive;</li>
 *   <li>a connection from an address that already holds its cap ({@link AddressGuard#admit}) is on
 *       probation: it is served only if its request carries a right token or its socket a right
 *       token or key; anything else is answered 429 and closed;</li>
 *   <li>a socket identified in its handshake stops counting against its address, and an upgraded
 *       socket has no deadline (screens have their own heartbeat).</li>
 * </ul>
 * Everything here runs on the loop's thread.
 */
final class ConnectionWatch {

  /** One open connection. */
  private static final class Watched {
    final HttpConnection connection;
    final String address;
    /** Counted against its address; false while on probation (its address was at its cap), or once identified. */
    boolean counted;
    int active;
    int heads;
    boolean upgraded;
    long deadline = -1;

    Watched(HttpConnection connection, String address, boolean counted) {
      this.connection = connection;
      this.address = address;
      this.counted = counted;
    }
  }

  private final Vertx vertx;
  private final AddressGuard guard;
  private final Credentials credentials;
  private final long timeoutMs;
  private final Map<String, Watched> open = new HashMap<>();

  ConnectionWatch(Vertx vertx, AddressGuard guard, Credentials credentials) {
    this.vertx = vertx;
    this.guard = guard;
    this.credentials = credentials;
    this.timeoutMs = guard.limits().requestTimeoutSeconds() * 1000L;
  }

  void opened(HttpConnection connection) {
    String key = key(connection.remoteAddress());
    String address = connection.remoteAddress().hostAddress();
    Watched watched = new Watched(connection, address, guard.admit(address));
    open.put(key, watched);
    // an upgraded connection no longer reports its close here: its socket's close calls closed()
    connection.closeHandler(ignored -> closed(key));
    expectHead(watched);
  }

  private void closed(String key) {
    Watched gone = open.remove(key);
    if (gone != null) {
      vertx.cancelTimer(gone.deadline);
      if (gone.counted) {
        guard.release(gone.address);
      }
    }
  }

  /** A request's head arrived; false if it was answered here (a connection on probation without a right token). */
  boolean request(HttpServerRequest request) {
    Watched watched = open.get(key(request.remoteAddress()));
    if (watched == null) {
      return true;
    }
    headArrived(watched);
    request.response().endHandler(ignored -> ended(watched));
    if (onProbation(watched) && credentials.caller(Http.bearerToken(request)).isEmpty()) {
      guard.refusedOverCap();
      request.response().setStatusCode(429).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
          .end(new ApiError(429, "too_many_connections",
              "this address holds as many connections as one address may: close some, or send a token").body().encode())
          .onComplete(done -> watched.connection.close());
      return false;
    }
    return true;
  }

  /** A socket's handshake arrived; false if the connection is on probation and the socket is not identified. */
  boolean handshake(SocketAddress remote, boolean identified) {
    Watched watched = open.get(key(remote));
    if (watched == null) {
      return true;
    }
    headArrived(watched);
    if (onProbation(watched) && !identified) {
      guard.refusedOverCap();
      return false;
    }
    return true;
  }

  /** The handshake was answered without an upgrade: the connection is an HTTP one again. */
  void handshakeRefused(SocketAddress remote) {
    Watched watched = open.get(key(remote));
    if (watched != null) {
      ended(watched);
    }
  }

  /**
   * The socket opened; an identified one no longer counts against its address. Returns what to run
   * when the socket closes.
   */
  Runnable upgraded(SocketAddress remote, boolean identified) {
    String key = key(remote);
    Watched watched = open.get(key);
    if (watched != null) {
      watched.upgraded = true;
      watched.active = 0;
      vertx.cancelTimer(watched.deadline);
      if (identified && watched.counted) {
        watched.counted = false;
        guard.release(watched.address);
      }
    }
    return () -> closed(key);
  }

  /** Still over its address's cap: a connection let in on probation is counted as soon as there is room. */
  private boolean onProbation(Watched watched) {
    if (!watched.counted) {
      watched.counted = guard.admit(watched.address);
    }
    return !watched.counted;
  }

  private void headArrived(Watched watched) {
    watched.heads++;
    watched.active++;
    vertx.cancelTimer(watched.deadline);
  }

  private void ended(Watched watched) {
    watched.active = Math.max(0, watched.active - 1);
    if (watched.active == 0 && !watched.upgraded) {
      expectHead(watched);
    }
  }

  private void expectHead(Watched watched) {
    vertx.cancelTimer(watched.deadline);
    watched.deadline = vertx.setTimer(timeoutMs, ignored -> {
      if (watched.active == 0 && !watched.upgraded) {
        if (watched.heads == 0) {
          guard.requestTimedOut();
        }
        watched.connection.close();
      }
    });
  }

  private static String key(SocketAddress remote) {
    return remote.hostAddress() + ":" + remote.port();
  }
}
