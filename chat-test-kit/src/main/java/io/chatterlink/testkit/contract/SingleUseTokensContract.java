package io.chatterlink.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.port.out.SingleUseTokens;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link SingleUseTokens} follows: a token is spent once until it expires, a
 * released token can be spent again, pruning forgets expired tokens only, and two instances over
 * one database share what was spent, atomically: of parallel spends of one token through both,
 * exactly one succeeds.
 */
public abstract class SingleUseTokensContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected SingleUseTokensContract() {}

  /** Instants a database keeps exactly. */
  protected static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

  private static final Instant EXPIRY = T0.plusSeconds(3600);

  /** The store under test, over a new, empty database. */
  protected SingleUseTokens tokens;

  /**
   * A store over a new, empty database. Called once before each test.
   *
   * @return the store under test
   */
  protected abstract SingleUseTokens newSingleUseTokens();

  /**
   * A second store over the same database as the last {@link #newSingleUseTokens()}, as another
   * server process (or the same one after a restart) would open it.
   *
   * @return another store over the same database
   */
  protected abstract SingleUseTokens sameDatabaseAgain();

  @BeforeEach
  final void openFreshStore() {
    tokens = newSingleUseTokens();
  }

  @Test
  void aTokenIsSpentOnceAndOtherTokensStaySpendable() {
    assertThat(tokens.spend("digest-1", EXPIRY, T0)).isTrue();

    assertThat(tokens.spend("digest-1", EXPIRY, T0.plusSeconds(1))).isFalse();
    assertThat(tokens.spend("digest-1", EXPIRY.plusSeconds(99), T0.plusSeconds(2))).isFalse();
    assertThat(tokens.spend("digest-2", EXPIRY, T0.plusSeconds(3))).isTrue();
  }

  @Test
  void aSpentTokenIsForgottenOnceItsExpiryPassed() {
    tokens.spend("digest-1", EXPIRY, T0);

    assertThat(tokens.spend("digest-1", EXPIRY, EXPIRY.minusMillis(1))).isFalse();
    assertThat(tokens.spend("digest-1", EXPIRY.plusSeconds(60), EXPIRY)).isTrue();
  }

  @Test
  void aReleasedTokenCanBeSpentAgainAndReleasingAnUnknownOneDoesNothing() {
    tokens.spend("digest-1", EXPIRY, T0);

    tokens.release("digest-1");
    tokens.release("never-spent");

    assertThat(tokens.spend("digest-1", EXPIRY, T0.plusSeconds(1))).isTrue();
    assertThat(tokens.spend("digest-1", EXPIRY, T0.plusSeconds(2))).isFalse();
  }

  @Test
  void pruningForgetsExpiredTokensOnly() {
    tokens.spend("old", T0.plusSeconds(10), T0);
    tokens.spend("due", T0.plusSeconds(20), T0);
    tokens.spend("valid", T0.plusSeconds(21), T0);

    assertThat(tokens.prune(T0.plusSeconds(20))).isEqualTo(2);
    assertThat(tokens.prune(T0.plusSeconds(20))).isZero();
    assertThat(tokens.spend("valid", T0.plusSeconds(21), T0.plusSeconds(20))).isFalse();
  }

  @Test
  void aTokenSpentThroughOneInstanceIsSpentForAnotherOverTheSameDatabase() {
    SingleUseTokens other = sameDatabaseAgain();

    tokens.spend("digest-1", EXPIRY, T0);

    assertThat(other.spend("digest-1", EXPIRY, T0.plusSeconds(1))).isFalse();
    other.release("digest-1");
    assertThat(tokens.spend("digest-1", EXPIRY, T0.plusSeconds(2))).isTrue();
  }

  @Test
  void ofParallelSpendsOfOneTokenThroughTwoInstancesExactlyOneSucceeds() {
    SingleUseTokens other = sameDatabaseAgain();

    List<Boolean> spent =
        Concurrently.run(12, i -> (i % 2 == 0 ? tokens : other).spend("digest-x", EXPIRY, T0));

    assertThat(spent).containsOnlyOnce(true);
  }

  @Test
  void blankOrOverlongDigestsAreRefused() {
    String longest = "d".repeat(SingleUseTokens.MAX_DIGEST_LENGTH);

    assertThatThrownBy(() -> tokens.spend(" ", EXPIRY, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.spend(longest + "d", EXPIRY, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.release("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(tokens.spend(longest, EXPIRY, T0)).isTrue();
  }
}
