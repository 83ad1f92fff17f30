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
   * @param user the new account
   * @throws io.chatterlink.core.error.ConflictException if the id or the canonical username is
   *     taken; the check is atomic with the insert (a unique constraint, not a prior read)
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  void insert(User user);

  /**
   * A user by id.
   *
   * @param id the user
   * @return the account; empty if none has that id
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  Optional<User> findById(UserId id);

  /**
   * Finds by {@link Username#canonical()}, whatever the display form asked for.
   *
   * @param username the name, as typed at login
   * @return the account whose canonical username equals {@code username}'s; empty if none
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  Optional<User> findByUsername(Username username);

  /**
   * Replaces a user's password hash.
   *
   * @param id the user
   * @param hash the new hash
   * @throws io.chatterlink.core.error.NotFoundException if there is no such user
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  void updatePasswordHash(UserId id, PasswordHash hash);

  /**
   * Users whose canonical username starts with {@code canonicalPrefix}, by username, at most {@code
   * limit}.
   *
   * @param canonicalPrefix a prefix of canonical usernames (the caller canonicalizes what was
   *     typed)
   * @param limit most users wanted
   * @return matching users ordered by canonical username
   * @throws IllegalArgumentException if {@code limit} is below 1
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  List<User> searchByPrefix(String canonicalPrefix, int limit);

  /**
   * Records that the user was connected at {@code at} (their "last seen"); an unknown id is
   * ignored. Kept in storage so that it survives restarts and is shared by every server.
   *
   * @param id the user
   * @param at when they were connected
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  void recordLastSeen(UserId id, Instant at);

  /**
   * When each of a set of users was last seen.
   *
   * @param ids the users; may be empty
   * @return the last-seen time by user; ids never seen (or unknown) are absent
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  Map<UserId, Instant> lastSeen(Collection<UserId> ids);
}
