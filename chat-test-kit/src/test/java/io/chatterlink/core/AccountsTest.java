package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotAuthenticatedException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.SessionToken;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.model.Username;
import io.chatterlink.core.port.in.ManageAccounts;
import io.chatterlink.core.port.in.ManageAccounts.ChangePassword;
import io.chatterlink.core.port.in.ManageAccounts.LogIn;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.out.PasswordHasher;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccountsTest {
  private final CoreFixture f = new CoreFixture();
  private final ManageAccounts accounts = f.core.accounts();

  @Test
  void aRegisteredUserCanLogInAndTheTokenAuthenticatesThem() {
    UserView alice =
        accounts.register(new RegisterUser("Alice", "correct horse", Optional.of("Alice A.")));

    LoginResult login = accounts.logIn(new LogIn("alice", "correct horse"));

    assertThat(login.user()).isEqualTo(alice);
    assertThat(alice.displayName()).isEqualTo("Alice A.");
    assertThat(login.sessionId()).isEqualTo(login.token().id());
    assertThat(accounts.authenticate(login.token()))
        .hasValueSatisfying(a -> assertThat(a.user().id()).isEqualTo(alice.id()));
  }

  @Test
  void theDisplayNameDefaultsToTheUsername() {
    UserView bob = accounts.register(new RegisterUser("Bob", "bob likes plums", Optional.empty()));

    assertThat(bob.displayName()).isEqualTo("Bob");
  }

  @Test
  void namesThatCollideInCanonicalFormCannotBothRegister() {
    f.register("alice");

    assertThatThrownBy(() -> f.register("ALICE")).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> f.register("Ａｌｉｃｅ")).isInstanceOf(ConflictException.class);
  }

  @Test
  void namesWithBidiOverridesAreRejected() {
    assertThatThrownBy(() -> f.register("ali\u202Ece")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void passwordsOutsideTheDocumentedLengthsAreRejected() {
    String tooShort = "x".repeat(Limits.MIN_PASSWORD_LENGTH - 1);
    String tooLong = "x".repeat(Limits.MAX_PASSWORD_LENGTH + 1);
    String longest = "x".repeat(Limits.MAX_PASSWORD_LENGTH);

    assertThatThrownBy(
            () -> accounts.register(new RegisterUser("carol", tooShort, Optional.empty())))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> accounts.register(new RegisterUser("carol", tooLong, Optional.empty())))
        .isInstanceOf(InvalidInputException.class);
    assertThat(accounts.register(new RegisterUser("carol", longest, Optional.empty())).username())
        .isEqualTo("carol");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserFailWithTheSameError() {
    f.register("alice");

    Throwable wrongPassword = catchLogin("alice", "not the password");
    Throwable unknownUser = catchLogin("nobody", "not the password");
    Throwable impossibleName = catchLogin("x", "not the password");

    assertThat(wrongPassword).isInstanceOf(NotAuthenticatedException.class);
    assertThat(unknownUser)
        .isInstanceOf(NotAuthenticatedException.class)
        .hasMessage(wrongPassword.getMessage());
    assertThat(impossibleName)
        .isInstanceOf(NotAuthenticatedException.class)
        .hasMessage(wrongPassword.getMessage());
  }

  @Test
  void anUnknownUserStillCostsOnePasswordVerification() {
    CountingHasher hasher = new CountingHasher();
    CoreFixture counted = new CoreFixture(b -> b.passwordHasher(hasher));
    counted.register("alice");

    assertThatThrownBy(() -> counted.core.accounts().logIn(new LogIn("alice", "wrong password")))
        .isInstanceOf(NotAuthenticatedException.class);
    int forKnownUser = hasher.verifications.getAndSet(0);
    assertThatThrownBy(() -> counted.core.accounts().logIn(new LogIn("nobody", "wrong password")))
        .isInstanceOf(NotAuthenticatedException.class);

    assertThat(forKnownUser).isEqualTo(1);
    assertThat(hasher.verifications.get()).isEqualTo(1);
  }

  @Test
  void aSessionExpiresAfterTheIdleTimeoutWithoutUse() {
    CoreFixture timed =
        new CoreFixture(b -> b.sessionIdleTimeout(java.time.Duration.ofMinutes(30)));
    timed.register("alice");
    SessionToken token =
        timed.core.accounts().logIn(new LogIn("alice", CoreFixture.passwordOf("alice"))).token();

    timed.clock.advance(java.time.Duration.ofMinutes(29));
    assertThat(timed.core.accounts().authenticate(token)).isPresent();
    timed.clock.advance(java.time.Duration.ofMinutes(29));
    assertThat(timed.core.accounts().authenticate(token)).as("used 29 minutes ago").isPresent();
    timed.clock.advance(java.time.Duration.ofMinutes(30));

    assertThat(timed.core.accounts().authenticate(token)).isEmpty();
  }

  @Test
  void aSessionExpiresAtTheAbsoluteTimeoutHoweverMuchItIsUsed() {
    CoreFixture timed =
        new CoreFixture(
            b ->
                b.sessionIdleTimeout(java.time.Duration.ofHours(1))
                    .sessionAbsoluteTimeout(java.time.Duration.ofHours(3)));
    timed.register("alice");
    SessionToken token =
        timed.core.accounts().logIn(new LogIn("alice", CoreFixture.passwordOf("alice"))).token();

    for (int i = 0; i < 5; i++) {
      timed.clock.advance(java.time.Duration.ofMinutes(35));
      assertThat(timed.core.accounts().authenticate(token)).isPresent();
    }
    timed.clock.advance(java.time.Duration.ofMinutes(5));

    assertThat(timed.core.accounts().authenticate(token)).isEmpty();
    assertThat(timed.adapters.sessions().find(token.id()))
        .as("expired sessions are deleted")
        .isEmpty();
  }

  @Test
  void useIsWrittenDownAtMostOncePerTouchInterval() {
    f.register("alice");
    LoginResult login = accounts.logIn(new LogIn("alice", CoreFixture.passwordOf("alice")));
    Duration interval = SessionPolicy.MAX_TOUCH_INTERVAL;

    f.clock.advance(interval.minusSeconds(1));
    accounts.authenticate(login.token());
    assertThat(f.adapters.sessions().find(login.sessionId()).orElseThrow().lastSeenAt())
        .isEqualTo(CoreFixture.START);
    f.clock.advance(Duration.ofSeconds(1));
    accounts.authenticate(login.token());

    assertThat(f.adapters.sessions().find(login.sessionId()).orElseThrow().lastSeenAt())
        .isEqualTo(CoreFixture.START.plus(interval));
  }

  @Test
  void anUnknownTokenAuthenticatesNobody() {
    assertThat(accounts.authenticate(SessionToken.random())).isEmpty();
  }

  @Test
  void loggingOutRevokesTheSessionAndClosesItsConnectionsOnce() {
    f.register("alice");
    LoginResult login = accounts.logIn(new LogIn("alice", CoreFixture.passwordOf("alice")));

    accounts.logOut(login.token());
    accounts.logOut(login.token());

    assertThat(accounts.authenticate(login.token())).isEmpty();
    assertThat(f.delivery().closedSessions()).containsExactly(login.sessionId());
  }

  @Test
  void changingThePasswordRevokesEverySessionAndOpensANewOne() {
    f.register("alice");
    LoginResult laptop = accounts.logIn(new LogIn("alice", CoreFixture.passwordOf("alice")));
    LoginResult phone = accounts.logIn(new LogIn("alice", CoreFixture.passwordOf("alice")));

    LoginResult fresh =
        accounts.changePassword(
            new ChangePassword(
                laptop.user().id(), CoreFixture.passwordOf("alice"), "a new secret"));

    assertThat(accounts.authenticate(laptop.token())).isEmpty();
    assertThat(accounts.authenticate(phone.token())).isEmpty();
    assertThat(accounts.authenticate(fresh.token())).isPresent();
    assertThat(f.delivery().closedSessions())
        .containsExactlyInAnyOrder(laptop.sessionId(), phone.sessionId());
    assertThat(accounts.logIn(new LogIn("alice", "a new secret")).user().username())
        .isEqualTo("alice");
  }

  @Test
  void changingThePasswordNeedsTheCurrentOne() {
    var alice = f.register("alice");
    LoginResult login = accounts.logIn(new LogIn("alice", CoreFixture.passwordOf("alice")));

    assertThatThrownBy(
            () -> accounts.changePassword(new ChangePassword(alice, "wrong guess", "a new secret")))
        .isInstanceOf(NotAuthenticatedException.class);
    assertThat(accounts.authenticate(login.token())).isPresent();
  }

  @Test
  void resettingAPasswordRevokesTheUsersSessions() {
    f.register("alice");
    LoginResult login = accounts.logIn(new LogIn("alice", CoreFixture.passwordOf("alice")));

    accounts.resetPassword("ALICE", "operator chose this");

    assertThat(accounts.authenticate(login.token())).isEmpty();
    assertThat(f.delivery().closedSessions()).containsExactly(login.sessionId());
    assertThat(accounts.logIn(new LogIn("alice", "operator chose this")).user().username())
        .isEqualTo("alice");
  }

  @Test
  void endedSessionsAreThoseRevokedLoggedOutOrExpiredAndExpiredOnesAreDeleted() {
    CoreFixture timed =
        new CoreFixture(
            b ->
                b.sessionIdleTimeout(Duration.ofHours(1))
                    .sessionAbsoluteTimeout(Duration.ofHours(3)));
    timed.register("alice");
    timed.register("bob");
    ManageAccounts acc = timed.core.accounts();
    LoginResult kept = acc.logIn(new LogIn("bob", CoreFixture.passwordOf("bob")));
    LoginResult loggedOut = acc.logIn(new LogIn("bob", CoreFixture.passwordOf("bob")));
    LoginResult reset = acc.logIn(new LogIn("alice", CoreFixture.passwordOf("alice")));
    acc.logOut(loggedOut.token());
    // What the CLI does in another process: the sessions go, no delivery here hears of it.
    timed.adapters.sessions().deleteAllOf(reset.user().id());
    SessionId neverExisted = SessionToken.random().id();

    assertThat(
            acc.endedAmong(
                Set.of(kept.sessionId(), loggedOut.sessionId(), reset.sessionId(), neverExisted)))
        .containsExactlyInAnyOrder(loggedOut.sessionId(), reset.sessionId(), neverExisted);
    assertThat(acc.endedAmong(Set.of())).isEmpty();

    for (int i = 0; i < 5; i++) {
      timed.clock.advance(Duration.ofMinutes(35));
      assertThat(acc.authenticate(kept.token())).isPresent();
      assertThat(acc.endedAmong(Set.of(kept.sessionId()))).isEmpty();
    }
    timed.clock.advance(Duration.ofMinutes(5));

    assertThat(acc.endedAmong(Set.of(kept.sessionId()))).containsExactly(kept.sessionId());
    assertThat(timed.adapters.sessions().find(kept.sessionId())).isEmpty();
  }

  @Test
  void aSessionUnusedForTheIdleTimeoutHasEnded() {
    CoreFixture timed = new CoreFixture(b -> b.sessionIdleTimeout(Duration.ofMinutes(30)));
    timed.register("alice");
    LoginResult login =
        timed.core.accounts().logIn(new LogIn("alice", CoreFixture.passwordOf("alice")));

    timed.clock.advance(Duration.ofMinutes(29));
    assertThat(timed.core.accounts().endedAmong(Set.of(login.sessionId()))).isEmpty();
    timed.clock.advance(Duration.ofMinutes(1));

    assertThat(timed.core.accounts().endedAmong(Set.of(login.sessionId())))
        .containsExactly(login.sessionId());
  }

  @Test
  void resettingThePasswordOfNobodyFails() {
    assertThatThrownBy(() -> accounts.resetPassword("nobody", "whatever123"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void usersAreFoundByIdAndByCanonicalPrefix() {
    var alice = f.register("alice");
    f.register("Alfred");
    f.register("bob");

    assertThat(accounts.findUser(alice, alice))
        .hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("alice"));
    assertThat(accounts.searchUsers(alice, "AL"))
        .extracting(UserView::username)
        .containsExactlyInAnyOrder("alice", "Alfred");
    assertThat(accounts.searchUsers(alice, "  ")).isEmpty();
  }

  @Test
  void aUserIsFoundByUsernameInAnyFormThatCanonicalizesToIt() {
    var alice = f.register("alice");
    var bob = f.register("Bob");

    assertThat(accounts.findByUsername(alice, "bob")).map(UserView::id).hasValue(bob);
    assertThat(accounts.findByUsername(alice, " BOB ")).map(UserView::id).hasValue(bob);
    assertThat(accounts.findByUsername(alice, "ｂｏｂ")).map(UserView::id).hasValue(bob);
    assertThat(accounts.findByUsername(alice, "Bob"))
        .hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("Bob"));
  }

  @Test
  void lookingUpAnUnknownUsernameFindsNobody() {
    var alice = f.register("alice");
    f.register("bobby");

    assertThat(accounts.findByUsername(alice, "bob")).isEmpty();
  }

  @Test
  void lookingUpANameNoOneCouldHaveIsRejectedSayingWhy() {
    var alice = f.register("alice");

    assertThatThrownBy(() -> accounts.findByUsername(alice, "  "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("characters");
    assertThatThrownBy(() -> accounts.findByUsername(alice, "b".repeat(Username.MAX_LENGTH + 1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> accounts.findByUsername(alice, null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void userSearchReturnsAtMostTheDocumentedNumberOfResults() {
    for (int i = 0; i < Limits.MAX_USER_SEARCH_RESULTS + 5; i++) {
      f.register("user" + i);
    }
    var someone = f.register("zed");

    assertThat(accounts.searchUsers(someone, "user")).hasSize(Limits.MAX_USER_SEARCH_RESULTS);
  }

  private Throwable catchLogin(String username, String password) {
    try {
      accounts.logIn(new LogIn(username, password));
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** Counts verifications: the timing rule is about work done, not about wall-clock time. */
  private static final class CountingHasher implements PasswordHasher {
    private final PasswordHasher real =
        io.chatterlink.testkit.inmemory.InMemoryAdapters.testOnlyFastHasher();
    final AtomicInteger verifications = new AtomicInteger();

    @Override
    public PasswordHash hash(String password) {
      return real.hash(password);
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
      verifications.incrementAndGet();
      return real.verify(password, hash);
    }
  }
}
