package io.chatterlink.transport.websocket.internal.handshake;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.policy.OriginPolicy;
import io.chatterlink.transport.websocket.HandshakeRefusal;
import io.chatterlink.transport.websocket.TransportSettings;
import io.chatterlink.transport.websocket.UpgradeRequest;
import io.chatterlink.transport.websocket.internal.connection.ConnectionLimiter;
import io.chatterlink.transport.websocket.internal.connection.TransportRuntime;
import io.chatterlink.transport.websocket.internal.handshake.HandshakeAuthentication.Identity;
import io.chatterlink.transport.websocket.internal.handshake.HandshakeAuthentication.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks of one upgrade, in their order: the server must be accepting (else 503), the {@code
 * Origin} allowed (else 403), the request authenticated (else the authentication's refusal, 401 by
 * default) and the user and the client address under their socket caps on this node (else 429). Run
 * by whichever part of a hosting sees the request first: the Tyrus configurator, or the servlet
 * filter ({@link ServletHandshakeFilter}) in front of a servlet container's upgrade.
 */
public final class HandshakeAdmission {
  private final TransportRuntime runtime;
  private final OriginPolicy origins;
  private final HandshakeAuthentication authentication;

  public HandshakeAdmission(TransportRuntime runtime, HandshakeAuthentication authentication) {
    this.runtime = runtime;
    this.origins = new OriginPolicy(runtime.settings().allowedOrigins());
    this.authentication = authentication;
  }

  /**
   * The outcome of the checks: exactly one of an admitted socket and a refusal.
   *
   * @param identity who the socket acts as, when admitted
   * @param place its place under the caps, when admitted: the socket claims it when it opens, and
   *     whoever does not open it gives it back
   * @param refusal the cause, when refused
   */
  public record Outcome(
      Optional<Identity> identity,
      Optional<ConnectionLimiter.Place> place,
      Optional<HandshakeRefusal> refusal) {
    public static Outcome refused(HandshakeRefusal refusal) {
      return new Outcome(Optional.empty(), Optional.empty(), Optional.of(refusal));
    }

    public static Outcome admitted(Identity identity, ConnectionLimiter.Place place) {
      return new Outcome(
          Optional.of(identity), Optional.of(Objects.requireNonNull(place)), Optional.empty());
    }
  }

  /** The transport's settings, for the client address rule. */
  public TransportSettings settings() {
    return runtime.settings();
  }

  public Outcome admit(UpgradeRequest upgrade) {
    Optional<ChatCore> core = runtime.core();
    if (!runtime.accepting() || core.isEmpty()) {
      return Outcome.refused(HandshakeRefusal.UNAVAILABLE);
    }
    Optional<String> origin = upgrade.header("Origin");
    if (origin.isPresent() && !origins.allows(origin.get(), upgrade.header("Host"))) {
      return Outcome.refused(HandshakeRefusal.FORBIDDEN);
    }
    Verdict verdict = authentication.authenticate(core.get(), upgrade);
    if (verdict.refusal().isPresent()) {
      return Outcome.refused(verdict.refusal().get());
    }
    Identity identity = verdict.identity().orElseThrow();
    return runtime
        .limiter()
        .admit(identity.user().id(), upgrade.clientAddress())
        .map(place -> Outcome.admitted(identity, place))
        .orElseGet(() -> Outcome.refused(HandshakeRefusal.TOO_MANY_CONNECTIONS));
  }
}
