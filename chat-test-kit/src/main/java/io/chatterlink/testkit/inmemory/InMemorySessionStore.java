package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.model.Session;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.SessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sessions in a map behind one lock, so that deleting all of a user's sessions is atomic. */
final class InMemorySessionStore implements SessionStore {
  /** In creation order, so that {@link #deleteAllOf} reports ids oldest first. */
  private final Map<SessionId, Session> byId = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Session session) {
    if (byId.containsKey(session.id())) {
      throw new ConflictException("session id is taken");
    }
    byId.put(session.id(), session);
  }

  @Override
  public synchronized Optional<Session> find(SessionId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<Session> findAll(Set<SessionId> ids) {
    List<Session> found = new ArrayList<>();
    for (SessionId id : ids) {
      Session session = byId.get(id);
      if (session != null) {
        found.add(session);
      }
    }
    return List.copyOf(found);
  }

  @Override
  public synchronized void touch(SessionId id, Instant lastSeenAt) {
    byId.computeIfPresent(
        id, (key, s) -> new Session(s.id(), s.userId(), s.createdAt(), lastSeenAt));
  }

  @Override
  public synchronized boolean delete(SessionId id) {
    return byId.remove(id) != null;
  }

  @Override
  public synchronized List<SessionId> deleteAllOf(UserId user) {
    List<SessionId> deleted = new ArrayList<>();
    for (Iterator<Session> it = byId.values().iterator(); it.hasNext(); ) {
      Session s = it.next();
      if (s.userId().equals(user)) {
        deleted.add(s.id());
        it.remove();
      }
    }
    return List.copyOf(deleted);
  }
}
