package diemcau.net;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.transport.Transport;
import java.util.List;

/**
 * The network transport a Vert.x instance runs on. {@code auto} takes Linux's epoll where its
 * native library loads (fewer copies and system calls per socket write than Java NIO: the hub's
 * cost is one write per screen per change) and Java NIO elsewhere; a named one must be there.
 */
public final class Transports {

  /** The accepted names: {@code auto}, then the transports Vert.x knows. */
  public static final List<String> NAMES = List.of("auto", "epoll", "io_uring", "nio");

  private Transports() {
  }

  /** Throws, naming the setting and the choices, unless {@code name} is one of {@link #NAMES}. */
  public static String requireKnown(String name, String setting) {
    if (name == null || !NAMES.contains(name)) {
      throw new IllegalArgumentException(setting + " must be one of " + String.join("|", NAMES) + ", got " + name);
    }
    return name;
  }

  /** The transport {@code name} stands for; throws, naming the setting, when it is unknown or cannot run here. */
  public static Transport named(String name, String setting) {
    Transport transport = switch (requireKnown(name, setting)) {
      case "auto" -> {
        Transport nativeOne = Transport.nativeTransport();
        yield nativeOne != null && nativeOne.available() ? nativeOne : Transport.NIO;
      }
      case "epoll" -> Transport.EPOLL;
      case "io_uring" -> Transport.IO_URING;
      default -> Transport.NIO;
    };
    if (transport == null || !transport.available()) {
      Throwable cause = transport == null ? null : transport.unavailabilityCause();
      throw new IllegalArgumentException(setting + " " + name + " cannot run on this machine"
          + (cause == null ? "" : ": " + cause.getMessage()));
    }
    return transport;
  }

  /** A Vert.x instance on {@code transport}. */
  public static Vertx vertx(VertxOptions options, Transport transport) {
    return Vertx.builder().with(options).withTransport(transport).build();
  }

  /** The name of the transport {@code vertx} runs on ({@code epoll}, {@code io_uring}, {@code kqueue}, {@code nio}). */
  public static String name(Vertx vertx) {
    Object running = ((VertxInternal) vertx).transport();
    for (Transport known : new Transport[] {Transport.EPOLL, Transport.IO_URING, Transport.KQUEUE}) {
      if (known != null && known.implementation() == running) {
        return known.name();
      }
    }
    return Transport.NIO.name();
  }
}
