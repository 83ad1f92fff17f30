package io.chatterlink.core.port.out;

import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.model.User;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.Username;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts, unique by canonical username. */
public interface UserStore {
  /**
   * Stores a new user.
   *
   * @throws io.chatterlink.core.error.ConflictException if the id or the canonical username is
   *     taken; the check is atomic with the insert (a unique constraint, not a prior read)
   */
  void insert(User user);

  Optional<User> findById(UserId id);

  /** Finds by {@link Username#canonical()}, whatever the display form asked for. */
  Optional<User> findByUsername(Username username);

  /**
   * Replaces a user's password hash.
   *
   * @throws io.chatterlink.core.error.NotFoundException if there is no such user
   */
  void updatePasswordHash(UserId id, PasswordHash hash);

  /**
   * Users whose canonical username starts with {@code canonicalPrefix}, by username, at most {@code
   * limit}.
   */
  List<User> searchByPrefix(String canonicalPrefix, int limit);

  /**
   * Records that the user was connected at {@code at} (their "last seen"); an unknown id is
   * ignored. Kept in storage so that it survives restarts and is shared by every server.
   */
  void recordLastSeen(UserId id, Instant at);

  /** When each of {@code ids} was last seen; ids never seen (or unknown) are absent. */
  Map<UserId, Instant> lastSeen(Collection<UserId> ids);
}
