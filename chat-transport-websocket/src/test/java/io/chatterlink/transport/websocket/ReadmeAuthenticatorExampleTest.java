package io.chatterlink.transport.websocket;

import static io.chatterlink.transport.websocket.TestClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's custom-authenticator example compiles, runs, and is the code shown there. */
class ReadmeAuthenticatorExampleTest {
  private static final Path TEST =
      Path.of(
          "src/test/java/io/chatterlink/transport/websocket/ReadmeAuthenticatorExampleTest.java");
  private static final Path README = Path.of("../README.md");

  /** The application's own sessions, as the README's example imagines them. */
  record AppSession(String id, UserId chatterLinkUserId, Instant expiresAt) {}

  /** The application's own login: session cookie value → session. */
  static final class MyLogin {
    final Map<String, AppSession> sessions = new ConcurrentHashMap<>();

    Optional<AppSession> userFor(Optional<String> cookie, Optional<Principal> principal) {
      return cookie.map(sessions::get);
    }
  }

  private static WebSocketTransport example(MyLogin myLogin) {
    // README-BEGIN
    WebSocketTransport transport =
        WebSocketTransport.builder(TransportSettings.defaults())
            .path("/chat/socket") // segments of letters, digits, - _ ~ . ; at most 200 characters
            .authenticator(
                request ->
                    myLogin
                        .userFor(request.cookie("MYAPP_SESSION"), request.userPrincipal())
                        .<HandshakeAuthenticator.Outcome>map(
                            s ->
                                new HandshakeAuthenticator.Accepted(
                                    s.chatterLinkUserId(),
                                    new Revocation.Grant(s.id(), Optional.of(s.expiresAt()))))
                        .orElse(
                            new HandshakeAuthenticator.Refused(
                                HandshakeRefusal.NOT_AUTHENTICATED, "no app session")))
            .build();
    // README-END
    return transport;
  }

  @Test
  void theExampleAuthenticatesWithTheApplicationsCookie() {
    MyLogin myLogin = new MyLogin();
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW, example(myLogin))) {
      LoginResult alice = chat.user("alice");
      myLogin.sessions.put(
          "s3cret", new AppSession("app-1", alice.user().id(), Instant.now().plusSeconds(600)));

      TestClient client =
          TestClient.open(chat.uri(), Optional.of("MYAPP_SESSION=s3cret"), Optional.empty(), true)
              .join();

      assertThat(chat.uri().getPath()).isEqualTo("/chat/socket");
      assertThat(client.await(ofType("hello")).path("user").path("id").asText())
          .isEqualTo(alice.user().id().value());
      client.close();
    }
  }

  @Test
  void theReadmeShowsExactlyTheCodeThatThisTestRuns() throws IOException {
    String test = Files.readString(TEST);
    String snippet =
        test.substring(
            test.indexOf("// README-BEGIN") + "// README-BEGIN".length(),
            test.indexOf("// README-END"));
    assertThat(normalized(Files.readString(README))).contains(normalized(snippet));
  }

  private static String normalized(String text) {
    return Arrays.stream(text.split("\n"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
