package io.chatterlink.app.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.chatterlink.app.ChatServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people in two real browsers (Debian's Chromium through Playwright) chat through the UI:
 * typing shows on the other side, messages arrive live, both are online, an image shows inline for
 * both, and a reload brings the history back. Screenshots go to target/screenshots. Without
 * /usr/bin/chromium this test fails: it never skips.
 */
class TwoBrowsersChatIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run");
  private static final String PASSWORD = "browser password 2718";

  @TempDir static Path dataDir;
  private static ChatServer server;
  private static Playwright playwright;
  private static Browser browser;

  @BeforeAll
  static void startServerAndBrowser() {
    assertThat(Files.isExecutable(CHROMIUM))
        .as(
            "Debian's Chromium must be installed at %s (apt-get install chromium; .ci/run does it)",
            CHROMIUM)
        .isTrue();
    server = TestServers.start(dataDir, Map.of());
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
  }

  @AfterAll
  static void stopEverything() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void twoPeopleChatLiveSeeTypingAndPresenceShareAnImageAndFindItAllAfterAReload()
      throws Exception {
    Files.createDirectories(SCREENSHOTS);
    try (BrowserContext aliceContext = browser.newContext();
        BrowserContext bobContext = browser.newContext()) {
      Page alice = aliceContext.newPage();
      Page bob = bobContext.newPage();

      register(alice, "alice");
      createPublicRoom(alice, "lobby");
      register(bob, "bob");
      bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join lobby")).click();
      openRoom(bob, "lobby");

      bob.getByTestId("composer").pressSequentially("hello from bob");
      assertThat(alice.getByTestId("typing-indicator")).hasText("bob is typing…");
      screenshot(alice, "1-alice-sees-bob-typing");

      bob.getByTestId("composer").press("Enter");
      assertThat(messageTexts(alice)).containsText(new String[] {"hello from bob"});
      alice.getByTestId("composer").fill("hi bob, welcome");
      alice.getByTestId("composer").press("Enter");
      assertThat(messageTexts(bob))
          .containsText(new String[] {"hello from bob", "hi bob, welcome"});
      assertThat(alice.getByTestId("typing-indicator")).hasText("");

      for (Page page : List.of(alice, bob)) {
        assertThat(onlineUser(page, "alice")).hasCount(1);
        assertThat(onlineUser(page, "bob")).hasCount(1);
      }
      screenshot(bob, "2-bob-sees-the-conversation-and-who-is-online");

      alice
          .getByTestId("upload-input")
          .setInputFiles(new FilePayload("gradient.png", "image/png", TestServers.png(96, 64)));
      for (Page page : List.of(alice, bob)) {
        Locator image = page.getByTestId("message-image");
        assertThat(image).isVisible();
        assertThat(imageLoaded(image)).as("the image decoded in the browser").isTrue();
      }
      screenshot(bob, "3-bob-sees-alices-image");

      bob.reload();
      openRoom(bob, "lobby");
      assertThat(messageTexts(bob))
          .containsText(new String[] {"hello from bob", "hi bob, welcome"});
      assertThat(bob.getByTestId("message-image")).isVisible();
      screenshot(bob, "4-bob-after-a-reload");
    }
  }

  private static void register(Page page, String username) {
    page.navigate(server.uri().toString());
    page.getByTestId("login-username").fill(username);
    page.getByTestId("login-password").fill(PASSWORD);
    page.getByTestId("register-submit").click();
    assertThat(page.getByTestId("me-name")).containsText(username);
  }

  private static void createPublicRoom(Page page, String name) {
    page.getByTestId("new-room-name").fill(name);
    page.getByTestId("new-room-kind").selectOption("public");
    page.getByTestId("create-room").click();
    openRoom(page, name);
  }

  private static void openRoom(Page page, String name) {
    page.getByTestId("room-item").filter(new Locator.FilterOptions().setHasText(name)).click();
    assertThat(page.getByTestId("room-title")).containsText(name);
  }

  private static Locator onlineUser(Page page, String name) {
    return page.getByTestId("online-user").filter(new Locator.FilterOptions().setHasText(name));
  }

  private static Locator messageTexts(Page page) {
    return page.getByTestId("message-text");
  }

  private static boolean imageLoaded(Locator image) {
    image
        .page()
        .waitForFunction("img => img.complete && img.naturalWidth > 0", image.elementHandle());
    return (Boolean) image.evaluate("img => img.complete && img.naturalWidth > 0");
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
