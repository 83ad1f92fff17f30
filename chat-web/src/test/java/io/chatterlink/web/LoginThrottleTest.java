package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.port.out.LoginAttempts;
import io.chatterlink.testkit.MutableClock;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  final LoginAttempts store = InMemoryAdapters.create().loginAttempts();

  LoginThrottle throttle(int perPair, int perAddress, int perAccount, Duration window) {
    return new LoginThrottle(
        store,
        new LoginLimits(perPair, perAddress, perAccount, window, Duration.ofDays(90)),
        clock);
  }

  static LoginThrottle.Attempt from(String account, String address) {
    return new LoginThrottle.Attempt(account, address, Optional.empty());
  }

  @Test
  void onlyTheLatestFailuresWithinTheWindowCount() {
    LoginThrottle throttle = throttle(2, 100, 100, Duration.ofMinutes(10));
    throttle.failed(from("alice", "10.0.0.1"), false);
    clock.advance(Duration.ofMinutes(9));
    throttle.failed(from("alice", "10.0.0.1"), false);
    assertThatThrownBy(() -> throttle.checkAllowed(from("alice", "10.0.0.1")))
        .isInstanceOfSatisfying(
            RetryLaterException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(60));
    clock.advance(Duration.ofMinutes(1));
    assertThatCode(() -> throttle.checkAllowed(from("alice", "10.0.0.1")))
        .doesNotThrowAnyException();
  }

  @Test
  void retryAfterIsRoundedUpToAWholeSecond() {
    LoginThrottle throttle = throttle(1, 100, 100, Duration.ofMillis(1500));
    throttle.failed(from("alice", "10.0.0.1"), false);
    assertThatThrownBy(() -> throttle.checkAllowed(from("alice", "10.0.0.1")))
        .isInstanceOfSatisfying(
            RetryLaterException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(2));
  }

  @Test
  void failuresOnOneAccountFromOneAddressDoNotBlockThatAccountFromAnotherAddress() {
    LoginThrottle throttle = throttle(3, 100, 100, Duration.ofMinutes(15));
    for (int i = 0; i < 3; i++) {
      throttle.failed(from("alice", "10.0.0.1"), false);
    }

    assertThatThrownBy(() -> throttle.checkAllowed(from("alice", "10.0.0.1")))
        .isInstanceOf(RetryLaterException.class);
    assertThatCode(() -> throttle.checkAllowed(from("alice", "10.0.0.2")))
        .doesNotThrowAnyException();
  }

  @Test
  void aTrustedDeviceIsNotBlockedByFailuresOnItsAccountFromEverywhereElse() {
    LoginThrottle throttle = throttle(3, 5, 4, Duration.ofMinutes(15));
    String token = DeviceCookie.newToken();
    throttle.succeeded(from("alice", "10.0.0.9"), false, token);
    for (int i = 0; i < 40; i++) {
      throttle.failed(from("alice", "10.0." + i + ".1"), false);
      throttle.failed(from("guess" + i, "10.0.0.9"), false);
    }
    LoginThrottle.Attempt trustedDevice =
        new LoginThrottle.Attempt("alice", "10.0.0.9", Optional.of(token));
    LoginThrottle.Attempt otherAccount =
        new LoginThrottle.Attempt("bob", "10.0.0.9", Optional.of(token));

    assertThatThrownBy(() -> throttle.checkAllowed(from("alice", "10.9.9.9")))
        .as("unknown devices are locked out of the account")
        .isInstanceOf(RetryLaterException.class);
    assertThat(throttle.checkAllowed(trustedDevice)).isTrue();
    assertThatThrownBy(() -> throttle.checkAllowed(otherAccount))
        .as("the cookie is trusted for alice only; the address is over its limit")
        .isInstanceOf(RetryLaterException.class);
  }

  @Test
  void aTrustedDeviceIsItselfLimitedToItsOwnBudgetOfGuesses() {
    LoginThrottle throttle = throttle(3, 100, 100, Duration.ofMinutes(15));
    String token = DeviceCookie.newToken();
    throttle.succeeded(from("alice", "10.0.0.9"), false, token);
    LoginThrottle.Attempt device =
        new LoginThrottle.Attempt("alice", "10.0.0.9", Optional.of(token));
    for (int i = 0; i < 3; i++) {
      throttle.failed(device, throttle.checkAllowed(device));
    }

    assertThatThrownBy(() -> throttle.checkAllowed(device)).isInstanceOf(RetryLaterException.class);
  }

  @Test
  void aDeviceTrustEndsAfterItsLifetime() {
    LoginThrottle throttle = throttle(3, 100, 100, Duration.ofMinutes(15));
    String token = DeviceCookie.newToken();
    throttle.succeeded(from("alice", "10.0.0.9"), false, token);
    LoginThrottle.Attempt device =
        new LoginThrottle.Attempt("alice", "10.0.0.9", Optional.of(token));

    assertThat(throttle.checkAllowed(device)).isTrue();
    clock.advance(Duration.ofDays(90));
    assertThat(throttle.checkAllowed(device)).isFalse();
  }

  @Test
  void oldFailuresArePrunedFromTheStore() {
    LoginThrottle throttle = throttle(3, 100, 100, Duration.ofMinutes(15));
    throttle.failed(from("alice", "10.0.0.1"), false);
    clock.advance(Duration.ofMinutes(16));

    throttle.failed(from("bob", "10.0.0.2"), false);

    assertThat(store.recentFailures("account:alice", Instant.EPOCH, 10)).isEmpty();
    assertThat(store.recentFailures("account:bob", Instant.EPOCH, 10)).hasSize(1);
  }

  @Test
  void anIpv6ClientCountsByItsSlash64() {
    assertThat(ClientAddresses.networkOf("2001:db8:1:2:aaaa::1"))
        .isEqualTo(ClientAddresses.networkOf("[2001:db8:1:2:bbbb::7]"))
        .isNotEqualTo(ClientAddresses.networkOf("2001:db8:1:3::1"));
    assertThat(ClientAddresses.networkOf("::ffff:10.0.0.1")).isEqualTo("10.0.0.1");
    assertThat(ClientAddresses.networkOf("10.0.0.1")).isEqualTo("10.0.0.1");
  }

  @Test
  void aVeryLongNameIsKeptAsADigestThatStillCounts() {
    LoginThrottle throttle = throttle(1, 100, 100, Duration.ofMinutes(15));
    String longName = "\uFDFA".repeat(32);
    throttle.failed(from(longName, "10.0.0.1"), false);

    assertThatThrownBy(() -> throttle.checkAllowed(from(longName, "10.0.0.1")))
        .isInstanceOf(RetryLaterException.class);
  }
}
