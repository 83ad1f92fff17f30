package io.chatterlink.transport.websocket;

import io.chatterlink.core.model.UserId;
import java.util.Objects;
import java.util.Set;

/**
 * Decides who an upgrade request belongs to: the hook for an application with its own login
 * (servlet session, JWT, container principal) to hand the socket a ChatterLink user. Without one, a
 * transport accepts ChatterLink's own session cookie ({@code chatterlink_session}).
 *
 * <p>Called once per handshake, before the upgrade, on a thread that may block (the cookie default
 * reads the session store), after the server-state and {@code Origin} checks and before the
 * connection caps. It must be thread-safe. A refusal is answered with its {@link
 * HandshakeRefusal#httpStatus()}; an exception thrown is logged and answered as {@link
 * HandshakeRefusal#UNAVAILABLE} (503), never as "not authenticated", so that an outage of the
 * embedder's identity store does not log users out.
 *
 * <p>The accepted user must exist in ChatterLink (its id as stored by {@code
 * ManageAccounts.register}); an unknown id is refused with 401, and so is a {@link
 * Revocation.Grant} whose expiry has already passed. The {@link Revocation} says what ends the
 * socket: a ChatterLink session, or the embedder's own credential, which the transport checks with
 * {@link #endedAmong} and its expiry. Ending a credential anywhere else is the embedder's to report
 * through {@link #endedAmong}; a socket of a credential that is never reported ended and has no
 * expiry stays open until it closes for another reason.
 */
@FunctionalInterface
public interface HandshakeAuthenticator {
  /**
   * Authenticates one upgrade request.
   *
   * @param request the request's URI, headers, cookies, container principal and client address
   * @return the user and what ends the socket's authentication, or a refusal
   */
  Outcome authenticate(UpgradeRequest request);

  /**
   * Which of the credentials of open sockets are no longer valid. Called every {@link
   * TransportSettings#sessionCheckInterval()} on the transport's sweep thread with the ids of every
   * {@link Revocation.Grant} of an open socket on this node, in one batch; the sockets of the
   * returned ids are closed with 4401. An exception is logged and the same question asked at the
   * next sweep (nothing is closed). The default answers "none ended": only expiries close sockets.
   *
   * @param grantIds ids of {@link Revocation.Grant}s of open sockets; never empty
   * @return those that ended; ids not asked about are ignored
   */
  default Set<String> endedAmong(Set<String> grantIds) {
    return Set.of();
  }

  /** The answer of {@link #authenticate}: accepted or refused. */
  sealed interface Outcome {}

  /**
   * The request belongs to this ChatterLink user.
   *
   * @param user the ChatterLink user the socket acts as
   * @param revocation what ends the socket's authentication
   */
  record Accepted(UserId user, Revocation revocation) implements Outcome {
    /**
     * Checks both are given.
     *
     * @param user the user
     * @param revocation what ends it
     * @throws NullPointerException if a component is null
     */
    public Accepted {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(revocation, "revocation");
    }
  }

  /**
   * The request is refused.
   *
   * @param refusal the cause, which picks the HTTP status (or close code)
   * @param reason why, for the server's debug log only; never sent to the client
   */
  record Refused(HandshakeRefusal refusal, String reason) implements Outcome {
    /**
     * Checks both are given.
     *
     * @param refusal the cause
     * @param reason why
     * @throws NullPointerException if a component is null
     */
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
