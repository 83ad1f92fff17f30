package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import io.chatterlink.app.ChatServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files opened in a browser tab under the downloads' sandboxing policy (issue #10, finding 10), in
 * Debian's Chromium: an image and a video still show, and a PNG that is also HTML shows as the
 * image and runs nothing. Without a Chromium this test fails: it never skips.
 */
class DownloadsInABrowserIT {
  private static final String PASSWORD = "browser password 1618";

  @TempDir static Path dataDir;
  private static ChatServer server;
  private static Playwright playwright;
  private static Browser browser;
  private static BrowserContext context;
  private static String room;

  @BeforeAll
  static void startServerBrowserAndSignIn() {
    server = TestServers.start(dataDir, Map.of());
    playwright = Browsers.playwright();
    browser = Browsers.launch(playwright);
    context = browser.newContext(new Browser.NewContextOptions().setBaseURL(base()));
    api("/api/config", null, null);
    api("/api/register", "application/json", json("username", "alice", "password", PASSWORD));
    room =
        api("/api/rooms", "application/json", json("name", "files", "kind", "private"))
            .path("room")
            .path("id")
            .asText();
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
  void anImageOpenedInATabIsShown() {
    String url = upload("photo.png", "image/png", TestServers.png(64, 48));
    Page page = context.newPage();

    page.navigate(url);

    page.waitForFunction("() => document.images.length === 1 && document.images[0].complete");
    assertThat(page.evaluate("() => document.images[0].naturalWidth")).isEqualTo(64);
  }

  @Test
  void aVideoOpenedInATabIsLoadedByTheBrowsersPlayer() {
    String url = upload("clip.webm", "video/webm", resource("e2e/clip.webm"));
    Page page = context.newPage();

    page.navigate(url);

    page.waitForFunction(
        "() => { const v = document.querySelector('video');"
            + " return v !== null && (v.readyState >= 1 || v.error !== null); }");
    // Metadata loaded: the player's own request, with the session cookie, got the file.
    assertThat(page.evaluate("() => document.querySelector('video').error")).isNull();
    assertThat(page.evaluate("() => document.querySelector('video').videoWidth")).isEqualTo(160);
  }

  @Test
  void aPngThatIsAlsoHtmlShowsAsTheImageAndRunsNoScript() {
    byte[] polyglot =
        concat(
            TestServers.png(32, 32),
            "<html><script>document.title='pwned';localStorage.x=1</script></html>"
                .getBytes(StandardCharsets.US_ASCII));
    String url = upload("trick.png", "image/png", polyglot);
    Page page = context.newPage();

    page.navigate(url);

    page.waitForFunction("() => document.images.length === 1 && document.images[0].complete");
    assertThat(page.evaluate("() => document.images[0].naturalWidth")).isEqualTo(32);
    assertThat(page.title()).doesNotContain("pwned");
  }

  private static String upload(String name, String type, byte[] bytes) {
    return api("/api/rooms/" + room + "/attachments?name=" + name, type, bytes)
        .path("attachment")
        .path("url")
        .asText();
  }

  /** A request through the browser context, so that it shares the context's cookies. */
  private static com.fasterxml.jackson.databind.JsonNode api(
      String path, String contentType, byte[] body) {
    APIRequestContext request = context.request();
    APIResponse response;
    if (body == null) {
      response = request.get(path);
    } else {
      String csrf =
          context.cookies().stream()
              .filter(c -> c.name.equals("chatterlink_csrf"))
              .findFirst()
              .orElseThrow()
              .value;
      response =
          request.post(
              path,
              RequestOptions.create()
                  .setHeader("Content-Type", contentType)
                  .setHeader("X-CSRF-Token", csrf)
                  .setHeader("Origin", base())
                  .setData(body));
    }
    assertThat(response.status()).as(path + ": " + response.text()).isBetween(200, 201);
    try {
      return Browserless.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String base() {
    String uri = server.uri().toString();
    return uri.substring(0, uri.length() - 1);
  }

  private static byte[] json(String... pairs) {
    var node = Browserless.JSON.createObjectNode();
    for (int i = 0; i < pairs.length; i += 2) {
      node.put(pairs[i], pairs[i + 1]);
    }
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) {
    try (InputStream in = DownloadsInABrowserIT.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
