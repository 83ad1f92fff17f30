package io.chatterlink.archfixture.transport.websocket.internal.protocol;

import io.chatterlink.archfixture.transport.websocket.LeakyTransport;
import io.chatterlink.archfixture.transport.websocket.internal.connection.Pump;

/**
 * An internal class of the fixture's transport: the API wires it (no cycle), and it uses another
 * internal package that uses it back (a cycle among internals).
 */
public final class FrameCodec {
  /** Uses the API's value type, as internals may. */
  public String encode(LeakyTransport transport) {
    return transport.name() + new Pump().pumped();
  }
}
