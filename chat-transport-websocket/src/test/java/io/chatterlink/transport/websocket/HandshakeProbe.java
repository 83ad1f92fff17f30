package io.chatterlink.transport.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sends one upgrade request on a bare socket and reads the whole answer: the status line, the
 * headers, and whatever the server sends after them, to tell a clean HTTP refusal from a refusal
 * disguised as an upgrade (a 101, or a status with a close frame behind it).
 */
final class HandshakeProbe {
  /** How long the server has to send stray bytes after the head. */
  private static final int QUIET_MILLIS = 500;

  /**
   * What came back.
   *
   * @param status the status code
   * @param headers the response headers, names lower-cased
   * @param ended whether the server closed the connection or framed an empty body
   * @param after the bytes sent after the head (a refusal must send none)
   */
  record Answer(int status, Map<String, String> headers, boolean ended, byte[] after) {
    /** A refusal as the protocol promises it: a plain, complete HTTP answer with no socket. */
    boolean isCleanRefusal(int expected) {
      return status == expected
          && !headers.containsKey("upgrade")
          && !headers.containsKey("sec-websocket-accept")
          && ended
          && after.length == 0;
    }

    /** The opcode of the first frame sent after a 101 (1 text, 8 close); empty if none came. */
    Optional<Integer> firstFrameOpcode() {
      return after.length == 0 ? Optional.empty() : Optional.of(after[0] & 0x0F);
    }

    /** The code of the close frame sent first after a 101; empty if the first frame is another. */
    Optional<Integer> firstFrameCloseCode() {
      if (firstFrameOpcode().orElse(0) != 8 || after.length < 4 || (after[1] & 0x7F) < 2) {
        return Optional.empty();
      }
      return Optional.of(((after[2] & 0xFF) << 8) | (after[3] & 0xFF));
    }

    @Override
    public String toString() {
      return status + " " + headers + " ended=" + ended + " after=" + after.length + " bytes";
    }
  }

  private HandshakeProbe() {}

  static Answer send(int port, String path, Map<String, String> headers) {
    StringBuilder request =
        new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n")
            .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
            .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n")
            .append("Sec-WebSocket-Version: 13\r\n");
    headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    return sendRaw(port, request.append("\r\n").toString());
  }

  /** Sends {@code request} (request line, headers, blank line) as it is. */
  static Answer sendRaw(int port, String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) TestClient.PATIENCE.toMillis());
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String statusLine = readLine(in);
      Map<String, String> head = new TreeMap<>();
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        head.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      socket.setSoTimeout(QUIET_MILLIS);
      ByteArrayOutputStream after = new ByteArrayOutputStream();
      boolean closed = false;
      try {
        for (int b = in.read(); ; b = in.read()) {
          if (b < 0) {
            closed = true;
            break;
          }
          after.write(b);
        }
      } catch (SocketTimeoutException quiet) {
        // nothing more within the quiet time
      } catch (IOException reset) {
        closed = true;
      }
      boolean emptyBody = "0".equals(head.get("content-length"));
      return new Answer(
          Integer.parseInt(statusLine.split(" ")[1]),
          head,
          closed || emptyBody,
          after.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
