package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginThrottleApiTest {
  @TempDir Path uploads;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  TestServer server;

  @BeforeEach
  void start() {
    server =
        TestServer.start(uploads, s -> s.withLoginThrottle(3, 6, Duration.ofMinutes(10)), clock);
    server.signedIn("alice");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAccountIsThrottledAfterItsFailuresWithRetryAfterUntilTheWindowPasses() {
    for (int i = 0; i < 3; i++) {
      assertThat(login("alice", "wrong password").status()).isEqualTo(401);
    }
    WebClient.Reply throttled = login("alice", "correct horse alice");

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.error()).isEqualTo("rate_limited");
    assertThat(throttled.header("Retry-After")).contains("600");

    clock.advance(Duration.ofMinutes(4));
    assertThat(login("alice", "correct horse alice").header("Retry-After")).contains("360");
    clock.advance(Duration.ofMinutes(6));
    assertThat(login("alice", "correct horse alice").status()).isEqualTo(200);
  }

  @Test
  void anUnknownUserIsThrottledExactlyLikeAKnownOne() {
    for (int i = 0; i < 3; i++) {
      login("nobody", "wrong password");
      login("alice", "wrong password");
    }
    WebClient.Reply unknown = login("nobody", "wrong password");
    WebClient.Reply known = login("alice", "wrong password");

    assertThat(unknown.status()).isEqualTo(429).isEqualTo(known.status());
    assertThat(new String(unknown.bytes())).isEqualTo(new String(known.bytes()));
  }

  @Test
  void oneAddressIsThrottledAcrossUsernames() {
    for (int i = 0; i < 6; i++) {
      assertThat(login("guess" + i, "wrong password").status()).isEqualTo(401);
    }
    assertThat(login("alice", "correct horse alice").status()).isEqualTo(429);
  }

  @Test
  void aSuccessfulLoginClearsTheAccountsFailures() {
    login("alice", "wrong password");
    login("alice", "wrong password");
    assertThat(login("alice", "correct horse alice").status()).isEqualTo(200);
    login("alice", "wrong password");
    login("alice", "wrong password");
    assertThat(login("alice", "correct horse alice").status()).isEqualTo(200);
  }

  @Test
  void namesThatDifferOnlyInCaseShareOneBudget() {
    login("ALICE", "wrong password");
    login("Alice", "wrong password");
    login("alice", "wrong password");
    assertThat(login("aLiCe", "correct horse alice").status()).isEqualTo(429);
  }

  @Test
  void registrationsFromOneAddressAreLimitedWhateverTheirOutcome() {
    try (TestServer limited =
        TestServer.start(uploads, s -> s.withRegistrationThrottle(2, Duration.ofHours(1)), clock)) {
      WebClient.Reply first = register(limited, "carol");
      WebClient.Reply taken = register(limited, "carol");
      WebClient.Reply third = register(limited, "dave");

      assertThat(first.status()).isEqualTo(201);
      assertThat(taken.status()).isEqualTo(409);
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.header("Retry-After")).contains("3600");
      clock.advance(Duration.ofHours(1));
      assertThat(register(limited, "dave").status()).isEqualTo(201);
    }
  }

  @Test
  void behindATrustedProxyTheAddressIsTheOneTheProxyAddedNotOneTheClientForged() {
    try (TestServer proxied =
        TestServer.start(
            uploads,
            s -> s.withTrustProxyHeaders(true).withLoginThrottle(3, 6, Duration.ofMinutes(10)),
            clock)) {
      for (int i = 0; i < 6; i++) {
        WebClient.Reply reply =
            proxied
                .client()
                .post(
                    "/api/login",
                    Map.of("username", "guess" + i, "password", "wrong password"),
                    "X-Forwarded-For",
                    "10.9.9." + i + ", 203.0.113.7");
        assertThat(reply.status()).isEqualTo(401);
      }
      WebClient.Reply sameClient =
          proxied
              .client()
              .post(
                  "/api/login",
                  Map.of("username", "other", "password", "wrong password"),
                  "X-Forwarded-For",
                  "203.0.113.7");
      WebClient.Reply anotherClient =
          proxied
              .client()
              .post(
                  "/api/login",
                  Map.of("username", "other", "password", "wrong password"),
                  "X-Forwarded-For",
                  "203.0.113.7, 198.51.100.1");

      assertThat(sameClient.status()).isEqualTo(429);
      assertThat(anotherClient.status()).isEqualTo(401);
    }
  }

  private static WebClient.Reply register(TestServer target, String name) {
    return target
        .client()
        .post("/api/register", Map.of("username", name, "password", "correct horse"));
  }

  private WebClient.Reply login(String name, String password) {
    return server.client().post("/api/login", Map.of("username", name, "password", password));
  }
}
