package io.chatterlink.transport.websocket;

import jakarta.websocket.CloseReason;

/** The close codes of {@code docs/protocol.md}, section 6. */
final class CloseCodes {
  static final CloseReason SHUTTING_DOWN = reason(1001, "server shutting down");
  static final CloseReason UNMASKED_FRAME = reason(1002, "client frames must be masked");
  static final CloseReason RATE_ABUSE = reason(1008, "request rate budget abused");
  static final CloseReason TOO_BIG = reason(1009, "frame too big");
  static final CloseReason INTERNAL = reason(1011, "internal error");
  static final CloseReason TOO_MANY_CONNECTIONS =
      reason(1013, "too many connections: try again later");
  static final CloseReason TOO_SLOW = reason(1013, "outbound queue full: read faster, then resync");
  static final CloseReason SESSION_ENDED = reason(4401, "session ended");
  static final CloseReason IDLE = reason(4408, "idle timeout");

  private CloseCodes() {}

  private static CloseReason reason(int code, String phrase) {
    return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), phrase);
  }
}
