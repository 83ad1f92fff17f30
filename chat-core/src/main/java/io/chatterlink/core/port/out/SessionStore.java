package io.chatterlink.core.port.out;

import io.chatterlink.core.model.Session;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Login sessions, keyed by the digest of their token. */
public interface SessionStore {
  /**
   * Stores a session.
   *
   * @param session the new session
   * @throws io.chatterlink.core.error.ConflictException if the id is taken
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  void insert(Session session);

  /**
   * A session by the digest of its token. Expiry is the core's business: an expired session is
   * still found until it is deleted.
   *
   * @param id the token's digest
   * @return the session; empty if none has that id
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  Optional<Session> find(SessionId id);

  /**
   * The stored sessions among {@code ids}, in no particular order; ids with no session are left
   * out. The transport asks this for the sessions of all its open sockets every few seconds, so
   * that a session that ended anywhere (another process, another node) closes its sockets here:
   * adapters answer with a few large queries, never one per id.
   *
   * @param ids the sessions to look up; may be empty
   * @return the sessions that still exist
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  List<Session> findAll(Set<SessionId> ids);

  /**
   * Records use of a session, for the idle expiry; ignored if it no longer exists.
   *
   * @param id the session
   * @param lastSeenAt when it was used
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  void touch(SessionId id, Instant lastSeenAt);

  /**
   * Deletes a session (a logout).
   *
   * @param id the session
   * @return true if it existed; false if there was none
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  boolean delete(SessionId id);

  /**
   * Deletes every session of a user (after a password change, or to log out everywhere).
   *
   * @param user the user
   * @return the ids deleted, so that the caller can close their connections
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  List<SessionId> deleteAllOf(UserId user);
}
