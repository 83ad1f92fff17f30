package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sessions that end where the transport cannot hear it (another process, time) still close their
 * sockets, within the documented bound: one session check interval plus the check's query.
 */
class SessionEndsOverWebSocketTest {
  /** The documented bound on how late such a close may be, with the default 2 s interval. */
  private static final Duration BOUND = Duration.ofSeconds(5);

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aSessionRevokedInTheStoreBehindTheTransportsBackClosesItsSocketsWithinTheBound(
      Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting, TransportSettings.defaults())) {
      LoginResult bob = chat.user("bob");
      LoginResult alice = chat.user("alice");
      TestClient tab1 = chat.connect(bob);
      TestClient tab2 = chat.connect(bob);
      TestClient other = chat.connect(alice);

      // What `reset-password` does from the CLI, in another process: the rows go, no delivery.
      chat.adapters.sessions().deleteAllOf(bob.user().id());
      long revokedAt = System.nanoTime();

      assertThat(closeCodeWithin(tab1, BOUND)).isEqualTo(4401);
      assertThat(closeCodeWithin(tab2, BOUND)).isEqualTo(4401);
      assertThat(System.nanoTime() - revokedAt).isLessThan(BOUND.toNanos());
      assertThat(other.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
      assertThat(other.isClosed()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aSocketIsClosedOnceItsSessionPassesTheAbsoluteExpiry(Hosting hosting) {
    MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    TransportSettings settings =
        TransportSettings.defaults().withSessionCheckInterval(Duration.ofMillis(200));
    try (ChatFixture chat = new ChatFixture(hosting, settings, clock)) {
      LoginResult bob = chat.user("bob");
      TestClient socket = chat.connect(bob);
      // Used over HTTP every few days (which keeps the idle expiry away) until a minute before
      // the 30 days are up; checks run all along, and none of them closes the socket.
      for (int day = 5; day < 30; day += 5) {
        clock.advance(Duration.ofDays(5));
        assertThat(chat.core.accounts().authenticate(bob.token())).isPresent();
        sleep(Duration.ofMillis(250));
      }
      clock.advance(Duration.ofDays(5).minusMinutes(1));
      assertThat(chat.core.accounts().authenticate(bob.token())).isPresent();
      sleep(Duration.ofMillis(600));
      assertThat(socket.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);

      clock.advance(Duration.ofMinutes(1));

      assertThat(closeCodeWithin(socket, BOUND)).isEqualTo(4401);
      assertThat(chat.adapters.sessions().find(bob.sessionId())).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aSocketIsClosedOnceItsSessionPassesTheIdleExpiry(Hosting hosting) {
    MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    TransportSettings settings =
        TransportSettings.defaults().withSessionCheckInterval(Duration.ofMillis(200));
    try (ChatFixture chat = new ChatFixture(hosting, settings, clock)) {
      TestClient socket = chat.connect(chat.user("bob"));

      clock.advance(Duration.ofDays(14));

      assertThat(closeCodeWithin(socket, BOUND)).isEqualTo(4401);
    }
  }

  private static int closeCodeWithin(TestClient client, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!client.isClosed() && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(20));
    }
    assertThat(client.isClosed()).as("closed within " + bound).isTrue();
    return client.awaitCloseCode();
  }

  private static void sleep(Duration d) {
    try {
      TimeUnit.MILLISECONDS.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A clock the test moves; the server's session expiry reads it. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
