package io.chatterlink.transport.websocket.internal.protocol;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A text frame to send: a push serialised once for all its recipients, with what a connection needs
 * to filter it without parsing it again, or a reply meant for one connection.
 *
 * <p>Its bytes on the wire (the WebSocket frame header and the UTF-8 payload) are encoded once, the
 * first time a connection needs them, and shared by every recipient: a broadcast to a thousand
 * sockets encodes one frame, not a thousand.
 */
public final class OutboundFrame {
  /** Longest payload whose length fits the header's 7-bit field. */
  private static final int SHORT_PAYLOAD = 125;

  private final String json;
  private final Optional<RoomId> sequencedRoom;
  private final long seq;
  private final Optional<UserId> departed;
  private final Optional<RoomId> room;
  // Two threads may both encode it; either result is the same bytes.
  private volatile byte[] wire;

  /**
   * @param json the frame's text
   * @param sequencedRoom for message/edit/delete pushes: the room whose subscription gates it
   * @param seq the log seq of a sequenced push; 0 otherwise
   * @param departed for member.left/removed: who left {@code room}, so that their own connections
   *     drop the subscription
   * @param room the room of a departure
   */
  private OutboundFrame(
      String json,
      Optional<RoomId> sequencedRoom,
      long seq,
      Optional<UserId> departed,
      Optional<RoomId> room) {
    this.json = Objects.requireNonNull(json, "json");
    this.sequencedRoom = Objects.requireNonNull(sequencedRoom, "sequencedRoom");
    this.seq = seq;
    this.departed = Objects.requireNonNull(departed, "departed");
    this.room = Objects.requireNonNull(room, "room");
  }

  public static OutboundFrame plain(String json) {
    return new OutboundFrame(json, Optional.empty(), 0, Optional.empty(), Optional.empty());
  }

  public static OutboundFrame sequenced(String json, RoomId room, long seq) {
    return new OutboundFrame(json, Optional.of(room), seq, Optional.empty(), Optional.empty());
  }

  public static OutboundFrame departure(String json, RoomId room, UserId user) {
    return new OutboundFrame(json, Optional.empty(), 0, Optional.of(user), Optional.of(room));
  }

  public String json() {
    return json;
  }

  public Optional<RoomId> sequencedRoom() {
    return sequencedRoom;
  }

  public long seq() {
    return seq;
  }

  public Optional<UserId> departed() {
    return departed;
  }

  public Optional<RoomId> room() {
    return room;
  }

  /** The whole frame as a server sends it (final, text, unmasked), as a fresh read-only view. */
  public ByteBuffer wire() {
    byte[] bytes = wire;
    if (bytes == null) {
      bytes = encode(json);
      wire = bytes;
    }
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /** RFC 6455 section 5.2: FIN + opcode 1, then the payload length in 7, 16 or 64 bits. */
  public static byte[] encode(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    int length = payload.length;
    int header = length <= SHORT_PAYLOAD ? 2 : length <= 0xFFFF ? 4 : 10;
    byte[] frame = new byte[header + length];
    frame[0] = (byte) 0x81;
    if (header == 2) {
      frame[1] = (byte) length;
    } else if (header == 4) {
      frame[1] = 126;
      frame[2] = (byte) (length >>> 8);
      frame[3] = (byte) length;
    } else {
      frame[1] = 127;
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
      }
    }
    System.arraycopy(payload, 0, frame, header, length);
    return frame;
  }

  @Override
  public String toString() {
    return json;
  }
}
