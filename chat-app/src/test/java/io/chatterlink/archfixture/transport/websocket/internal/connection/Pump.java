package io.chatterlink.archfixture.transport.websocket.internal.connection;

import io.chatterlink.archfixture.transport.websocket.internal.protocol.FrameCodec;

/** Uses the protocol package, which uses this one: a cycle between internal packages. */
public final class Pump {
  /** Something pumped. */
  public int pumped() {
    return FrameCodec.class.getSimpleName().length();
  }
}
