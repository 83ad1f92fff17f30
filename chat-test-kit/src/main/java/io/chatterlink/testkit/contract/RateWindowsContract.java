package io.chatterlink.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.port.out.RateWindows;
import io.chatterlink.core.port.out.RateWindows.Admitted;
import io.chatterlink.core.port.out.RateWindows.Decision;
import io.chatterlink.core.port.out.RateWindows.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link RateWindows} follows: a key admits its limit of events per window and no
 * more, refusals do not count and name the instant the key frees up, events leave the window one by
 * one, keys are independent, pruning deletes only what expired, and two instances over one database
 * share their windows, atomically: parallel attempts through both admit exactly the limit (what
 * lets every server process throttle alike).
 */
public abstract class RateWindowsContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected RateWindowsContract() {}

  /** Instants a database keeps exactly. */
  protected static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

  private static final Duration HOUR = Duration.ofHours(1);

  /** The store under test, over a new, empty database. */
  protected RateWindows windows;

  /**
   * A store over a new, empty database. Called once before each test.
   *
   * @return the store under test
   */
  protected abstract RateWindows newRateWindows();

  /**
   * A second store over the same database as the last {@link #newRateWindows()}, as another server
   * process would open it.
   *
   * @return another store over the same database
   */
  protected abstract RateWindows sameDatabaseAgain();

  @BeforeEach
  final void openFreshStore() {
    windows = newRateWindows();
  }

  @Test
  void aKeyAdmitsItsLimitWithinTheWindowAndThenRefusesUntilTheOldestEventLeavesIt() {
    assertThat(windows.acquire("registration:10.0.0.1", 3, HOUR, T0)).isEqualTo(new Admitted(1));
    assertThat(windows.acquire("registration:10.0.0.1", 3, HOUR, T0.plusSeconds(10)))
        .isEqualTo(new Admitted(2));
    assertThat(windows.acquire("registration:10.0.0.1", 3, HOUR, T0.plusSeconds(20)))
        .isEqualTo(new Admitted(3));

    assertThat(windows.acquire("registration:10.0.0.1", 3, HOUR, T0.plusSeconds(30)))
        .isEqualTo(new Refused(T0.plus(HOUR)));
    assertThat(windows.acquire("registration:10.0.0.1", 3, HOUR, T0.plus(HOUR).minusMillis(1)))
        .isInstanceOf(Refused.class);
    assertThat(windows.acquire("registration:10.0.0.1", 3, HOUR, T0.plus(HOUR)))
        .isEqualTo(new Admitted(3));
  }

  @Test
  void refusedAttemptsAreNotCounted() {
    windows.acquire("search:alice", 1, HOUR, T0);
    for (int i = 1; i <= 5; i++) {
      assertThat(windows.acquire("search:alice", 1, HOUR, T0.plusSeconds(i)))
          .isEqualTo(new Refused(T0.plus(HOUR)));
    }

    assertThat(windows.acquire("search:alice", 1, HOUR, T0.plus(HOUR))).isEqualTo(new Admitted(1));
  }

  @Test
  void eventsLeaveTheWindowOneByOneAndTheRefusalNamesTheOneThatFreesTheKey() {
    windows.acquire("k", 2, Duration.ofSeconds(60), T0);
    windows.acquire("k", 2, Duration.ofSeconds(60), T0.plusSeconds(30));

    assertThat(windows.acquire("k", 2, Duration.ofSeconds(60), T0.plusSeconds(45)))
        .isEqualTo(new Refused(T0.plusSeconds(60)));
    assertThat(windows.acquire("k", 2, Duration.ofSeconds(60), T0.plusSeconds(61)))
        .isEqualTo(new Admitted(2));
    assertThat(windows.acquire("k", 2, Duration.ofSeconds(60), T0.plusSeconds(62)))
        .isEqualTo(new Refused(T0.plusSeconds(90)));
  }

  @Test
  void aLowerLimitAfterMoreEventsIsRefusedUntilEnoughOfThemLeave() {
    for (int i = 0; i < 4; i++) {
      windows.acquire("k", 10, Duration.ofSeconds(60), T0.plusSeconds(i));
    }

    assertThat(windows.acquire("k", 2, Duration.ofSeconds(60), T0.plusSeconds(10)))
        .isEqualTo(new Refused(T0.plusSeconds(62)));
  }

  @Test
  void keysAreCountedApart() {
    windows.acquire("registration:10.0.0.1", 1, HOUR, T0);

    assertThat(windows.acquire("registration:10.0.0.2", 1, HOUR, T0)).isEqualTo(new Admitted(1));
    assertThat(windows.acquire("search:10.0.0.1", 1, HOUR, T0)).isEqualTo(new Admitted(1));
    assertThat(windows.acquire("registration:10.0.0.1", 1, HOUR, T0)).isInstanceOf(Refused.class);
  }

  @Test
  void pruningDeletesExpiredEventsOnlyAndTheKeysStillCountWhatIsLeft() {
    windows.acquire("a", 5, Duration.ofSeconds(10), T0);
    windows.acquire("b", 5, Duration.ofSeconds(10), T0);
    windows.acquire("b", 5, Duration.ofSeconds(10), T0.plusSeconds(5));
    windows.acquire("c", 5, Duration.ofSeconds(60), T0);

    assertThat(windows.prune(T0.plusSeconds(10))).isEqualTo(2);
    assertThat(windows.prune(T0.plusSeconds(10))).isZero();
    assertThat(windows.acquire("b", 5, Duration.ofSeconds(10), T0.plusSeconds(10)))
        .isEqualTo(new Admitted(2));
    assertThat(windows.acquire("c", 5, Duration.ofSeconds(60), T0.plusSeconds(10)))
        .isEqualTo(new Admitted(2));
    assertThat(windows.acquire("a", 5, Duration.ofSeconds(10), T0.plusSeconds(10)))
        .isEqualTo(new Admitted(1));
  }

  @Test
  void anotherInstanceOverTheSameDatabaseCountsTheSameEvents() {
    RateWindows other = sameDatabaseAgain();

    windows.acquire("registration:10.0.0.1", 2, HOUR, T0);
    other.acquire("registration:10.0.0.1", 2, HOUR, T0.plusSeconds(1));

    assertThat(windows.acquire("registration:10.0.0.1", 2, HOUR, T0.plusSeconds(2)))
        .isEqualTo(new Refused(T0.plus(HOUR)));
    assertThat(other.acquire("registration:10.0.0.1", 2, HOUR, T0.plusSeconds(2)))
        .isEqualTo(new Refused(T0.plus(HOUR)));
  }

  @Test
  void parallelAttemptsThroughTwoInstancesAdmitExactlyTheLimit() {
    RateWindows other = sameDatabaseAgain();
    int limit = 5;

    List<Decision> decisions =
        Concurrently.run(
            16,
            i ->
                (i % 2 == 0 ? windows : other)
                    .acquire("registration:10.0.0.9", limit, HOUR, T0.plusMillis(i)));

    assertThat(decisions).filteredOn(Admitted.class::isInstance).hasSize(limit);
    assertThat(decisions).filteredOn(Refused.class::isInstance).hasSize(16 - limit);
    assertThat(windows.acquire("registration:10.0.0.9", limit, HOUR, T0.plusSeconds(1)))
        .isInstanceOf(Refused.class);
  }

  @Test
  void badKeysLimitsAndWindowsAreRefused() {
    String longest = "k".repeat(RateWindows.MAX_KEY_LENGTH);

    assertThatThrownBy(() -> windows.acquire(" ", 1, HOUR, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> windows.acquire(longest + "k", 1, HOUR, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> windows.acquire("k", 0, HOUR, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> windows.acquire("k", RateWindows.MAX_LIMIT + 1, HOUR, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> windows.acquire("k", 1, Duration.ZERO, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(windows.acquire(longest, RateWindows.MAX_LIMIT, HOUR, T0))
        .isEqualTo(new Admitted(1));
  }
}
