package io.chatterlink.transport.websocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.UserId;
import io.chatterlink.transport.websocket.TransportSettings;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {
  private final AtomicLong nanos = new AtomicLong();
  private final ConnectionLimiter limiter =
      new ConnectionLimiter(TransportSettings.defaults().withConnectionCaps(2, 3), nanos::get);
  private final UserId alice = new UserId("alice");
  private final UserId bob = new UserId("bob");

  @Test
  void placesAreTakenAtTheHandshakeSoABurstCannotPassTheCap() {
    assertThat(limiter.admit(alice, Optional.of("a"))).isPresent();
    assertThat(limiter.admit(alice, Optional.of("a"))).isPresent();

    assertThat(limiter.admit(alice, Optional.of("b"))).as("user at cap").isEmpty();
    assertThat(limiter.admit(bob, Optional.of("a"))).isPresent();
    assertThat(limiter.admit(bob, Optional.of("a"))).as("address at cap").isEmpty();
    assertThat(limiter.placesOf(alice)).isEqualTo(2);
    assertThat(limiter.placesOf("a")).isEqualTo(3);
    assertThat(limiter.admit(bob, Optional.empty()))
        .as("an unknown address is capped per user only")
        .isPresent();
  }

  @Test
  void aReleasedPlaceIsGivenBackOnceAndARefusedOneTakesNothing() {
    ConnectionLimiter.Place place = limiter.admit(alice, Optional.of("a")).orElseThrow();
    limiter.admit(alice, Optional.of("a")).orElseThrow();
    assertThat(limiter.admit(alice, Optional.of("a"))).isEmpty();

    place.release();
    place.release();

    assertThat(limiter.placesOf(alice)).isEqualTo(1);
    assertThat(limiter.placesOf("a")).isEqualTo(1);
  }

  @Test
  void aPlaceNeverClaimedIsGivenBackAfterTheClaimWindowAndCannotBeClaimedLate() {
    ConnectionLimiter.Place vanished = limiter.admit(alice, Optional.of("a")).orElseThrow();
    ConnectionLimiter.Place opened = limiter.admit(alice, Optional.of("a")).orElseThrow();
    assertThat(opened.claim()).isTrue();

    nanos.addAndGet(ConnectionLimiter.CLAIM_WITHIN.toNanos() - 1);
    limiter.expireUnclaimed();
    assertThat(limiter.placesOf(alice)).isEqualTo(2);
    nanos.addAndGet(1);
    limiter.expireUnclaimed();

    assertThat(limiter.placesOf(alice)).isEqualTo(1);
    assertThat(vanished.claim()).isFalse();
    assertThat(limiter.admit(alice, Optional.of("a"))).isPresent();
  }

  @Test
  void aUsersSocketsShareOneBudgetWhichOutlivesNoneOfThem() {
    ConnectionLimiter.Place first = limiter.admit(alice, Optional.of("a")).orElseThrow();
    ConnectionLimiter.Place second = limiter.admit(alice, Optional.of("b")).orElseThrow();
    ConnectionLimiter.Place bobs = limiter.admit(bob, Optional.of("c")).orElseThrow();

    assertThat(first.budget()).isSameAs(second.budget()).isNotSameAs(bobs.budget());
  }
}
