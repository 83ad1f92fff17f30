package io.chatterlink.archfixture.transport.websocket;

import io.chatterlink.archfixture.transport.websocket.internal.protocol.FrameCodec;

/** The fixture's transport API: one method and one field leak an internal type, one does not. */
public final class LeakyTransport {
  /** Breaks "the API exposes no internal type" as a field. */
  public static final FrameCodec LEAKED_CODEC = new FrameCodec();

  /** Breaks "the API exposes no internal type" as a result. */
  public FrameCodec codec() {
    return LEAKED_CODEC;
  }

  /** A plain API method. */
  public String name() {
    return "leaky";
  }
}
