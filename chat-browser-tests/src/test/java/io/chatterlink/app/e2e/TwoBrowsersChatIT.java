package io.chatterlink.app.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.chatterlink.app.e2e.Browsers.createRoom;
import static io.chatterlink.app.e2e.Browsers.distanceFromBottom;
import static io.chatterlink.app.e2e.Browsers.joinFromBrowser;
import static io.chatterlink.app.e2e.Browsers.message;
import static io.chatterlink.app.e2e.Browsers.messages;
import static io.chatterlink.app.e2e.Browsers.openRoom;
import static io.chatterlink.app.e2e.Browsers.register;
import static io.chatterlink.app.e2e.Browsers.roomItem;
import static io.chatterlink.app.e2e.Browsers.screenshot;
import static io.chatterlink.app.e2e.Browsers.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;
import io.chatterlink.app.ChatServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two or three people in real browsers (Debian's Chromium through Playwright) use the UI the way a
 * new team would: rooms, direct messages, typing, presence, uploads, edits, links, the scroll
 * position, notifications and the phone layout. Assertions are on behaviour, never on pixels;
 * screenshots of each state go to target/screenshots. Without /usr/bin/chromium this test fails: it
 * never skips.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoBrowsersChatIT {
  @TempDir static Path dataDir;
  private static ChatServer server;
  private static Browsers browsers;

  @BeforeAll
  static void startServerAndBrowser() {
    browsers = new Browsers();
    server = TestServers.start(dataDir, Map.of());
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

  @AfterEach
  void noPageThrewAnUncaughtError() {
    assertThat(browsers.pageErrors()).isEmpty();
  }

  private static String uri() {
    return server.uri().toString();
  }

  @Test
  @Order(1)
  void twoPeopleChatInAPublicRoomWithTypingPresenceGroupingLinksEditsAndAnImage() {
    Page alice = browsers.desktop();
    Page bob = browsers.desktop();

    register(alice, uri(), "alice");
    assertThat(alice.getByTestId("registration-notice")).isVisible();
    assertThat(alice.getByTestId("rooms-empty")).isVisible();
    screenshot(alice, "01-desktop-first-account-welcome");
    createRoom(alice, "lobby", "public");
    assertThat(alice.getByTestId("empty-room")).isVisible();
    screenshot(alice, "02-desktop-empty-room");

    register(bob, uri(), "bob");
    assertThat(bob.getByTestId("registration-notice")).isHidden();
    bob.getByTestId("browse-rooms").click();
    assertThat(bob.getByTestId("public-room-members")).hasText("1 member");
    screenshot(bob, "03-desktop-room-browser");
    bob.getByTestId("browser-search").fill("lob");
    bob.getByLabel("Join lobby").click();
    assertThat(bob.getByTestId("room-title")).hasText("lobby");

    bob.getByTestId("composer").pressSequentially("hello from bob");
    assertThat(alice.getByTestId("typing-indicator")).hasText("bob is typing…");
    bob.getByTestId("composer").press("Enter");
    assertThat(message(alice, "hello from bob")).hasCount(1);
    assertThat(alice.getByTestId("typing-indicator")).hasText("");

    send(alice, "hi bob, see https://example.com/docs. and javascript:alert(1)");
    send(alice, "a second line from alice");
    Locator second = message(bob, "a second line from alice");
    assertThat(second).hasClass(java.util.regex.Pattern.compile("\\bcontinued\\b"));
    assertThat(second.getByTestId("message-author")).hasCount(0);
    assertThat(bob.getByTestId("day-separator")).hasText("Today");
    Locator link = message(bob, "hi bob").getByTestId("message-link");
    assertThat(link).hasCount(1);
    assertThat(link).hasAttribute("href", "https://example.com/docs");
    assertThat(link).hasAttribute("rel", "noopener noreferrer");
    assertThat(link).hasAttribute("target", "_blank");
    assertThat(message(bob, "hi bob").locator("a[href^='javascript']")).hasCount(0);
    assertThat(message(bob, "hi bob").getByTestId("message-time"))
        .hasAttribute("title", java.util.regex.Pattern.compile("2\\d{3}"));

    for (Page page : List.of(alice, bob)) {
      assertThat(page.getByTestId("online-user")).hasCount(2);
      assertThat(page.getByTestId("room-presence")).hasText("2 of 2 online");
    }
    screenshot(bob, "04-desktop-conversation");

    Locator mine = message(alice, "a second line from alice");
    mine.hover();
    mine.getByTestId("message-actions").click();
    mine.getByTestId("edit-message").click();
    alice.getByTestId("edit-input").fill("a second line, edited");
    alice.getByTestId("edit-input").press("Enter");
    assertThat(message(bob, "a second line, edited")).containsText("(edited)");

    Locator toDelete = message(alice, "a second line, edited");
    toDelete.hover();
    toDelete.getByTestId("message-actions").click();
    toDelete.getByTestId("delete-message").click();
    assertThat(alice.getByTestId("confirm-dialog")).isVisible();
    screenshot(alice, "05-desktop-delete-confirmation");
    alice.getByTestId("confirm-ok").click();
    assertThat(message(bob, "This message was deleted.")).hasCount(1);

    alice
        .getByTestId("upload-input")
        .setInputFiles(new FilePayload("gradient.png", "image/png", TestServers.png(960, 640)));
    assertThat(alice.getByTestId("upload-size"))
        .hasText(java.util.regex.Pattern.compile("^\\d+ KB$"));
    alice.getByTestId("composer").fill("the caption of the gradient");
    alice.getByTestId("composer").press("Enter");
    Locator withImage = message(bob, "the caption of the gradient");
    assertThat(withImage.getByTestId("message-image")).isVisible();
    assertThat(withImage.getByTestId("message-image")).hasAttribute("width", "320");
    assertThat(withImage.getByTestId("message-image")).hasAttribute("height", "213");
    assertThat(message(bob, "gradient.png")).hasCount(0);
    withImage.getByTestId("open-image").click();
    assertThat(bob.getByTestId("lightbox")).isVisible();
    screenshot(bob, "06-desktop-lightbox");
    bob.keyboard().press("Escape");
    screenshot(bob, "06-desktop-conversation-with-image");
    withImage.getByTestId("open-image").click();
    bob.keyboard().press("Escape");
    assertThat(bob.getByTestId("lightbox")).isHidden();

    bob.getByTestId("browse-rooms").click();
    createRoom(alice, "news", "public");
    assertThat(
            bob.getByTestId("public-room").filter(new Locator.FilterOptions().setHasText("news")))
        .hasCount(1);
    bob.keyboard().press("Escape");
    bob.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
    screenshot(bob, "07-desktop-dark-mode");
    bob.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));

    bob.reload();
    openRoom(bob, "lobby");
    assertThat(message(bob, "hello from bob")).hasCount(1);
    assertThat(bob.getByTestId("message-image")).isVisible();
    assertThat(messages(bob)).hasCount(4);
    alice.context().close();
    bob.context().close();
  }

  @Test
  @Order(2)
  void theTimelineStaysPinnedToTheNewestMessageWhileImagesLoadAndOffersAMarkerOtherwise() {
    Page carol = browsers.desktop();
    Page dave = browsers.desktop();
    register(carol, uri(), "carol");
    createRoom(carol, "gallery", "public");
    for (int i = 0; i < 4; i++) {
      carol
          .getByTestId("upload-input")
          .setInputFiles(
              new FilePayload("tall" + i + ".png", "image/png", TestServers.png(200, 600)));
      carol.getByTestId("composer").fill("picture " + i);
      carol.getByTestId("composer").press("Enter");
      assertThat(message(carol, "picture " + i).getByTestId("message-image")).isVisible();
    }
    for (int i = 0; i < 12; i++) {
      send(carol, "line " + i);
    }
    assertThat(message(carol, "line 11")).hasAttribute("data-state", "sent");

    register(dave, uri(), "dave");
    joinFromBrowser(dave, "gallery");
    assertThat(message(dave, "line 11")).isVisible();
    // The newest images (in view) load after the room opened at the bottom; it must stay there.
    dave.waitForFunction(
        "() => { const images = [...document.querySelectorAll('[data-testid=message-image]')];"
            + " const last = images[images.length - 1];"
            + " return last && last.complete && last.naturalWidth > 0; }");
    assertThat(distanceFromBottom(dave)).as("opened at the newest message").isLessThan(5);

    send(carol, "arrives while dave reads the end");
    assertThat(message(dave, "arrives while dave reads the end")).isVisible();
    assertThat(distanceFromBottom(dave)).as("still following").isLessThan(5);

    dave.getByTestId("message-list").evaluate("l => l.scrollTop = 200");
    dave.getByTestId("message-list").dispatchEvent("scroll");
    send(carol, "arrives while dave reads older ones");
    assertThat(dave.getByTestId("new-messages")).isVisible();
    assertThat(distanceFromBottom(dave)).as("not yanked down").isGreaterThan(100);
    screenshot(dave, "08-desktop-new-messages-marker");
    dave.getByTestId("new-messages").click();
    assertThat(dave.getByTestId("new-messages")).isHidden();
    assertThat(distanceFromBottom(dave)).isLessThan(5);
    carol.context().close();
    dave.context().close();
  }

  @Test
  @Order(3)
  void directMessagesFoundBySearchShowPresenceUnreadCountsAndNotifyWhenAllowed() {
    Page erin = browsers.desktop();
    Page frank = browsers.desktop();
    Page grace = browsers.phone();
    register(erin, uri(), "erin");
    register(frank, uri(), "frank");
    register(grace, uri(), "grace");
    recordNotifications(erin);
    erin.getByTestId("user-menu").click();
    erin.getByTestId("notifications-toggle").click();
    assertThat(erin.getByTestId("notifications-toggle")).hasText("Turn off desktop notifications");

    createRoom(erin, "secret plans", "private");
    assertThat(roomItem(erin, "secret plans").getByTestId("private-room-icon")).isVisible();

    frank.getByTestId("new-dm-open").click();
    frank.getByTestId("dm-username").pressSequentially("er");
    assertThat(frank.getByTestId("user-suggestion")).containsText("erin");
    frank.getByTestId("dm-username").press("Enter");
    assertThat(frank.getByTestId("room-title")).hasText("erin");
    assertThat(frank.getByTestId("room-presence")).hasText("online");
    send(frank, "psst erin, a direct message");

    assertThat(roomItem(erin, "frank").getByTestId("room-unread")).hasText("1");
    assertThat(erin).hasTitle("(1) ChatterLink");
    erin.waitForFunction("() => window.shownNotifications.length === 1");
    assertThat(erin.evaluate("() => window.shownNotifications[0]").toString())
        .contains("frank")
        .contains("psst erin");
    assertThat(roomItem(erin, "frank").getByTestId("presence-dot"))
        .hasAttribute("data-status", "online");
    screenshot(erin, "09-desktop-unread-direct-message");
    openRoom(erin, "frank");
    assertThat(erin).hasTitle("ChatterLink");

    openRoom(erin, "secret plans");
    erin.getByTestId("room-menu").click();
    erin.getByTestId("invite-open").click();
    erin.getByTestId("invite-username").pressSequentially("gra");
    assertThat(erin.getByTestId("user-suggestion")).containsText("grace");
    erin.getByTestId("invite-username").press("Enter");
    assertThat(roomItem(grace, "secret plans")).isVisible();
    openRoom(grace, "secret plans");
    send(erin, "welcome grace, this room is private");
    assertThat(message(grace, "welcome grace")).isVisible();
    assertThat(distanceFromBottom(grace)).isLessThan(5);
    Locator header = grace.locator(".conversation-header");
    assertThat(header.boundingBox().height).as("one header row on a phone").isLessThan(64);
    screenshot(grace, "10-mobile-private-room");
    Locator welcome = message(grace, "welcome grace");
    welcome.getByTestId("message-text").dispatchEvent("contextmenu");
    assertThat(welcome.locator(".menu-note"))
        .hasText(java.util.regex.Pattern.compile("2\\d{3}.*\\d{2}:\\d{2}:\\d{2}"));
    assertThat(welcome.getByTestId("edit-message")).hasCount(0);
    grace.keyboard().press("Escape");
    assertThat(welcome.locator(".menu-note")).isHidden();
    grace.getByTestId("message-list").evaluate("l => l.scrollTop = 0");

    frank.context().close();
    openRoom(erin, "frank");
    assertThat(erin.getByTestId("room-presence")).containsText("last seen");
    assertThat(roomItem(erin, "frank").getByTestId("presence-dot"))
        .hasAttribute("data-status", "offline");

    grace.getByTestId("room-menu").click();
    grace.getByTestId("leave-room").click();
    screenshot(grace, "11-mobile-leave-confirmation");
    grace.locator("#confirm-cancel").click();
    assertThat(grace.getByTestId("room-title")).hasText("secret plans");
    grace.getByTestId("room-menu").click();
    grace.getByTestId("leave-room").click();
    grace.getByTestId("confirm-ok").click();
    assertThat(roomItem(grace, "secret plans")).hasCount(0);
    assertThat(roomItem(erin, "secret plans")).isVisible();

    screenshot(grace, "12-mobile-room-list");
    erin.context().close();
    grace.context().close();
  }

  @Test
  @Order(4)
  void uploadsAreCheckedPastedDroppedAndCancelledAndThePasswordChangesWithoutLosingTheConnection() {
    Page heidi = browsers.desktop();
    register(heidi, uri(), "heidi");
    createRoom(heidi, "uploads", "public");
    heidi.evaluate(
        "() => { const input = document.querySelector('[data-testid=upload-input]');"
            + " const big = new File([new Uint8Array(26 * 1024 * 1024)], 'huge.png', {type: 'image/png'});"
            + " const t = new DataTransfer(); t.items.add(big); input.files = t.files;"
            + " input.dispatchEvent(new Event('change')); }");
    assertThat(heidi.getByTestId("conversation-error"))
        .hasText("huge.png is 26 MB; the limit is 25 MB.");
    screenshot(heidi, "13-desktop-upload-too-large");
    send(heidi, "a message that works");
    assertThat(message(heidi, "a message that works")).hasAttribute("data-state", "sent");
    assertThat(heidi.getByTestId("conversation-error")).hasText("");

    fileEvent(heidi, "paste", "pasted.png");
    assertThat(heidi.getByTestId("upload-item")).containsText("pasted.png");
    heidi.getByTestId("upload-cancel").click();
    assertThat(heidi.getByTestId("upload-item")).hasCount(0);
    fileEvent(heidi, "drop", "dropped.png");
    assertThat(heidi.getByTestId("upload-item")).containsText("dropped.png");
    heidi.getByTestId("composer").press("Enter");
    assertThat(messages(heidi).last().getByTestId("message-image")).isVisible();
    assertThat(messages(heidi).last()).hasAttribute("data-state", "sent");

    heidi.getByTestId("user-menu").click();
    heidi.getByTestId("change-password").click();
    heidi.getByTestId("current-password").fill(Browsers.PASSWORD);
    heidi.getByTestId("new-password").fill("a brand new password");
    heidi.getByTestId("repeat-password").fill("a brand new password");
    heidi.getByTestId("password-submit").click();
    assertThat(heidi.getByText("Your password was changed.")).isVisible();
    send(heidi, "still here after the password change");
    assertThat(message(heidi, "still here after the password change"))
        .hasAttribute("data-state", "sent");
    heidi.getByTestId("user-menu").click();
    heidi.getByTestId("logout").click();
    heidi.getByTestId("login-username").fill("heidi");
    heidi.getByTestId("login-password").fill("a brand new password");
    heidi.getByTestId("login-submit").click();
    assertThat(heidi.getByTestId("me-name")).hasText("heidi");
    heidi.context().close();
  }

  @Test
  @Order(5)
  void datesSizesLinksErrorsAndReconnectDelaysAreWordedForPeople() {
    Page page = browsers.desktop();
    page.navigate(uri());
    @SuppressWarnings("unchecked")
    Map<String, Object> seen =
        (Map<String, Object>)
            page.evaluate(
                "async () => { const f = await import('/js/format.js');"
                    + " const c = await import('/js/connection.js');"
                    + " const now = new Date(2026, 11, 7, 12, 0);"
                    + " const text = (nodes) => nodes.map(n => n.tagName ? '[' + n.href + ']' : n.textContent).join('');"
                    + " return {"
                    + "  today: f.dayLabel(new Date(2026, 11, 7, 0, 5).toISOString(), now),"
                    + "  yesterday: f.dayLabel(new Date(2026, 11, 6, 23, 59).toISOString(), now),"
                    + "  older: f.dayLabel(new Date(2026, 10, 20, 9, 0).toISOString(), now),"
                    + "  lastYear: f.dayLabel(new Date(2025, 10, 20, 9, 0).toISOString(), now),"
                    + "  sizes: [f.sizeLabel(26214400), f.sizeLabel(1536000), f.sizeLabel(2048)].join(' / '),"
                    + "  links: text(f.linkify('see http://a.example/x?y=1, JavaScript:alert(1) data:text/html,x and https://b.example.')),"
                    + "  offline: f.errorText(new TypeError('Failed to fetch')),"
                    + "  tooBig: f.errorText({error: 'limit_exceeded', status: 413, message: 'the upload is larger than 26214400 bytes'}, {maxUploadBytes: 26214400}),"
                    + "  refused: f.errorText({code: 400, error: 'invalid_input', message: 'message text must not be blank'}),"
                    + "  delays: [0, 1, 2, 3, 4, 5, 6, 12].map(a => c.reconnectDelay(a, false, () => 1)),"
                    + "  hidden: c.reconnectDelay(12, true, () => 0.5) }; }");
    assertThat(seen.get("today")).isEqualTo("Today");
    assertThat(seen.get("yesterday")).isEqualTo("Yesterday");
    assertThat(seen.get("older")).isEqualTo("Friday 20 November");
    assertThat(seen.get("lastYear")).isEqualTo("Thursday, 20 November 2025");
    assertThat(seen.get("sizes")).isEqualTo("25 MB / 1.5 MB / 2 KB");
    assertThat(seen.get("links"))
        .isEqualTo(
            "see [http://a.example/x?y=1], JavaScript:alert(1) data:text/html,x and"
                + " [https://b.example/].");
    assertThat(seen.get("offline"))
        .isEqualTo("Can't reach the server right now. Try again in a moment.");
    assertThat(seen.get("tooBig")).isEqualTo("That file is too large: the limit is 25 MB.");
    assertThat(seen.get("refused")).isEqualTo("Message text must not be blank.");
    assertThat((List<?>) seen.get("delays"))
        .as("fast first retries, then capped at a few seconds while visible")
        .map(d -> ((Number) d).intValue())
        .containsExactly(250, 625, 1250, 2500, 5000, 5000, 5000, 5000);
    assertThat(((Number) seen.get("hidden")).intValue()).isEqualTo(30_000);
    page.context().close();
  }

  @Test
  @Order(6)
  void someoneWhoseTabStaysHiddenForFiveMinutesShowsAsAwayAndOnlineAgainWhenBack() {
    Page ivan = browsers.desktop();
    Page judy = browsers.desktop();
    ivan.clock().install();
    register(judy, uri(), "judy");
    createRoom(judy, "standup", "public");
    register(ivan, uri(), "ivan");
    joinFromBrowser(ivan, "standup");
    Locator ivanForJudy =
        judy.getByTestId("online-list")
            .locator("li")
            .filter(new Locator.FilterOptions().setHasText("ivan"));
    assertThat(ivanForJudy).hasAttribute("data-status", "online");

    setHidden(ivan, true);
    ivan.clock().fastForward("04:00");
    assertThat(ivanForJudy).hasAttribute("data-status", "online");
    ivan.clock().fastForward("01:01");
    assertThat(ivanForJudy).hasAttribute("data-status", "away");
    assertThat(ivanForJudy.getByTestId("member-status")).hasText("away");
    setHidden(ivan, false);
    assertThat(ivanForJudy).hasAttribute("data-status", "online");
    ivan.context().close();
    judy.context().close();
  }

  /** What a browser reports when its tab is put in the background or brought back. */
  private static void setHidden(Page page, boolean hidden) {
    page.evaluate(
        "hidden => { Object.defineProperty(document, 'hidden', {value: hidden, configurable: true});"
            + " document.dispatchEvent(new Event('visibilitychange')); }",
        hidden);
  }

  /** Pastes into the composer, or drops onto the conversation, a small PNG drawn in the page. */
  private static void fileEvent(Page page, String kind, String name) {
    page.evaluate(
        "async ([kind, name]) => { const canvas = document.createElement('canvas');"
            + " canvas.width = 40; canvas.height = 30;"
            + " const g = canvas.getContext('2d'); g.fillStyle = '#3a7'; g.fillRect(0, 0, 40, 30);"
            + " const blob = await new Promise(r => canvas.toBlob(r, 'image/png'));"
            + " const data = new DataTransfer(); data.items.add(new File([blob], name, {type: 'image/png'}));"
            + " if (kind === 'paste') document.querySelector('[data-testid=composer]').dispatchEvent("
            + "   new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));"
            + " else document.getElementById('conversation').dispatchEvent("
            + "   new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true})); }",
        List.of(kind, name));
  }

  /** Replaces the Notification API with a recorder that says permission was granted. */
  private static void recordNotifications(Page page) {
    page.evaluate(
        "() => { window.shownNotifications = [];"
            + " class Recorded { constructor(title, options) {"
            + "   window.shownNotifications.push(title + ': ' + options.body); }"
            + "   addEventListener() {} close() {} }"
            + " Recorded.permission = 'granted';"
            + " Recorded.requestPermission = async () => 'granted';"
            + " window.Notification = Recorded; }");
  }
}
