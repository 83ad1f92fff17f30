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
   * @throws io.chatterlink.core.error.ConflictException if the id is taken
   */
  void insert(Session session);

  Optional<Session> find(SessionId id);

  /**
   * The stored sessions among {@code ids}, in no particular order; ids with no session are left
   * out. The transport asks this for the sessions of all its open sockets every few seconds, so
   * that a session that ended anywhere (another process, another node) closes its sockets here:
   * adapters answer with a few large queries, never one per id.
   */
  List<Session> findAll(Set<SessionId> ids);

  /** Records use of a session; ignored if it no longer exists. */
  void touch(SessionId id, Instant lastSeenAt);

  /** Deletes a session; false if there was none. */
  boolean delete(SessionId id);

  /**
   * Deletes every session of a user.
   *
   * @return the ids deleted
   */
  List<SessionId> deleteAllOf(UserId user);
}
