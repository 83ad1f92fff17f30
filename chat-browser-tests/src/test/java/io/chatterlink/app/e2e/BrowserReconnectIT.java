package io.chatterlink.app.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.chatterlink.app.e2e.Browsers.createRoom;
import static io.chatterlink.app.e2e.Browsers.joinFromBrowser;
import static io.chatterlink.app.e2e.Browsers.message;
import static io.chatterlink.app.e2e.Browsers.register;
import static io.chatterlink.app.e2e.Browsers.screenshot;
import static io.chatterlink.app.e2e.Browsers.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.chatterlink.app.ChatServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server stops and comes back while two people have the page open: a message written in between
 * shows as pending, then failed with a retry, and arrives exactly once after the reconnect; the
 * page reconnects within seconds of the server's return; presence is greyed while disconnected; and
 * a logout while the server is down is finished when it is back.
 */
class BrowserReconnectIT {
  /** Generous bound for "promptly": the UI's backoff is capped at about 5 s while visible. */
  private static final double RECONNECT_BOUND_MS = 12_000;

  @TempDir static Path dataDir;
  private static ChatServer server;
  private static Browsers browsers;
  private static String port;

  @BeforeAll
  static void startServerAndBrowser() {
    browsers = new Browsers();
    server = TestServers.start(dataDir, Map.of());
    port = String.valueOf(server.port());
  }

  @AfterAll
  static void stopEverything() {
    if (browsers != null) {
      browsers.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static void restartServer() {
    server = TestServers.start(dataDir, Map.of("PORT", port));
  }

  @Test
  void aMessageWrittenWhileTheServerIsDownIsPendingThenFailedAndArrivesOnceAfterTheReconnect() {
    Page alice = browsers.desktop();
    Page bob = browsers.phone();
    String uri = server.uri().toString();
    register(alice, uri, "alice");
    createRoom(alice, "ops", "public");
    register(bob, uri, "bob");
    joinFromBrowser(bob, "ops");
    send(alice, "before the restart");
    assertThat(message(bob, "before the restart")).isVisible();
    assertThat(alice.getByTestId("online-user")).hasCount(2);

    server.close();
    assertThat(alice.getByTestId("reconnecting-banner")).isVisible();
    assertThat(alice.locator("body")).hasClass(java.util.regex.Pattern.compile("disconnected"));
    send(alice, "written while the server was down");
    var unsent = message(alice, "written while the server was down");
    assertThat(unsent).hasAttribute("data-state", "pending");
    assertThat(alice.getByTestId("composer")).hasValue("");
    screenshot(alice, "20-desktop-disconnected-pending");
    assertThat(unsent)
        .hasAttribute(
            "data-state", "failed", new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
    screenshot(alice, "21-desktop-send-failed");
    screenshot(bob, "22-mobile-disconnected");
    unsent.getByTestId("retry-send").click();
    assertThat(unsent).hasAttribute("data-state", "pending");

    restartServer();
    long back = System.nanoTime();
    assertThat(alice.getByTestId("reconnecting-banner"))
        .isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(RECONNECT_BOUND_MS));
    assertThat((System.nanoTime() - back) / 1e6).isLessThan(RECONNECT_BOUND_MS);
    assertThat(message(alice, "written while the server was down"))
        .hasAttribute("data-state", "sent");
    assertThat(message(bob, "written while the server was down")).hasCount(1);
    assertThat(message(alice, "written while the server was down")).hasCount(1);
    assertThat(bob.getByTestId("reconnecting-banner")).isHidden();
    assertThat(alice.locator("body"))
        .not()
        .hasClass(java.util.regex.Pattern.compile("disconnected"));
    bob.reload();
    bob.getByTestId("room-item").first().click();
    assertThat(message(bob, "written while the server was down")).hasCount(1);

    server.close();
    assertThat(alice.getByTestId("reconnecting-banner")).isVisible();
    alice.getByTestId("user-menu").click();
    alice.getByTestId("logout").click();
    assertThat(alice.getByTestId("auth-error")).containsText("can't be reached");
    screenshot(alice, "23-desktop-logged-out-while-server-down");
    restartServer();
    alice.reload();
    assertThat(alice.getByTestId("login-username")).isVisible();
    alice.reload();
    assertThat(alice.getByTestId("login-username")).isVisible();
    assertThat(alice.getByTestId("me-name")).isHidden();
    assertThat(browsers.pageErrors()).isEmpty();
  }
}
