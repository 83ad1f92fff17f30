package io.chatterlink.core.port.in;

import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.SessionToken;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.UserView;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Registration, login sessions and passwords. */
public interface ManageAccounts {
  /**
   * Creates an account.
   *
   * @throws io.chatterlink.core.error.ConflictException if the name is taken in canonical form
   * @throws io.chatterlink.core.error.InvalidInputException for a bad name or password
   */
  UserView register(RegisterUser command);

  /**
   * Opens a session. A wrong password and an unknown user fail alike.
   *
   * @throws io.chatterlink.core.error.NotAuthenticatedException on bad credentials
   */
  LoginResult logIn(LogIn command);

  /**
   * Resolves a session token, enforcing the idle and absolute expiry.
   *
   * @return empty for an unknown, expired or revoked token
   */
  Optional<AuthenticatedUser> authenticate(SessionToken token);

  /**
   * Which of {@code sessions} have ended: no longer stored (logged out, or revoked by a password
   * change or reset, from any process) or expired (idle or absolute); expired ones found are
   * deleted. Answered with a few queries for the whole set, never one per session: a transport asks
   * it for all its open sockets every few seconds and closes those of ended sessions.
   */
  Set<SessionId> endedAmong(Set<SessionId> sessions);

  /** Ends a session and closes its connections; a second call does nothing. */
  void logOut(SessionToken token);

  /**
   * Changes the acting user's password after checking the current one, revokes every session of
   * theirs (closing their connections) and opens a new one.
   *
   * @throws io.chatterlink.core.error.NotAuthenticatedException if the current password is wrong
   */
  LoginResult changePassword(ChangePassword command);

  /**
   * Sets a user's password without the old one (operator tool) and revokes their sessions.
   *
   * @throws io.chatterlink.core.error.NotFoundException if there is no such user
   */
  void resetPassword(String username, String newPassword);

  /** A user by id, visible to any authenticated user. */
  Optional<UserView> findUser(UserId actor, UserId id);

  /** Users whose name starts with {@code prefix} (canonical comparison), at most 20. */
  List<UserView> searchUsers(UserId actor, String prefix);

  /** Command to register. {@code displayName} empty means "the username". */
  record RegisterUser(String username, String password, Optional<String> displayName) {}

  /** Command to log in. */
  record LogIn(String username, String password) {}

  /** Command to change the acting user's password. */
  record ChangePassword(UserId actor, String currentPassword, String newPassword) {}

  /** A new session: the token goes to the client (cookie), nowhere else. */
  record LoginResult(UserView user, SessionToken token, SessionId sessionId) {}

  /** Who a valid token belongs to. */
  record AuthenticatedUser(UserView user, SessionId sessionId) {}
}
