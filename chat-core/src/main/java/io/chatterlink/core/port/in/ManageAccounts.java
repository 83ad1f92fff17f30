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
   * Creates an account. It opens no session: log in next.
   *
   * @param command the username, password and optional display name
   * @return the new account as others see it
   * @throws io.chatterlink.core.error.ConflictException if the name is taken in canonical form
   * @throws io.chatterlink.core.error.InvalidInputException for a bad name or password (password:
   *     {@link io.chatterlink.core.model.Limits#MIN_PASSWORD_LENGTH} to {@link
   *     io.chatterlink.core.model.Limits#MAX_PASSWORD_LENGTH} characters, not only spaces, not a
   *     common password)
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  UserView register(RegisterUser command);

  /**
   * Opens a session. A wrong password and an unknown user fail alike. Login throttling is the web
   * adapter's business.
   *
   * @param command the username as typed and the password
   * @return the user and the new session's token, which only the client may keep
   * @throws io.chatterlink.core.error.NotAuthenticatedException on bad credentials
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  LoginResult logIn(LogIn command);

  /**
   * Resolves a session token, enforcing the idle and absolute expiry.
   *
   * @param token the token the client presented
   * @return who the token belongs to; empty for an unknown, expired or revoked token
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  Optional<AuthenticatedUser> authenticate(SessionToken token);

  /**
   * Which of {@code sessions} have ended: no longer stored (logged out, or revoked by a password
   * change or reset, from any process) or expired (idle or absolute); expired ones found are
   * deleted. Answered with a few queries for the whole set, never one per session: a transport asks
   * it for all its open sockets every few seconds and closes those of ended sessions.
   *
   * @param sessions the sessions to check; may be empty
   * @return those of {@code sessions} that have ended
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  Set<SessionId> endedAmong(Set<SessionId> sessions);

  /**
   * Ends a session and closes its connections; a second call does nothing.
   *
   * @param token the session's token; an unknown token is ignored
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  void logOut(SessionToken token);

  /**
   * Changes the acting user's password after checking the current one, revokes every session of
   * theirs (closing their connections) and opens a new one.
   *
   * @param command the user, their current password and the new one
   * @return the new session, replacing the one the request came with
   * @throws io.chatterlink.core.error.NotAuthenticatedException if the current password is wrong
   * @throws io.chatterlink.core.error.InvalidInputException if the new password breaks a rule of
   *     {@link #register}
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  LoginResult changePassword(ChangePassword command);

  /**
   * Sets a user's password without the old one (operator tool) and revokes their sessions.
   *
   * @param username the user's name, in any form that canonicalizes to it
   * @param newPassword the new password, under the rules of {@link #register}
   * @throws io.chatterlink.core.error.NotFoundException if there is no such user
   * @throws io.chatterlink.core.error.InvalidInputException if the username is malformed or the
   *     password breaks a rule
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  void resetPassword(String username, String newPassword);

  /**
   * A user by id, visible to any authenticated user.
   *
   * @param actor the asking user
   * @param id the user looked up
   * @return the public view of the user; empty if there is none
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  Optional<UserView> findUser(UserId actor, UserId id);

  /**
   * A user by username, visible to any authenticated user: the exact lookup behind "start a
   * conversation with bob" or an application's own user directory, where {@link #searchUsers} gives
   * a list of candidates. Names compare in canonical form (see {@link
   * io.chatterlink.core.model.Username}), as at registration and login: {@code "BOB"}, {@code " bob
   * "} and the full-width {@code "ｂｏｂ"} all find {@code bob}.
   *
   * @param actor the asking user
   * @param username the name in any form that canonicalizes to it
   * @return the public view of the user; empty if nobody has that name
   * @throws io.chatterlink.core.error.InvalidInputException if {@code username} breaks a rule of
   *     usernames (null, blank, too long, a forbidden character), so that no one could have it; the
   *     message says which rule
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  Optional<UserView> findByUsername(UserId actor, String username);

  /**
   * Users whose name starts with {@code prefix} (canonical comparison), at most {@link
   * io.chatterlink.core.model.Limits#MAX_USER_SEARCH_RESULTS}.
   *
   * @param actor the asking user
   * @param prefix the start of a username as typed; blank finds nobody
   * @return matches ordered by canonical username
   * @throws io.chatterlink.core.error.InvalidInputException if the prefix is longer than a username
   *     can be
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  List<UserView> searchUsers(UserId actor, String prefix);

  /**
   * Command to register.
   *
   * @param username the login name as typed (see {@link io.chatterlink.core.model.Username})
   * @param password the password in clear, hashed before it is stored
   * @param displayName the name shown next to messages; empty means "the username"
   */
  record RegisterUser(String username, String password, Optional<String> displayName) {}

  /**
   * Command to log in.
   *
   * @param username the login name, in any form that canonicalizes to it
   * @param password the password
   */
  record LogIn(String username, String password) {}

  /**
   * Command to change the acting user's password.
   *
   * @param actor the user
   * @param currentPassword their password now, checked first
   * @param newPassword the password to set
   */
  record ChangePassword(UserId actor, String currentPassword, String newPassword) {}

  /**
   * A new session: the token goes to the client (cookie), nowhere else.
   *
   * @param user the logged-in user
   * @param token the secret the client presents from now on
   * @param sessionId the stored id of the session (the token's digest), safe to log
   */
  record LoginResult(UserView user, SessionToken token, SessionId sessionId) {}

  /**
   * Who a valid token belongs to.
   *
   * @param user the user
   * @param sessionId the session the token opened
   */
  record AuthenticatedUser(UserView user, SessionId sessionId) {}
}
