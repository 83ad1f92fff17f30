package io.chatterlink.transport.websocket.internal.handshake;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.policy.SessionCookie;
import io.chatterlink.core.port.in.ManageAccounts.AuthenticatedUser;
import io.chatterlink.transport.websocket.HandshakeAuthenticator;
import io.chatterlink.transport.websocket.HandshakeRefusal;
import io.chatterlink.transport.websocket.Revocation;
import io.chatterlink.transport.websocket.UpgradeRequest;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the transport's authentication of a handshake: the embedder's {@link HandshakeAuthenticator}
 * when there is one, else ChatterLink's session cookie. Either way the answer is an {@link
 * Identity} (who, and what ends it) or a {@link HandshakeRefusal}; a failure to decide (the store
 * is down, the authenticator threw) is {@link HandshakeRefusal#UNAVAILABLE}.
 */
public final class HandshakeAuthentication {
  private static final Logger LOG = LoggerFactory.getLogger(HandshakeAuthentication.class);

  private final Optional<HandshakeAuthenticator> custom;
  private final Clock clock;

  public HandshakeAuthentication(Optional<HandshakeAuthenticator> custom, Clock clock) {
    this.custom = custom;
    this.clock = clock;
  }

  /** Who the socket acts as, with the user's public view for the {@code hello} frame. */
  public record Identity(UserView user, Revocation revocation) {}

  /** The outcome: exactly one of {@code identity} and {@code refusal} is present. */
  public record Verdict(Optional<Identity> identity, Optional<HandshakeRefusal> refusal) {
    public static Verdict accepted(Identity identity) {
      return new Verdict(Optional.of(identity), Optional.empty());
    }

    public static Verdict refused(HandshakeRefusal refusal, String why) {
      LOG.debug("refusing WebSocket upgrade ({}): {}", refusal, why);
      return new Verdict(Optional.empty(), Optional.of(refusal));
    }
  }

  public Verdict authenticate(ChatCore core, UpgradeRequest request) {
    try {
      return custom.isPresent() ? byAuthenticator(core, request) : byCookie(core, request);
    } catch (RuntimeException e) {
      LOG.warn("WebSocket handshake authentication failed; answering 503", e);
      return Verdict.refused(HandshakeRefusal.UNAVAILABLE, "authentication failed: " + e);
    }
  }

  private static Verdict byCookie(ChatCore core, UpgradeRequest request) {
    Optional<AuthenticatedUser> user =
        SessionCookie.fromHeaders(request.headers("Cookie"))
            .flatMap(token -> core.accounts().authenticate(token));
    return user.map(
            u ->
                Verdict.accepted(new Identity(u.user(), new Revocation.ChatSession(u.sessionId()))))
        .orElseGet(() -> Verdict.refused(HandshakeRefusal.NOT_AUTHENTICATED, "no valid session"));
  }

  private Verdict byAuthenticator(ChatCore core, UpgradeRequest request) {
    HandshakeAuthenticator.Outcome outcome = custom.get().authenticate(request);
    if (outcome instanceof HandshakeAuthenticator.Refused) {
      HandshakeAuthenticator.Refused refused = (HandshakeAuthenticator.Refused) outcome;
      return Verdict.refused(refused.refusal(), refused.reason());
    }
    if (outcome instanceof HandshakeAuthenticator.Accepted) {
      HandshakeAuthenticator.Accepted accepted = (HandshakeAuthenticator.Accepted) outcome;
      if (expired(accepted.revocation())) {
        return Verdict.refused(HandshakeRefusal.NOT_AUTHENTICATED, "the grant has expired");
      }
      // The user reads their own account: the lookup needs an actor, and they are it.
      return core.accounts()
          .findUser(accepted.user(), accepted.user())
          .map(user -> Verdict.accepted(new Identity(user, accepted.revocation())))
          .orElseGet(
              () ->
                  Verdict.refused(
                      HandshakeRefusal.NOT_AUTHENTICATED,
                      "the authenticator accepted " + accepted.user() + ", who is no user here"));
    }
    if (outcome == null) {
      // a null outcome is the authenticator's bug: answered 503 and logged, like an exception
      throw new IllegalStateException("the handshake authenticator returned null");
    }
    throw new AssertionError(outcome);
  }

  private boolean expired(Revocation revocation) {
    return revocation instanceof Revocation.Grant
        && ((Revocation.Grant) revocation)
            .expiresAt()
            .map(at -> !at.isAfter(clock.instant()))
            .orElse(false);
  }
}
