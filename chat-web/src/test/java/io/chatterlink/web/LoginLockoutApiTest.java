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

/**
 * Guessing is limited, but a guesser cannot lock the owner out (issue #10, finding 6). The server
 * trusts proxy headers so that each request can come from an address of the test's choice.
 */
class LoginLockoutApiTest {
  static final String ALICE_PASSWORD = "correct horse alice";

  @TempDir Path uploads;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(uploads, s -> s.withTrustProxyHeaders(true), clock);
    server.signedIn("alice");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void wrongPasswordsFromOneAddressNeverStopTheRightPasswordFromAnother() {
    for (int i = 0; i < 5; i++) {
      assertThat(login(server.client(), "10.0.0.1", "alice", "wrong " + i).status()).isEqualTo(401);
    }
    for (int i = 0; i < 30; i++) {
      assertThat(login(server.client(), "10.0.0.1", "alice", "wrong again").status())
          .as("guesses from the first address stay limited")
          .isEqualTo(429);
    }

    WebClient.Reply owner = login(server.client(), "10.0.0.2", "alice", ALICE_PASSWORD);

    assertThat(owner.status()).isEqualTo(200);
  }

  @Test
  void guessesOnOneAccountFromOneAddressAreLimitedToFivePerWindowWithRetryAfter() {
    for (int i = 0; i < 5; i++) {
      login(server.client(), "10.0.0.1", "alice", "wrong " + i);
    }
    WebClient.Reply refused = login(server.client(), "10.0.0.1", "alice", ALICE_PASSWORD);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.error()).isEqualTo("rate_limited");
    assertThat(refused.header("Retry-After")).contains("900");
    clock.advance(Duration.ofMinutes(15));
    assertThat(login(server.client(), "10.0.0.1", "alice", ALICE_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void oneAddressGetsTwentyFailuresPerWindowAcrossAllUsernames() {
    for (int i = 0; i < 20; i++) {
      assertThat(login(server.client(), "10.0.0.1", "guess" + i, "wrong").status()).isEqualTo(401);
    }

    assertThat(login(server.client(), "10.0.0.1", "someone", "wrong").status()).isEqualTo(429);
    assertThat(login(server.client(), "10.0.0.1", "alice", ALICE_PASSWORD).status()).isEqualTo(429);
    assertThat(login(server.client(), "10.0.0.2", "someone", "wrong").status()).isEqualTo(401);
  }

  @Test
  void aGuesserWithManyAddressesLocksOutUnknownDevicesButNeverTheOwnersBrowser() {
    WebClient browser = server.client();
    assertThat(login(browser, "10.0.0.2", "alice", ALICE_PASSWORD).status()).isEqualTo(200);
    for (int i = 0; i < 10; i++) {
      assertThat(login(server.client(), "10.1.0." + i, "alice", "wrong").status()).isEqualTo(401);
    }

    WebClient.Reply unknownDevice = login(server.client(), "10.2.0.1", "alice", ALICE_PASSWORD);
    WebClient.Reply ownersBrowser = login(browser, "10.3.0.1", "alice", ALICE_PASSWORD);

    assertThat(unknownDevice.status()).isEqualTo(429);
    assertThat(ownersBrowser.status()).isEqualTo(200);
  }

  @Test
  void theOwnersBrowserIsNotBlockedByTheLimitOfAnAddressItSharesWithAGuesser() {
    WebClient browser = server.client();
    assertThat(login(browser, "10.0.0.7", "alice", ALICE_PASSWORD).status()).isEqualTo(200);
    for (int i = 0; i < 25; i++) {
      login(server.client(), "10.0.0.7", "guess" + i, "wrong");
    }

    assertThat(login(browser, "10.0.0.7", "alice", ALICE_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void theDeviceCookieIsHttpOnlyStrictAndHostPrefixedWhenSecure() {
    WebClient plain = server.client();
    login(plain, "10.0.0.1", "alice", ALICE_PASSWORD);
    try (TestServer secure =
        TestServer.start(
            uploads,
            s -> s.withSecureCookies(true).withDeviceTrust(10, Duration.ofDays(30)),
            clock)) {
      secure.signedIn("bob");
      WebClient.Reply reply =
          secure
              .client()
              .post("/api/login", Map.of("username", "bob", "password", "correct horse bob"));

      assertThat(reply.headers("Set-Cookie"))
          .filteredOn(c -> c.startsWith(DeviceCookie.SECURE_NAME + "="))
          .singleElement()
          .satisfies(
              c ->
                  assertThat(c)
                      .containsIgnoringCase("HttpOnly")
                      .containsIgnoringCase("Secure")
                      .containsIgnoringCase("SameSite=Strict")
                      .containsIgnoringCase("Path=/")
                      .containsIgnoringCase("Max-Age=" + Duration.ofDays(30).toSeconds()));
    }
    assertThat(plain.cookies).containsKey(DeviceCookie.NAME);
  }

  @Test
  void twoServersOnTheSameStoresShareOneThrottle() {
    try (TestServer other = TestServer.besides(server, clock)) {
      for (int i = 0; i < 3; i++) {
        login(server.client(), "10.0.0.1", "alice", "wrong");
        login(other.client(), "10.0.0.1", "alice", "wrong");
      }

      assertThat(login(server.client(), "10.0.0.1", "alice", ALICE_PASSWORD).status())
          .isEqualTo(429);
      assertThat(login(other.client(), "10.0.0.1", "alice", ALICE_PASSWORD).status())
          .isEqualTo(429);
    }
  }

  private static WebClient.Reply login(
      WebClient client, String address, String name, String password) {
    return client.post(
        "/api/login", Map.of("username", name, "password", password), "X-Forwarded-For", address);
  }
}
