package io.chatterlink.transport.websocket.internal.hosting;

import io.chatterlink.transport.websocket.internal.connection.FrameSink;
import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import jakarta.websocket.SendHandler;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Frames written straight onto a socket we host: each frame's bytes were encoded once for all its
 * recipients ({@link OutboundFrame#wire()}), and a batch goes out in one gathering write. Tyrus's
 * own frames (pings, pongs, close) pass through the same {@link XnioWriter}, whose queue keeps
 * whole frames in order.
 */
public final class SocketFrameSink implements FrameSink {
  private final XnioWriter writer;

  public SocketFrameSink(XnioWriter writer) {
    this.writer = writer;
  }

  @Override
  public void send(List<OutboundFrame> frames, SendHandler done) {
    ByteBuffer[] buffers = new ByteBuffer[frames.size()];
    for (int i = 0; i < buffers.length; i++) {
      buffers[i] = frames.get(i).wire();
    }
    writer.writeFrames(buffers, done);
  }
}
