package io.chatterlink.transport.websocket.internal.handshake;

import java.util.Optional;

/**
 * Hands a handshake admitted by the {@link ServletHandshakeFilter} to the {@link
 * HandshakeConfigurator} that the servlet container runs for the same request, so that the request
 * is checked (and authenticated) once. A servlet container upgrades inside the filter chain, on the
 * filter's thread: the admission is offered for the duration of {@code chain.doFilter} on that
 * thread only, and taken at most once. A container that upgraded elsewhere finds nothing here, and
 * the configurator checks the request itself.
 */
public final class AdmissionHandoff {
  private final ThreadLocal<Offer> offered = new ThreadLocal<>();

  /** An admission offered to the configurator, and whether it took it. */
  public static final class Offer {
    private final HandshakeAdmission.Outcome admitted;
    private boolean taken;

    private Offer(HandshakeAdmission.Outcome admitted) {
      this.admitted = admitted;
    }

    /** Whether the configurator took it, and with it the place under the caps. */
    public boolean taken() {
      return taken;
    }
  }

  /** Offers {@code admitted} on this thread until {@link #withdraw}. */
  public Offer offer(HandshakeAdmission.Outcome admitted) {
    Offer offer = new Offer(admitted);
    offered.set(offer);
    return offer;
  }

  /** Ends the offer made on this thread. */
  public void withdraw() {
    offered.remove();
  }

  /** The admission offered on this thread, once; empty when none or already taken. */
  public Optional<HandshakeAdmission.Outcome> take() {
    Offer offer = offered.get();
    if (offer == null || offer.taken) {
      return Optional.empty();
    }
    offer.taken = true;
    return Optional.of(offer.admitted);
  }
}
