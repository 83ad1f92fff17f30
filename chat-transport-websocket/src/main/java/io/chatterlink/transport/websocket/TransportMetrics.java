package io.chatterlink.transport.websocket;

/**
 * What the transport reports about itself, for a host application to turn into metrics (chat-app
 * feeds Micrometer). The transport depends on no metrics library: it only calls these methods.
 *
 * <p>Implementations are called on the transport's I/O and worker threads, concurrently, once per
 * event, so they must be thread-safe, cheap and must not block. An exception thrown by an
 * implementation is not caught: it would fail the request it reports on. Every method does nothing
 * by default, so an implementation overrides only what it needs.
 */
public interface TransportMetrics {
  /** Reports nothing; what {@link WebSocketTransport#create(TransportSettings)} uses. */
  TransportMetrics NONE = new TransportMetrics() {};

  /** An authenticated socket was registered and can now receive events. */
  default void connectionOpened() {}

  /**
   * A connection registered by {@link #connectionOpened()} is gone, whatever the reason (client
   * closed, idle, too slow, shutdown). Called exactly once per opened connection.
   */
  default void connectionClosed() {}

  /**
   * A request frame was handled: it passed the frame and rate limits and its reply (for {@code
   * send}: the ack; for {@code subscribe}: the catch-up that ends with the reply) has been queued
   * for the client. Frames refused before that (not JSON, no id, over the budget, shutting down)
   * are not reported here.
   *
   * @param type the request type of {@code docs/protocol.md} ({@code "send"}, {@code "history"},
   *     ...), or {@code "unknown"} for a type the protocol does not define, so the set of values is
   *     small and fixed
   * @param nanos from the moment the transport read the frame to the moment its reply was queued
   * @param code the reply's code, modelled on HTTP status codes (200 when it succeeded)
   */
  default void requestHandled(String type, long nanos, int code) {}

  /** A client read too slowly: its bounded outbound queue was full, and it was closed (1013). */
  default void slowConsumerDropped() {}

  /** A request was refused because its connection had spent its request budget. */
  default void rateLimited() {}
}
