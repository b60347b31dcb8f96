package diemcau.support;

import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket screen on a plain TCP socket with a tiny receive buffer, so a test can make it
 * stop reading (a stuck projector PC) and later read what the server kept for it.
 */
public final class RawScreen implements AutoCloseable {

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  public RawScreen(int port, String uri) throws IOException {
    socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
    out.write(("GET " + uri + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) in.readUnsignedByte());
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("handshake refused: " + head.toString().lines().findFirst().orElse(""));
    }
  }

  /** Sends one masked text frame, as a browser would. */
  public void send(JsonObject frame) throws IOException {
    byte[] payload = frame.encode().getBytes(StandardCharsets.UTF_8);
    byte[] mask = {1, 2, 3, 4};
    out.write(0x81);
    if (payload.length < 126) {
      out.write(0x80 | payload.length);
    } else {
      out.write(0x80 | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xff);
    }
    out.write(mask);
    for (int i = 0; i < payload.length; i++) {
      out.write(payload[i] ^ mask[i % 4]);
    }
    out.flush();
  }

  /** Reads text frames until the server has been silent for {@code quietMs}. */
  public List<JsonObject> readUntilQuiet(int quietMs) throws IOException {
    socket.setSoTimeout(quietMs);
    List<JsonObject> frames = new ArrayList<>();
    try {
      while (true) {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if ((first & 0x0f) == 1) {
          frames.add(new JsonObject(new String(payload, StandardCharsets.UTF_8)));
        }
      }
    } catch (SocketTimeoutException quiet) {
      return frames;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
