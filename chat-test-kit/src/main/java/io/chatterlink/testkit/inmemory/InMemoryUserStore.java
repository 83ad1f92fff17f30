package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.model.User;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.Username;
import io.chatterlink.core.port.out.UserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Users in maps. One lock guards both maps, so the uniqueness check and the insert are one atomic
 * step, as a unique constraint makes them in a database.
 */
final class InMemoryUserStore implements UserStore {
  private final Map<UserId, User> byId = new HashMap<>();
  private final Map<UserId, Instant> lastSeen = new HashMap<>();

  /** Sorted by canonical username, which is the order of {@link #searchByPrefix}. */
  private final TreeMap<String, User> byCanonicalName = new TreeMap<>();

  @Override
  public synchronized void insert(User user) {
    if (byId.containsKey(user.id())) {
      throw new ConflictException("user id is taken");
    }
    if (byCanonicalName.containsKey(user.username().canonical())) {
      throw new ConflictException("username is taken");
    }
    byId.put(user.id(), user);
    byCanonicalName.put(user.username().canonical(), user);
  }

  @Override
  public synchronized Optional<User> findById(UserId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<User> findByUsername(Username username) {
    return Optional.ofNullable(byCanonicalName.get(username.canonical()));
  }

  @Override
  public synchronized void updatePasswordHash(UserId id, PasswordHash hash) {
    User user = byId.get(id);
    if (user == null) {
      throw new NotFoundException("no such user");
    }
    User updated = user.withPasswordHash(hash);
    byId.put(id, updated);
    byCanonicalName.put(updated.username().canonical(), updated);
  }

  @Override
  public synchronized List<User> searchByPrefix(String canonicalPrefix, int limit) {
    Checks.requirePositiveLimit(limit);
    List<User> found = new ArrayList<>();
    for (Map.Entry<String, User> e : byCanonicalName.tailMap(canonicalPrefix, true).entrySet()) {
      if (found.size() == limit || !e.getKey().startsWith(canonicalPrefix)) {
        break;
      }
      found.add(e.getValue());
    }
    return List.copyOf(found);
  }

  @Override
  public synchronized void recordLastSeen(UserId id, Instant at) {
    if (byId.containsKey(id)) {
      lastSeen.put(id, at);
    }
  }

  @Override
  public synchronized Map<UserId, Instant> lastSeen(Collection<UserId> ids) {
    Map<UserId, Instant> found = new HashMap<>();
    for (UserId id : ids) {
      Instant at = lastSeen.get(id);
      if (at != null) {
        found.put(id, at);
      }
    }
    return Map.copyOf(found);
  }
}
