package io.chatterlink.transport.websocket;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A WebSocket client on a bare TCP socket, for what a well-behaved client library will not do: send
 * arbitrary handshake headers and unmasked frames, and see the handshake status and every frame
 * byte the server sends.
 */
final class RawWebSocket implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final int status;

  /** One frame as the server sent it. */
  record Frame(int opcode, byte[] payload) {
    /** The status code of a close frame. */
    int closeCode() {
      return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }

    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private RawWebSocket(Socket socket, DataInputStream in, int status) {
    this.socket = socket;
    this.in = in;
    this.status = status;
  }

  /** Sends the upgrade request with these headers and reads the response head. */
  static RawWebSocket open(ChatFixture chat, Optional<String> cookie, Map<String, String> headers) {
    try {
      Socket socket = new Socket("127.0.0.1", chat.uri().getPort());
      socket.setSoTimeout((int) TestClient.PATIENCE.toMillis());
      StringBuilder request =
          new StringBuilder("GET /ws HTTP/1.1\r\nHost: ")
              .append(chat.host())
              .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
              .append(
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
      cookie.ifPresent(c -> request.append("Cookie: ").append(c).append("\r\n"));
      headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      OutputStream out = socket.getOutputStream();
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      String statusLine = readLine(in);
      while (!readLine(in).isEmpty()) {
        // the rest of the response head
      }
      return new RawWebSocket(socket, in, Integer.parseInt(statusLine.split(" ")[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int status() {
    return status;
  }

  /** Sends one final text frame, masked as RFC 6455 requires of a client, or not. */
  void sendText(String text, boolean masked) {
    sendText(text.getBytes(StandardCharsets.UTF_8), masked);
  }

  /** Sends one final text frame of these bytes, UTF-8 or not. */
  void sendText(byte[] payload, boolean masked) {
    sendFrame(0x81, payload, masked);
  }

  /** Sends one frame whose first header byte (FIN, RSV1-3, opcode) is {@code first}. */
  void sendFrame(int first, byte[] payload, boolean masked) {
    if (payload.length > 125) {
      throw new IllegalArgumentException("short frames only");
    }
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(first);
    frame.write((masked ? 0x80 : 0) | payload.length);
    byte[] mask = {0x12, 0x34, 0x56, 0x78};
    if (masked) {
      frame.writeBytes(mask);
    }
    for (int i = 0; i < payload.length; i++) {
      frame.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
    }
    try {
      socket.getOutputStream().write(frame.toByteArray());
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends the header of one masked final text frame declaring {@code length} payload bytes, and
   * then {@code length} bytes of payload in chunks, as a client that does not look at what the
   * server answers meanwhile.
   */
  void sendLongText(long length) throws IOException {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.write(0x81);
    header.write(0x80 | 127);
    for (int shift = 56; shift >= 0; shift -= 8) {
      header.write((int) (length >>> shift) & 0xff);
    }
    header.writeBytes(new byte[] {0x12, 0x34, 0x56, 0x78});
    OutputStream out = socket.getOutputStream();
    out.write(header.toByteArray());
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'x');
    for (long sent = 0; sent < length; sent += chunk.length) {
      out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
    }
    out.flush();
  }

  /** Sends our FIN, as a client does once it has answered the server's close frame. */
  void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** The next frame from the server; empty when it closed the connection without one. */
  Optional<Frame> readFrame() {
    try {
      int first = in.read();
      if (first < 0) {
        return Optional.empty();
      }
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      return Optional.of(new Frame(first & 0x0f, payload));
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no frame within " + TestClient.PATIENCE, e);
    } catch (IOException e) {
      return Optional.empty(); // reset by the server
    }
  }

  /** Frames up to and including the close frame; fails if the connection ends without one. */
  List<Frame> framesUntilClose() {
    List<Frame> seen = new ArrayList<>();
    for (Frame f = readFrame().orElseThrow(); ; f = readFrame().orElseThrow()) {
      seen.add(f);
      if (f.opcode() == 0x8) {
        return seen;
      }
    }
  }

  /** The status code of the close frame, after whatever frames come before it. */
  int closeCode() {
    List<Frame> frames = framesUntilClose();
    return frames.get(frames.size() - 1).closeCode();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a test socket: nothing to do
    }
  }

  private static String readLine(DataInputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
