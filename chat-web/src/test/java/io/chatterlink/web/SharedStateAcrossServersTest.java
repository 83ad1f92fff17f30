package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.testkit.MutableClock;
import io.chatterlink.testkit.contract.Concurrently;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers over the same stores (what two processes on one database and one shared upload
 * directory are) agree on the registration and search throttles, on spent invite codes and on
 * uploaded files: none of it lives in one server's memory (issue #12).
 */
class SharedStateAcrossServersTest {
  private static final String PASSWORD = "correct horse battery";

  @TempDir Path uploads;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

  @Test
  void registrationsThroughEitherServerCountAgainstOneBudgetPerAddress() {
    try (TestServer first =
            TestServer.start(
                uploads, s -> s.withRegistrationThrottle(2, Duration.ofHours(1)), clock);
        TestServer second = TestServer.besides(first, clock)) {
      assertThat(register(first, "carol", Optional.empty()).status()).isEqualTo(201);
      assertThat(register(second, "dave", Optional.empty()).status()).isEqualTo(201);

      WebClient.Reply onFirst = register(first, "erin", Optional.empty());
      WebClient.Reply onSecond = register(second, "erin", Optional.empty());

      assertThat(onFirst.status()).isEqualTo(429);
      assertThat(onSecond.status()).isEqualTo(429);
      assertThat(onSecond.header("Retry-After")).contains("3600");
    }
  }

  @Test
  void searchesThroughEitherServerCountAgainstOneBudgetPerUser() {
    try (TestServer first = TestServer.start(uploads, s -> s, clock);
        TestServer second = TestServer.besides(first, clock)) {
      WebClient onFirst = first.signedIn("alice");
      WebClient onSecond = second.client();
      onSecond.post("/api/login", Map.of("username", "alice", "password", "correct horse alice"));
      for (int i = 0; i < UserEndpoints.SEARCHES_PER_WINDOW; i++) {
        WebClient through = i % 2 == 0 ? onFirst : onSecond;
        assertThat(through.get("/api/users?prefix=b").status()).isEqualTo(200);
      }

      assertThat(onFirst.get("/api/users?prefix=b").status()).isEqualTo(429);
      assertThat(onSecond.get("/api/users?prefix=b").status()).isEqualTo(429);
    }
  }

  @Test
  void anInviteCodeSpentThroughOneServerIsRefusedByTheOther() {
    try (TestServer first = inviteOnly();
        TestServer second = TestServer.besides(first, clock)) {
      String code = issueInvite(first);

      assertThat(register(second, "bob", Optional.of(code)).status()).isEqualTo(201);
      assertThat(register(first, "carol", Optional.of(code)).status()).isEqualTo(403);
      assertThat(register(second, "carol", Optional.of(code)).status()).isEqualTo(403);
    }
  }

  @Test
  void oneInviteCodePresentedToBothServersAtOnceRegistersExactlyOneAccount() {
    try (TestServer first = inviteOnly();
        TestServer second = TestServer.besides(first, clock)) {
      String code = issueInvite(first);

      List<Integer> statuses =
          Concurrently.run(
              8,
              i -> register(i % 2 == 0 ? first : second, "user" + i, Optional.of(code)).status());

      assertThat(statuses).containsOnlyOnce(201);
      assertThat(statuses).filteredOn(s -> s != 201).containsOnly(403);
    }
  }

  @Test
  void aFileUploadedThroughOneServerIsServedByTheOther() {
    try (TestServer first = TestServer.start(uploads, s -> s, clock);
        TestServer second = TestServer.besides(first, clock)) {
      WebClient onFirst = first.signedIn("alice");
      String room = onFirst.createRoom("photos", "private").get("id").asText();
      byte[] png = Media.png();
      String id =
          onFirst
              .upload(room, "dot.png", "image/png", png, false)
              .json()
              .at("/attachment/id")
              .asText();
      WebClient onSecond = second.client();
      onSecond.post("/api/login", Map.of("username", "alice", "password", "correct horse alice"));

      WebClient.Reply download = onSecond.get("/api/attachments/" + id);

      assertThat(download.status()).isEqualTo(200);
      assertThat(download.bytes()).isEqualTo(png);
    }
  }

  private TestServer inviteOnly() {
    TestServer server =
        TestServer.start(
            uploads,
            s ->
                s.withRegistration(RegistrationMode.INVITE_ONLY)
                    .withInvites("a-secret-of-enough-length", Duration.ofDays(1)),
            clock);
    server.core.accounts().register(new RegisterUser("owner", PASSWORD, Optional.empty()));
    return server;
  }

  private static String issueInvite(TestServer server) {
    WebClient owner = server.client();
    owner.post("/api/login", Map.of("username", "owner", "password", PASSWORD));
    return owner.post("/api/invites", Map.of()).json().get("code").asText();
  }

  private static WebClient.Reply register(TestServer target, String name, Optional<String> code) {
    Map<String, String> body =
        code.map(c -> Map.of("username", name, "password", PASSWORD, "invite", c))
            .orElse(Map.of("username", name, "password", PASSWORD));
    return target.client().post("/api/register", body);
  }
}
