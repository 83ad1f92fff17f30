package io.chatterlink.transport.websocket.internal.protocol;

import io.chatterlink.transport.websocket.HandshakeRefusal;
import jakarta.websocket.CloseReason;

/** The close codes of {@code docs/protocol.md}, section 6. */
public final class CloseCodes {
  public static final CloseReason SHUTTING_DOWN = reason(1001, "server shutting down");
  public static final CloseReason UNMASKED_FRAME = reason(1002, "client frames must be masked");
  public static final CloseReason RATE_ABUSE = reason(1008, "request rate budget abused");
  public static final CloseReason TOO_BIG = reason(1009, "frame too big");
  public static final CloseReason INTERNAL = reason(1011, "internal error");
  public static final CloseReason TOO_MANY_CONNECTIONS =
      reason(1013, "too many connections: try again later");
  public static final CloseReason TOO_SLOW =
      reason(1013, "outbound queue full: read faster, then resync");
  public static final CloseReason SESSION_ENDED = reason(4401, "session ended");
  public static final CloseReason IDLE = reason(4408, "idle timeout");

  private static final java.util.Map<HandshakeRefusal, String> REFUSED_PHRASES =
      java.util.Map.of(
          HandshakeRefusal.NOT_AUTHENTICATED, "not authenticated",
          HandshakeRefusal.FORBIDDEN, "forbidden",
          HandshakeRefusal.TOO_MANY_CONNECTIONS, "too many connections",
          HandshakeRefusal.UNAVAILABLE, "try again later");

  private CloseCodes() {}

  /** The close frame sent for a refusal after an upgrade that could not be refused. */
  public static CloseReason refused(HandshakeRefusal refusal) {
    return reason(refusal.closeCode(), "refused: " + REFUSED_PHRASES.get(refusal));
  }

  private static CloseReason reason(int code, String phrase) {
    return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), phrase);
  }
}
