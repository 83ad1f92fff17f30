package io.chatterlink.app.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's Chromium driven through Playwright (no browser download), and the steps the browser
 * tests repeat: registering, opening rooms, reading the timeline, taking screenshots at desktop
 * (1280×800) and phone (390×844) sizes into target/screenshots. Uncaught page errors fail the test
 * that caused them.
 */
final class Browsers implements AutoCloseable {
  /** Where Chromium or Chrome is looked for, after {@code $CHROMIUM_PATH} and the {@code PATH}. */
  private static final List<Path> USUAL_PLACES =
      List.of(
          Path.of("/usr/bin/chromium"),
          Path.of("/usr/bin/chromium-browser"),
          Path.of("/snap/bin/chromium"),
          Path.of("/usr/bin/google-chrome"),
          Path.of("/usr/bin/google-chrome-stable"),
          Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
          Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));

  private static final List<String> NAMES_ON_PATH =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String PASSWORD = "browser password 2718";
  private static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run");

  private final Playwright playwright;
  private final Browser browser;
  private final List<String> pageErrors = new ArrayList<>();

  Browsers() {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    playwright = playwright();
    browser = launch(playwright);
  }

  static {
    // Waits are upper bounds on behaviour, not measurements: Playwright's 5 s default was hit on
    // a loaded 2-core machine, so every expectation may take up to 20 s before it fails.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  /** Playwright that never downloads a browser of its own. */
  static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  /** The machine's Chromium (see {@link #chromium()}), headless. */
  static Browser launch(Playwright playwright) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
  }

  /**
   * The Chromium (or Chrome) to drive: {@code $CHROMIUM_PATH} if set, else the first of {@code
   * chromium}, {@code chromium-browser}, {@code google-chrome} found on the {@code PATH}, else the
   * usual install places. Fails, never skips, when there is none: the browser tests must run.
   */
  static Path chromium() {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(System.getenv("CHROMIUM_PATH"))
        .filter(p -> !p.isBlank())
        .map(Path::of)
        .ifPresent(candidates::add);
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isBlank()) {
        NAMES_ON_PATH.forEach(name -> candidates.add(Path.of(dir, name)));
      }
    }
    candidates.addAll(USUAL_PLACES);
    return candidates.stream()
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no Chromium or Chrome found (set CHROMIUM_PATH, or on Debian: apt-get install"
                        + " chromium, which ./test.sh does); looked at "
                        + candidates));
  }

  /** A fresh person (own cookies) in a desktop-sized window. */
  Page desktop() {
    return page(1280, 800);
  }

  /** A fresh person on a phone-sized screen. */
  Page phone() {
    return page(390, 844);
  }

  private Page page(int width, int height) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("en-GB")
                .setTimezoneId("UTC"));
    Page page = context.newPage();
    page.onPageError(error -> pageErrors.add(error));
    return page;
  }

  /** Errors the pages threw and nobody caught; a test asserts this is empty at its end. */
  List<String> pageErrors() {
    return pageErrors;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }

  static void register(Page page, String serverUri, String username) {
    page.navigate(serverUri);
    page.getByTestId("login-username").fill(username);
    page.getByTestId("login-password").fill(PASSWORD);
    page.getByTestId("register-submit").click();
    assertThat(page.getByTestId("me-name")).containsText(username);
  }

  static void createRoom(Page page, String name, String kind) {
    page.getByTestId("new-room-open").click();
    page.getByTestId("new-room-name").fill(name);
    page.getByTestId("new-room-kind").selectOption(kind);
    page.getByTestId("create-room").click();
    assertThat(page.getByTestId("room-title")).hasText(name);
  }

  static void joinFromBrowser(Page page, String name) {
    page.getByTestId("browse-rooms").click();
    page.getByTestId("browser-search").fill(name);
    page.getByLabel("Join " + name).click();
    assertThat(page.getByTestId("room-title")).hasText(name);
  }

  static void openRoom(Page page, String name) {
    roomItem(page, name).click();
    assertThat(page.getByTestId("room-title")).hasText(name);
  }

  static Locator roomItem(Page page, String name) {
    return page.getByTestId("room-item").filter(new Locator.FilterOptions().setHasText(name));
  }

  static void send(Page page, String text) {
    page.getByTestId("composer").fill(text);
    page.getByTestId("composer").press("Enter");
  }

  static Locator messages(Page page) {
    return page.getByTestId("message");
  }

  static Locator message(Page page, String text) {
    return messages(page).filter(new Locator.FilterOptions().setHasText(text));
  }

  /** Pixels between the bottom of the timeline's content and the bottom of its window. */
  static double distanceFromBottom(Page page) {
    return ((Number)
            page.getByTestId("message-list")
                .evaluate("l => l.scrollHeight - l.scrollTop - l.clientHeight"))
        .doubleValue();
  }

  static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
  }
}
