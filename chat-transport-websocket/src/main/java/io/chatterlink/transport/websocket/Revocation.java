package io.chatterlink.transport.websocket;

import io.chatterlink.core.model.SessionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What ends an open socket's authentication, so that the transport can close it (4401) when the
 * identity it was opened with is no longer valid. Checked by the session sweep every {@link
 * TransportSettings#sessionCheckInterval()}, in one batch for all open sockets.
 */
public sealed interface Revocation {
  /**
   * The socket lives as long as a ChatterLink login session: a logout, a password change or reset
   * or the session's expiry, on any node, closes it. What the session cookie gives.
   *
   * @param session the ChatterLink session the socket was opened with
   */
  record ChatSession(SessionId session) implements Revocation {
    /**
     * Checks the session is given.
     *
     * @param session the session
     * @throws NullPointerException if it is null
     */
    public ChatSession {
      Objects.requireNonNull(session, "session");
    }
  }

  /**
   * The socket was authenticated by the embedder's own credential (a JWT, a servlet session): it is
   * closed when {@code expiresAt} passes or when {@link HandshakeAuthenticator#endedAmong} names
   * {@code id}. ChatterLink's session store knows nothing of it, so a logout in ChatterLink does
   * not close it: ending the credential is the embedder's to report.
   *
   * @param id the embedder's name for the credential (a session id, a token's {@code jti}), 1 to
   *     {@value #MAX_ID_LENGTH} characters; never the secret itself, it may be logged
   * @param expiresAt when the credential stops being valid; empty if only {@link
   *     HandshakeAuthenticator#endedAmong} ends it
   */
  record Grant(String id, Optional<Instant> expiresAt) implements Revocation {
    /** The longest grant id. */
    public static final int MAX_ID_LENGTH = 256;

    /**
     * Checks the id and the expiry.
     *
     * @param id the credential's name
     * @param expiresAt its expiry, if any
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code id} is blank or longer than {@value
     *     #MAX_ID_LENGTH}
     */
    public Grant {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(expiresAt, "expiresAt");
      if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
        throw new IllegalArgumentException(
            "a grant id is 1 to " + MAX_ID_LENGTH + " characters, not blank");
      }
    }
  }
}
