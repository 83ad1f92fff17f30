package io.chatterlink.transport.websocket;

import static io.chatterlink.transport.websocket.TestClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An embedder's own login hands the socket a user: the authenticator sees the request, the socket
 * acts as the user it names, and it lives as long as the embedder's credential, not a ChatterLink
 * session.
 */
class CustomAuthenticationOverWebSocketTest {
  private static final TransportSettings FAST_SWEEP =
      TransportSettings.defaults().withSessionCheckInterval(Duration.ofMillis(100));

  /** The embedder's sessions: cookie {@code app_session} → user id, and the revoked ones. */
  private static class AppLogin implements HandshakeAuthenticator {
    final Map<String, UserId> sessions = new ConcurrentHashMap<>();

    /** How long a credential lives, counted from the handshake (a negative one is stale). */
    final Map<String, Duration> lifetimes = new ConcurrentHashMap<>();

    final Set<String> revoked = ConcurrentHashMap.newKeySet();
    final Set<String> addressesSeen = ConcurrentHashMap.newKeySet();

    @Override
    public Outcome authenticate(UpgradeRequest request) {
      request.clientAddress().ifPresent(addressesSeen::add);
      Optional<String> session = request.cookie("app_session");
      if (session.isEmpty() || !sessions.containsKey(session.get())) {
        return new Refused(HandshakeRefusal.NOT_AUTHENTICATED, "no app session");
      }
      return new Accepted(
          sessions.get(session.get()),
          new Revocation.Grant(
              session.get(),
              Optional.ofNullable(lifetimes.get(session.get())).map(Instant.now()::plus)));
    }

    @Override
    public Set<String> endedAmong(Set<String> grantIds) {
      return Set.copyOf(
          grantIds.stream().filter(revoked::contains).collect(java.util.stream.Collectors.toSet()));
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void theSocketActsAsTheUserTheAuthenticatorNamesWithoutAChatterLinkCookie(Hosting hosting) {
    AppLogin login = new AppLogin();
    try (ChatFixture chat = fixture(hosting, login)) {
      LoginResult alice = chat.user("alice");
      login.sessions.put("app-1", alice.user().id());

      TestClient socket = open(chat, "app_session=app-1");

      assertThat(socket.await(ofType("hello")).path("user").path("id").asText())
          .isEqualTo(alice.user().id().value());
      assertThat(login.addressesSeen).containsExactly("127.0.0.1");
      assertThat(
              HandshakeProbe.send(
                      chat.uri().getPort(), "/ws", Map.of("Cookie", ChatFixture.cookie(alice)))
                  .status())
          .as("the ChatterLink cookie means nothing to this authenticator")
          .isEqualTo(401);
      socket.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aGrantSocketOutlivesChatterLinkLogoutsButClosesWith4401WhenTheEmbedderEndsIt(
      Hosting hosting) {
    AppLogin login = new AppLogin();
    try (ChatFixture chat = fixture(hosting, login)) {
      LoginResult alice = chat.user("alice");
      login.sessions.put("app-1", alice.user().id());
      login.sessions.put("app-2", alice.user().id());
      TestClient ended = open(chat, "app_session=app-1");
      TestClient kept = open(chat, "app_session=app-2");
      ended.await(ofType("hello"));
      kept.await(ofType("hello"));

      chat.core.accounts().logOut(alice.token());
      chat.transport.delivery().recheckSessions();
      sleep(Duration.ofMillis(400)); // several sweeps
      assertThat(ended.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);

      login.revoked.add("app-1");

      assertThat(ended.awaitCloseCode()).isEqualTo(4401);
      assertThat(kept.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
      kept.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aGrantSocketClosesWith4401OnceItsExpiryPasses(Hosting hosting) {
    AppLogin login = new AppLogin();
    try (ChatFixture chat = fixture(hosting, login)) {
      LoginResult alice = chat.user("alice");
      login.sessions.put("app-1", alice.user().id());
      login.sessions.put("stale", alice.user().id());
      login.lifetimes.put("app-1", Duration.ofSeconds(1));
      login.lifetimes.put("stale", Duration.ofSeconds(-1));
      TestClient socket = open(chat, "app_session=app-1");

      assertThat(socket.awaitCloseCode()).isEqualTo(4401);
      assertThat(
              HandshakeProbe.send(
                      chat.uri().getPort(), "/ws", Map.of("Cookie", "app_session=stale"))
                  .isCleanRefusal(401))
          .as("an expired grant is refused at the handshake")
          .isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void anAuthenticatorThatFailsToAnswerClosesNothing(Hosting hosting) {
    AppLogin login =
        new AppLogin() {
          @Override
          public Set<String> endedAmong(Set<String> grantIds) {
            throw new IllegalStateException("identity store down");
          }
        };
    try (ChatFixture chat = fixture(hosting, login)) {
      LoginResult alice = chat.user("alice");
      login.sessions.put("app-1", alice.user().id());
      TestClient socket = open(chat, "app_session=app-1");
      socket.await(ofType("hello"));
      sleep(Duration.ofMillis(400)); // several failing sweeps

      assertThat(socket.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
      socket.close();
    }
  }

  private static ChatFixture fixture(Hosting hosting, HandshakeAuthenticator authenticator) {
    return new ChatFixture(
        hosting, WebSocketTransport.builder(FAST_SWEEP).authenticator(authenticator));
  }

  private static TestClient open(ChatFixture chat, String cookie) {
    return TestClient.open(chat.uri(), Optional.of(cookie), Optional.empty(), true).join();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
