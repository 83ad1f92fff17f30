package io.chatterlink.transport.websocket;

/**
 * Why an upgrade was refused, with the HTTP status it is answered with before the upgrade (the
 * transport's Undertow and Grizzly hostings, and a servlet container with the {@link
 * ServletHandshakeFilter}), and the close code used instead where the container cannot refuse
 * before the upgrade (a Jakarta WebSocket container given only the endpoint, such as Jetty without
 * the filter): there the socket opens and is closed at once with {@link #closeCode()}. Each cause
 * has its own status and its own close code ({@code docs/protocol.md}, sections 1 and 6); a client
 * must not confuse "log in again" with "try again later".
 */
public enum HandshakeRefusal {
  /** No valid credential: 401, or close 4401. The client should go to its login. */
  NOT_AUTHENTICATED(401, 4401),
  /** Authenticated or not, not allowed here (a foreign {@code Origin}): 403, or close 4403. */
  FORBIDDEN(403, 4403),
  /** Over the connection caps of this node: 429, or close 4429. Retry with backoff. */
  TOO_MANY_CONNECTIONS(429, 4429),
  /**
   * The server is starting or stopping, or the authentication could not be decided (its store is
   * down): 503, or close 4503. Retry with backoff; never a reason to log the user out.
   */
  UNAVAILABLE(503, 4503);

  private final int httpStatus;
  private final int closeCode;

  HandshakeRefusal(int httpStatus, int closeCode) {
    this.httpStatus = httpStatus;
    this.closeCode = closeCode;
  }

  /**
   * The HTTP status of the refusal, where the container answers before the upgrade (Undertow and
   * standalone Grizzly hostings, a servlet container with the {@link ServletHandshakeFilter}).
   *
   * @return 401, 403, 429 or 503
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The WebSocket close code used where the container cannot refuse before the upgrade.
   *
   * @return 4401, 4403, 4429 or 4503
   */
  public int closeCode() {
    return closeCode;
  }
}
