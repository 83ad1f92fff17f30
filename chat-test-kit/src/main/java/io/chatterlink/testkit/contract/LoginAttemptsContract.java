package io.chatterlink.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.port.out.LoginAttempts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link LoginAttempts} follows: failures are counted per key, newest first and
 * within the time asked; clearing a key forgets only it; devices are trusted per account until
 * their expiry; pruning deletes what is old and nothing else; and two instances over one database
 * see each other's records (what lets every server process throttle alike).
 */
public abstract class LoginAttemptsContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected LoginAttemptsContract() {}

  /** Instants a database keeps exactly (microseconds suffice for every adapter). */
  protected static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

  /** The store under test, over a new, empty database. */
  protected LoginAttempts attempts;

  /**
   * A store over a new, empty database. Called once before each test.
   *
   * @return the store under test
   */
  protected abstract LoginAttempts newLoginAttempts();

  /**
   * A second store over the same database as the last {@link #newLoginAttempts()}, as another
   * server process would open it.
   *
   * @return another store over the same database
   */
  protected abstract LoginAttempts sameDatabaseAgain();

  @BeforeEach
  final void openFreshStore() {
    attempts = newLoginAttempts();
  }

  @Test
  void failuresAreCountedPerKeyNewestFirstAndOnlyFromTheInstantAsked() {
    attempts.recordFailure(Set.of("pair:alice|10.0.0.1", "address:10.0.0.1"), T0);
    attempts.recordFailure(Set.of("pair:alice|10.0.0.1"), T0.plusSeconds(10));
    attempts.recordFailure(Set.of("pair:alice|10.0.0.1"), T0.plusSeconds(20));

    assertThat(attempts.recentFailures("pair:alice|10.0.0.1", T0, 10))
        .containsExactly(T0.plusSeconds(20), T0.plusSeconds(10), T0);
    assertThat(attempts.recentFailures("pair:alice|10.0.0.1", T0.plusSeconds(10), 10))
        .containsExactly(T0.plusSeconds(20), T0.plusSeconds(10));
    assertThat(attempts.recentFailures("pair:alice|10.0.0.1", T0, 2))
        .containsExactly(T0.plusSeconds(20), T0.plusSeconds(10));
    assertThat(attempts.recentFailures("address:10.0.0.1", T0, 10)).containsExactly(T0);
    assertThat(attempts.recentFailures("pair:bob|10.0.0.1", T0, 10)).isEmpty();
  }

  @Test
  void instantsComeBackAsTheyWereRecordedToTheMicrosecond() {
    Instant precise = T0.plusNanos(123_456_000);

    attempts.recordFailure(Set.of("account:alice"), precise);

    assertThat(attempts.recentFailures("account:alice", T0, 1))
        .containsExactly(precise.truncatedTo(ChronoUnit.MICROS));
  }

  @Test
  void theSameKeyFailingTwiceAtOneInstantCountsTwice() {
    attempts.recordFailure(Set.of("account:alice"), T0);
    attempts.recordFailure(Set.of("account:alice"), T0);

    assertThat(attempts.recentFailures("account:alice", T0, 5)).containsExactly(T0, T0);
  }

  @Test
  void clearingAKeyForgetsItsFailuresOnly() {
    attempts.recordFailure(Set.of("pair:alice|10.0.0.1", "account:alice"), T0);

    attempts.clearFailures("pair:alice|10.0.0.1");
    attempts.clearFailures("pair:never-failed|10.0.0.1");

    assertThat(attempts.recentFailures("pair:alice|10.0.0.1", T0, 5)).isEmpty();
    assertThat(attempts.recentFailures("account:alice", T0, 5)).containsExactly(T0);
  }

  @Test
  void aDeviceIsTrustedForItsAccountUntilItsExpiryAndTheLatestExpiryWins() {
    attempts.trustDevice("alice", "digest-1", T0.plus(Duration.ofDays(90)));

    assertThat(attempts.isTrusted("alice", "digest-1", T0)).isTrue();
    assertThat(attempts.isTrusted("bob", "digest-1", T0)).isFalse();
    assertThat(attempts.isTrusted("alice", "digest-2", T0)).isFalse();
    assertThat(attempts.isTrusted("alice", "digest-1", T0.plus(Duration.ofDays(90)))).isFalse();

    attempts.trustDevice("alice", "digest-1", T0.plus(Duration.ofDays(180)));
    assertThat(attempts.isTrusted("alice", "digest-1", T0.plus(Duration.ofDays(100)))).isTrue();
  }

  @Test
  void oneDeviceMayBeTrustedForSeveralAccounts() {
    attempts.trustDevice("alice", "digest-1", T0.plusSeconds(60));
    attempts.trustDevice("bob", "digest-1", T0.plusSeconds(60));

    assertThat(attempts.isTrusted("alice", "digest-1", T0)).isTrue();
    assertThat(attempts.isTrusted("bob", "digest-1", T0)).isTrue();
  }

  @Test
  void pruningDeletesOldFailuresAndExpiredDevicesAndKeepsTheRest() {
    attempts.recordFailure(Set.of("account:alice", "address:10.0.0.1"), T0);
    attempts.recordFailure(Set.of("account:alice"), T0.plusSeconds(60));
    attempts.trustDevice("alice", "expired", T0.plusSeconds(30));
    attempts.trustDevice("alice", "valid", T0.plusSeconds(3600));

    int deleted = attempts.prune(T0.plusSeconds(1), T0.plusSeconds(60));

    assertThat(deleted).isEqualTo(3);
    assertThat(attempts.recentFailures("account:alice", T0.minusSeconds(60), 10))
        .containsExactly(T0.plusSeconds(60));
    assertThat(attempts.recentFailures("address:10.0.0.1", T0.minusSeconds(60), 10)).isEmpty();
    assertThat(attempts.isTrusted("alice", "valid", T0.plusSeconds(60))).isTrue();
    assertThat(attempts.prune(T0.plusSeconds(1), T0.plusSeconds(60))).isZero();
  }

  @Test
  void anotherInstanceOverTheSameDatabaseSeesTheSameRecords() {
    LoginAttempts other = sameDatabaseAgain();

    attempts.recordFailure(Set.of("account:alice"), T0);
    other.recordFailure(Set.of("account:alice"), T0.plusSeconds(1));
    other.trustDevice("alice", "digest-1", T0.plusSeconds(60));

    assertThat(attempts.recentFailures("account:alice", T0, 5)).hasSize(2);
    assertThat(other.recentFailures("account:alice", T0, 5)).hasSize(2);
    assertThat(attempts.isTrusted("alice", "digest-1", T0)).isTrue();
  }

  @Test
  void blankOrOverlongKeysAndNonPositiveLimitsAreRefused() {
    String overlong = "k".repeat(LoginAttempts.MAX_KEY_LENGTH + 1);
    String longest = "k".repeat(LoginAttempts.MAX_KEY_LENGTH);

    assertThatThrownBy(() -> attempts.recordFailure(Set.of(" "), T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> attempts.recordFailure(Set.of(overlong), T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> attempts.recentFailures("account:alice", T0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> attempts.trustDevice(overlong, "digest", T0))
        .isInstanceOf(IllegalArgumentException.class);
    attempts.recordFailure(Set.of(longest), T0);
    assertThat(attempts.recentFailures(longest, T0, 1)).containsExactly(T0);
  }
}
