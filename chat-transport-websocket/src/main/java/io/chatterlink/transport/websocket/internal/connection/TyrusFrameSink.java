package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.util.List;

/**
 * Frames sent one by one through the Jakarta API, which encodes each for its socket: used when the
 * container owns the socket (standalone Grizzly). On our own Undertow hosting {@link
 * SocketFrameSink} writes the shared bytes instead.
 */
public final class TyrusFrameSink implements FrameSink {
  private final Session session;

  public TyrusFrameSink(Session session) {
    this.session = session;
  }

  @Override
  public void send(List<OutboundFrame> frames, SendHandler done) {
    sendFrom(frames, 0, done);
  }

  private void sendFrom(List<OutboundFrame> frames, int index, SendHandler done) {
    if (index == frames.size()) {
      done.onResult(new SendResult());
      return;
    }
    session
        .getAsyncRemote()
        .sendText(
            frames.get(index).json(),
            result -> {
              if (result.isOK()) {
                sendFrom(frames, index + 1, done);
              } else {
                done.onResult(result);
              }
            });
  }
}
