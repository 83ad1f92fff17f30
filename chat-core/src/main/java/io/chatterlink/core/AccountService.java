package io.chatterlink.core;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotAuthenticatedException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.model.Session;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.SessionToken;
import io.chatterlink.core.model.Text;
import io.chatterlink.core.model.User;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.model.Username;
import io.chatterlink.core.port.in.ManageAccounts;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.IdGenerator;
import io.chatterlink.core.port.out.PasswordHasher;
import io.chatterlink.core.port.out.SessionStore;
import io.chatterlink.core.port.out.UserStore;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Registration, login sessions and passwords. */
final class AccountService implements ManageAccounts {
  /** The one answer to every failed login, so that it does not tell which part was wrong. */
  private static final String BAD_CREDENTIALS = "wrong username or password";

  private final UserStore users;
  private final SessionStore sessions;
  private final PasswordHasher hasher;
  private final Delivery delivery;
  private final Clock clock;
  private final IdGenerator ids;
  private final SessionPolicy policy;
  private volatile PasswordHash dummyHash;

  AccountService(
      UserStore users,
      SessionStore sessions,
      PasswordHasher hasher,
      Delivery delivery,
      Clock clock,
      IdGenerator ids,
      SessionPolicy policy) {
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.delivery = delivery;
    this.clock = clock;
    this.ids = ids;
    this.policy = policy;
  }

  @Override
  public UserView register(RegisterUser command) {
    Username username = Username.of(command.username());
    String password = Passwords.requireAcceptable(command.password());
    String displayName =
        Text.requireVisibleName(
            command.displayName().filter(s -> !s.isBlank()).orElse(username.display()),
            "display name",
            Limits.MAX_DISPLAY_NAME_LENGTH);
    User user =
        new User(
            new UserId(ids.next()), username, displayName, hasher.hash(password), clock.instant());
    users.insert(user);
    return UserView.of(user);
  }

  @Override
  public LoginResult logIn(LogIn command) {
    Optional<User> user = findForLogin(command.username());
    if (!Passwords.plausible(command.password())) {
      throw new NotAuthenticatedException(BAD_CREDENTIALS);
    }
    if (user.isEmpty()) {
      // Spend the same hashing work as for a real user, so timing does not reveal the name exists.
      hasher.verify(command.password(), dummyHash());
      throw new NotAuthenticatedException(BAD_CREDENTIALS);
    }
    if (!hasher.verify(command.password(), user.get().passwordHash())) {
      throw new NotAuthenticatedException(BAD_CREDENTIALS);
    }
    return openSession(rehashedIfOutdated(user.get(), command.password()));
  }

  @Override
  public Optional<AuthenticatedUser> authenticate(SessionToken token) {
    SessionId id = token.id();
    Optional<Session> found = sessions.find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Session session = found.get();
    Instant now = clock.instant();
    if (policy.isExpired(session, now)) {
      sessions.delete(id);
      return Optional.empty();
    }
    Optional<User> user = users.findById(session.userId());
    if (user.isEmpty()) {
      return Optional.empty();
    }
    if (policy.shouldTouch(session, now)) {
      sessions.touch(id, now);
    }
    return Optional.of(new AuthenticatedUser(UserView.of(user.get()), id));
  }

  @Override
  public Set<SessionId> endedAmong(Set<SessionId> asked) {
    if (asked.isEmpty()) {
      return Set.of();
    }
    Instant now = clock.instant();
    Set<SessionId> ended = new HashSet<>(asked);
    for (Session session : sessions.findAll(Set.copyOf(asked))) {
      if (policy.isExpired(session, now)) {
        sessions.delete(session.id());
      } else {
        ended.remove(session.id());
      }
    }
    return Set.copyOf(ended);
  }

  @Override
  public void logOut(SessionToken token) {
    SessionId id = token.id();
    if (sessions.delete(id)) {
      delivery.closeSessions(Set.of(id));
    }
  }

  @Override
  public LoginResult changePassword(ChangePassword command) {
    User user =
        users
            .findById(command.actor())
            .orElseThrow(() -> new NotAuthenticatedException(BAD_CREDENTIALS));
    if (!Passwords.plausible(command.currentPassword())
        || !hasher.verify(command.currentPassword(), user.passwordHash())) {
      throw new NotAuthenticatedException("current password is wrong");
    }
    PasswordHash hash = hasher.hash(Passwords.requireAcceptable(command.newPassword()));
    users.updatePasswordHash(user.id(), hash);
    revokeAllSessions(user.id());
    return openSession(user.withPasswordHash(hash));
  }

  @Override
  public void resetPassword(String username, String newPassword) {
    User user =
        users
            .findByUsername(Username.of(username))
            .orElseThrow(() -> new NotFoundException("no such user"));
    users.updatePasswordHash(user.id(), hasher.hash(Passwords.requireAcceptable(newPassword)));
    revokeAllSessions(user.id());
  }

  @Override
  public Optional<UserView> findUser(UserId actor, UserId id) {
    return users.findById(id).map(UserView::of);
  }

  @Override
  public Optional<UserView> findByUsername(UserId actor, String username) {
    return users.findByUsername(Username.of(username)).map(UserView::of);
  }

  @Override
  public List<UserView> searchUsers(UserId actor, String prefix) {
    if (prefix == null || prefix.isBlank()) {
      return List.of();
    }
    String stripped = prefix.strip();
    if (stripped.codePointCount(0, stripped.length()) > Username.MAX_LENGTH) {
      throw new InvalidInputException(
          "search prefix must have at most " + Username.MAX_LENGTH + " characters");
    }
    String canonical = canonicalPrefix(stripped);
    return users.searchByPrefix(canonical, Limits.MAX_USER_SEARCH_RESULTS).stream()
        .map(UserView::of)
        .toList();
  }

  /** The prefix in the canonical form of {@link Username}, without its length rules. */
  private static String canonicalPrefix(String typed) {
    String nfc = Normalizer.normalize(typed, Normalizer.Form.NFC);
    String folded = Normalizer.normalize(nfc, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFKC);
  }

  private Optional<User> findForLogin(String typed) {
    try {
      return users.findByUsername(Username.of(typed));
    } catch (InvalidInputException malformedName) {
      // A name that could never be registered fails exactly like an unknown one.
      return Optional.empty();
    }
  }

  private LoginResult openSession(User user) {
    SessionToken token = SessionToken.random();
    Instant now = clock.instant();
    sessions.insert(new Session(token.id(), user.id(), now, now));
    return new LoginResult(UserView.of(user), token, token.id());
  }

  private void revokeAllSessions(UserId user) {
    List<SessionId> revoked = sessions.deleteAllOf(user);
    if (!revoked.isEmpty()) {
      delivery.closeSessions(Set.copyOf(revoked));
    }
  }

  /**
   * Re-hashes a verified password whose hash has outdated parameters, so that raising the hashing
   * cost reaches every account at its next login.
   */
  private User rehashedIfOutdated(User user, String password) {
    if (!hasher.needsRehash(user.passwordHash())) {
      return user;
    }
    PasswordHash hash = hasher.hash(password);
    users.updatePasswordHash(user.id(), hash);
    return user.withPasswordHash(hash);
  }

  /**
   * A hash of a random password, made once, for failed logins of unknown users to verify against.
   */
  private PasswordHash dummyHash() {
    PasswordHash hash = dummyHash;
    if (hash == null) {
      hash = hasher.hash(SessionToken.random().secret());
      dummyHash = hash;
    }
    return hash;
  }
}
