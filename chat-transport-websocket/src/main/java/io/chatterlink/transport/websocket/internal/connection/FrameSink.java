package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import jakarta.websocket.SendHandler;
import java.util.List;

/**
 * Where a connection's text frames go. Only the connection's pump calls it, one batch at a time:
 * the next batch starts after {@code done} has been called.
 */
public interface FrameSink {
  /**
   * Sends {@code frames} in order; calls {@code done} once, when all were handed to the socket or
   * when one failed. It may be called before this method returns.
   */
  void send(List<OutboundFrame> frames, SendHandler done);
}
