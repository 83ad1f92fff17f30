package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.app.ChatServer;
import io.chatterlink.testkit.contract.Concurrently;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invite code registers one account, whichever server process it is presented to and across
 * restarts: spent codes are in the database, not in a server's memory (issue #12).
 */
class SharedInviteCodesIT {
  private static final String PASSWORD = "correct horse battery";
  private static final Map<String, String> INVITE_ONLY = Map.of("REGISTRATION", "invite");

  @TempDir Path dataDir;

  @Test
  void oneCodePresentedToTwoServersAtOnceRegistersExactlyOneAccount() {
    createOwner();
    try (ChatServer first = TestServers.start(dataDir, INVITE_ONLY);
        ChatServer second = TestServers.start(dataDir, INVITE_ONLY)) {
      String code = issueInvite(first);

      List<Integer> statuses =
          Concurrently.run(
              8, i -> register(i % 2 == 0 ? first : second, "user" + i, code).status());

      assertThat(statuses).containsOnlyOnce(201);
      assertThat(statuses).filteredOn(s -> s != 201).containsOnly(403);
    }
  }

  @Test
  void aCodeSpentBeforeARestartIsRefusedAfterIt() {
    createOwner();
    String code;
    try (ChatServer before = TestServers.start(dataDir, INVITE_ONLY)) {
      code = issueInvite(before);
      assertThat(register(before, "bob", code).status()).isEqualTo(201);
    }
    try (ChatServer after = TestServers.start(dataDir, INVITE_ONLY)) {
      assertThat(register(after, "carol", code).status()).isEqualTo(403);
    }
  }

  /** The account that issues invites, registered while registration is still open. */
  private void createOwner() {
    try (ChatServer open = TestServers.start(dataDir, Map.of())) {
      new Browserless(open.uri()).register("owner", PASSWORD);
    }
  }

  private static String issueInvite(ChatServer server) {
    Browserless owner = new Browserless(server.uri());
    owner.logIn("owner", PASSWORD).requireStatus(200);
    return owner
        .post("/api/invites", Browserless.JSON.createObjectNode())
        .requireStatus(201)
        .json()
        .path("code")
        .asText();
  }

  private static Browserless.Reply register(ChatServer server, String name, String code) {
    return new Browserless(server.uri())
        .post(
            "/api/register",
            Browserless.JSON
                .createObjectNode()
                .put("username", name)
                .put("password", PASSWORD)
                .put("invite", code));
  }
}
