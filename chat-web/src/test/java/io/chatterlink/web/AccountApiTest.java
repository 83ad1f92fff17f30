package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.SessionToken;
import io.chatterlink.core.policy.SessionCookie;
import io.chatterlink.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountApiTest {
  @TempDir Path uploads;
  TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(uploads);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void registrationAndPasswordChangeRefuseACommonPasswordWith400SayingSo() {
    WebClient.Reply common =
        server.client().post("/api/register", Map.of("username", "carol", "password", "Password"));
    WebClient.Reply spaces =
        server.client().post("/api/register", Map.of("username", "carol", "password", "        "));
    WebClient dora = server.signedIn("dora");
    WebClient.Reply change =
        dora.post(
            "/api/password",
            Map.of("currentPassword", "correct horse dora", "newPassword", "12345678"));

    assertThat(common.status()).isEqualTo(400);
    assertThat(common.json().path("message").asText()).contains("too common");
    assertThat(spaces.status()).isEqualTo(400);
    assertThat(change.status()).isEqualTo(400);
    assertThat(change.json().path("message").asText()).contains("too common");
  }

  @Test
  void registeringSetsAnHttpOnlyLaxSessionCookieAndAReadableCsrfCookie() {
    WebClient alice = server.client();
    WebClient.Reply reply =
        alice.post("/api/register", Map.of("username", "alice", "password", "correct horse"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().at("/user/username").asText()).isEqualTo("alice");
    String session = cookie(reply, Cookies.SESSION);
    assertThat(session)
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/")
        .doesNotContain("Secure");
    assertThat(alice.cookies.get(Cookies.SESSION)).hasSizeGreaterThanOrEqualTo(43);
    String csrf = rawGet(server, "/api/config").headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(csrf)
        .startsWith(Cookies.CSRF + "=")
        .doesNotContain("HttpOnly")
        .contains("SameSite=Lax");
    assertThat(alice.get("/api/me").json().at("/user/username").asText()).isEqualTo("alice");
  }

  @Test
  void aSecureSessionCookieCarriesTheHostPrefixAndSignsTheUserIn() {
    try (TestServer secure =
        TestServer.start(uploads, s -> s.withSecureCookies(true), Clock.systemUTC())) {
      WebClient alice = secure.client();
      WebClient.Reply reply =
          alice.post("/api/register", Map.of("username", "alice", "password", "correct horse"));

      assertThat(cookie(reply, SessionCookie.SECURE_NAME))
          .contains("Secure")
          .contains("Path=/")
          .doesNotContainIgnoringCase("domain");
      assertThat(reply.headers("Set-Cookie"))
          .noneMatch(c -> c.startsWith(SessionCookie.NAME + "="));
      assertThat(alice.get("/api/me").status()).isEqualTo(200);
      assertThat(alice.post("/api/logout", Map.of()).status()).isEqualTo(204);
      assertThat(alice.get("/api/me").status()).isEqualTo(401);
    }
  }

  @Test
  void behindATrustedTlsProxyCookiesAreSecure() {
    try (TestServer proxied =
        TestServer.start(uploads, s -> s.withTrustProxyHeaders(true), Clock.systemUTC())) {
      WebClient.Reply reply =
          proxied
              .client()
              .post(
                  "/api/register",
                  Map.of("username", "alice", "password", "correct horse"),
                  "X-Forwarded-Proto",
                  "https");
      assertThat(cookie(reply, SessionCookie.SECURE_NAME)).contains("Secure");
    }
  }

  @Test
  void everyLoginIssuesAFreshTokenAndRetiresTheOneTheBrowserHad() {
    WebClient alice = server.signedIn("alice");
    String first = alice.cookies.get(Cookies.SESSION);

    WebClient.Reply login =
        alice.post("/api/login", Map.of("username", "alice", "password", "correct horse alice"));

    assertThat(login.status()).isEqualTo(200);
    assertThat(alice.cookies.get(Cookies.SESSION)).isNotEqualTo(first);
    assertThat(server.core.accounts().authenticate(new SessionToken(first))).isEmpty();
    assertThat(alice.get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    server.signedIn("alice");
    WebClient.Reply wrongPassword =
        server
            .client()
            .post("/api/login", Map.of("username", "alice", "password", "not the password"));
    WebClient.Reply unknownUser =
        server
            .client()
            .post("/api/login", Map.of("username", "nobody", "password", "not the password"));

    assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknownUser.status());
    assertThat(new String(wrongPassword.bytes())).isEqualTo(new String(unknownUser.bytes()));
    assertThat(wrongPassword.error()).isEqualTo("not_authenticated");
  }

  @Test
  void loggingOutRevokesTheSessionClosesItsSocketsAndClearsTheCookie() {
    WebClient alice = server.signedIn("alice");
    SessionToken token = new SessionToken(alice.cookies.get(Cookies.SESSION));

    WebClient.Reply reply = alice.post("/api/logout", Map.of());

    assertThat(reply.status()).isEqualTo(204);
    assertThat(cookie(reply, Cookies.SESSION)).contains("Expires=Thu, 01-Jan-1970");
    assertThat(server.core.accounts().authenticate(token)).isEmpty();
    assertThat(server.adapters.delivery().closedSessions()).contains(token.id());
    alice.cookies.put(Cookies.SESSION, token.secret());
    assertThat(alice.get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void changingThePasswordRevokesOldSessionsAndKeepsThisBrowserSignedIn() {
    WebClient alice = server.signedIn("alice");
    WebClient otherDevice = server.client();
    otherDevice.post("/api/login", Map.of("username", "alice", "password", "correct horse alice"));
    String old = alice.cookies.get(Cookies.SESSION);
    SessionToken otherToken = new SessionToken(otherDevice.cookies.get(Cookies.SESSION));

    WebClient.Reply reply =
        alice.post(
            "/api/password",
            Map.of("currentPassword", "correct horse alice", "newPassword", "battery staple"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(alice.cookies.get(Cookies.SESSION)).isNotEqualTo(old);
    assertThat(alice.get("/api/me").status()).isEqualTo(200);
    assertThat(otherDevice.get("/api/me").status()).isEqualTo(401);
    assertThat(server.adapters.delivery().closedSessions())
        .contains(otherToken.id(), new SessionToken(old).id());
    assertThat(
            server
                .client()
                .post("/api/login", Map.of("username", "alice", "password", "battery staple"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void changingThePasswordNeedsTheCurrentOne() {
    WebClient alice = server.signedIn("alice");
    WebClient.Reply reply =
        alice.post(
            "/api/password", Map.of("currentPassword", "guess", "newPassword", "battery staple"));
    assertThat(reply.status()).isEqualTo(401);
    assertThat(alice.get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void aStateChangingRequestWithoutTheCsrfHeaderIsRefusedAndChangesNothing() {
    WebClient alice = server.signedIn("alice");
    alice.sendCsrf = false;

    WebClient.Reply create = alice.post("/api/rooms", Map.of("name", "general", "kind", "public"));
    WebClient.Reply logout = alice.post("/api/logout", Map.of());

    assertThat(create.status()).isEqualTo(403);
    assertThat(create.error()).isEqualTo("forbidden");
    assertThat(logout.status()).isEqualTo(403);
    assertThat(alice.get("/api/rooms").json().get("rooms")).isEmpty();
    assertThat(alice.get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void aCsrfHeaderThatDoesNotMatchTheCookieIsRefused() {
    WebClient alice = server.signedIn("alice");
    alice.sendCsrf = false;
    WebClient.Reply reply =
        alice.post(
            "/api/rooms", Map.of("name", "general"), CsrfGuard.HEADER, "forged-value-of-the-token");
    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void aForeignOriginIsRefusedEvenWithTheRightToken() {
    WebClient alice = server.signedIn("alice");
    assertThat(
            alice
                .post("/api/rooms", Map.of("name", "general"), "Origin", "https://evil.example")
                .status())
        .isEqualTo(403);
    assertThat(
            alice
                .post("/api/rooms", Map.of("name", "general"), "Origin", server.base.toString())
                .status())
        .isEqualTo(201);
  }

  @Test
  void theOwnHostBehindATlsProxyCountsAsSameOrigin() {
    WebClient alice = server.signedIn("alice");
    String httpsOrigin = "https://" + server.base.getAuthority();
    String otherPort = "http://" + server.base.getHost() + ":1";
    assertThat(alice.post("/api/rooms", Map.of("name", "general"), "Origin", httpsOrigin).status())
        .isEqualTo(201);
    assertThat(alice.post("/api/rooms", Map.of("name", "other"), "Origin", otherPort).status())
        .isEqualTo(403);
    assertThat(alice.post("/api/rooms", Map.of("name", "other"), "Origin", "null").status())
        .isEqualTo(403);
  }

  @Test
  void aConfiguredOriginIsAccepted() {
    try (TestServer proxied =
        TestServer.start(
            uploads,
            s -> s.withAllowedOrigins(Set.of("https://chat.example.com")),
            Clock.systemUTC())) {
      WebClient alice = proxied.signedIn("alice");
      assertThat(
              alice
                  .post(
                      "/api/rooms", Map.of("name", "general"), "Origin", "https://chat.example.com")
                  .status())
          .isEqualTo(201);
    }
  }

  @Test
  void aGetNeverChangesState() {
    WebClient alice = server.signedIn("alice");
    assertThat(alice.get("/api/logout").status()).isEqualTo(405);
    assertThat(alice.get("/api/register").status()).isEqualTo(405);
    assertThat(alice.get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void theSessionEndpointSaysWhoIsSignedInWithoutA401() {
    WebClient.Reply anonymous = server.client().get("/api/session");
    WebClient alice = server.signedIn("alice");

    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.json().get("user").isNull()).isTrue();
    assertThat(alice.get("/api/session").json().at("/user/username").asText()).isEqualTo("alice");
  }

  @Test
  void withoutASessionTheApiAnswers401() {
    WebClient.Reply reply = server.client().get("/api/rooms");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error()).isEqualTo("not_authenticated");
  }

  @Test
  void closedRegistrationRefusesEveryone() {
    try (TestServer closed =
        TestServer.start(
            uploads, s -> s.withRegistration(RegistrationMode.CLOSED), Clock.systemUTC())) {
      WebClient.Reply reply =
          closed
              .client()
              .post("/api/register", Map.of("username", "alice", "password", "correct horse"));
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.json().get("message").asText()).contains("closed");
    }
  }

  @Test
  void inviteOnlyRegistrationTakesAnInviteCodeOnce() {
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-28T12:00:00Z"));
    try (TestServer invites =
        TestServer.start(
            uploads,
            s ->
                s.withRegistration(RegistrationMode.INVITE_ONLY)
                    .withInvites("a-secret-of-enough-length", Duration.ofDays(1)),
            clock)) {
      invites
          .core
          .accounts()
          .register(
              new io.chatterlink.core.port.in.ManageAccounts.RegisterUser(
                  "owner", "correct horse owner", java.util.Optional.empty()));
      WebClient owner = invites.client();
      owner.post("/api/login", Map.of("username", "owner", "password", "correct horse owner"));
      String code = owner.post("/api/invites", Map.of()).json().get("code").asText();

      WebClient.Reply withoutCode =
          invites
              .client()
              .post("/api/register", Map.of("username", "bob", "password", "correct horse"));
      WebClient.Reply forged =
          invites
              .client()
              .post(
                  "/api/register",
                  Map.of("username", "bob", "password", "correct horse", "invite", code + "x"));
      WebClient.Reply withCode =
          invites
              .client()
              .post(
                  "/api/register",
                  Map.of("username", "bob", "password", "correct horse", "invite", code));
      WebClient.Reply again =
          invites
              .client()
              .post(
                  "/api/register",
                  Map.of("username", "carol", "password", "correct horse", "invite", code));

      assertThat(withoutCode.status()).isEqualTo(403);
      assertThat(forged.status()).isEqualTo(403);
      assertThat(withCode.status()).isEqualTo(201);
      assertThat(again.status()).isEqualTo(403);

      String late = owner.post("/api/invites", Map.of()).json().get("code").asText();
      clock.advance(Duration.ofDays(1));
      assertThat(
              invites
                  .client()
                  .post(
                      "/api/register",
                      Map.of("username", "dave", "password", "correct horse", "invite", late))
                  .status())
          .isEqualTo(403);
    }
  }

  @Test
  void anInviteCodeIsNotSpentByARegistrationThatFails() {
    try (TestServer invites =
        TestServer.start(
            uploads, s -> s.withRegistration(RegistrationMode.INVITE_ONLY), Clock.systemUTC())) {
      invites
          .core
          .accounts()
          .register(
              new io.chatterlink.core.port.in.ManageAccounts.RegisterUser(
                  "owner", "correct horse owner", java.util.Optional.empty()));
      WebClient owner = invites.client();
      owner.post("/api/login", Map.of("username", "owner", "password", "correct horse owner"));
      String code = owner.post("/api/invites", Map.of()).json().get("code").asText();

      WebClient.Reply taken =
          invites
              .client()
              .post(
                  "/api/register",
                  Map.of("username", "OWNER", "password", "correct horse", "invite", code));
      WebClient.Reply ok =
          invites
              .client()
              .post(
                  "/api/register",
                  Map.of("username", "bob", "password", "correct horse", "invite", code));

      assertThat(taken.status()).isEqualTo(409);
      assertThat(ok.status()).isEqualTo(201);
    }
  }

  @Test
  void aTakenUsernameIsAConflict() {
    server.signedIn("alice");
    WebClient.Reply reply =
        server
            .client()
            .post("/api/register", Map.of("username", "Alice", "password", "correct horse"));
    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.error()).isEqualTo("conflict");
  }

  static java.net.http.HttpResponse<String> rawGet(TestServer server, String path) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(server.base.resolve(path)).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static String cookie(WebClient.Reply reply, String name) {
    return reply.headers("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElseThrow();
  }
}
