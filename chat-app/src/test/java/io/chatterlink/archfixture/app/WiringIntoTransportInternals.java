package io.chatterlink.archfixture.app;

import io.chatterlink.archfixture.transport.websocket.internal.protocol.FrameCodec;

/** Breaks "other modules use only the transport's API": reaches into an internal package. */
public final class WiringIntoTransportInternals {
  /** Uses an internal class directly. */
  public FrameCodec codec() {
    return new FrameCodec();
  }
}
