package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI as served from the jar: every file it links or imports is there. */
class StaticUiTest {
  private static final Pattern PAGE_LINK = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");
  private static final Pattern MODULE_IMPORT = Pattern.compile("from '\\./([a-z-]+\\.js)'");

  @TempDir static Path uploads;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(uploads);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyFileThePageLinksAndEveryModuleItImportsIsServed() {
    WebClient browser = server.client();
    String page = text(browser.get("/"));
    Deque<String> toFetch = new ArrayDeque<>();
    Matcher links = PAGE_LINK.matcher(page);
    while (links.find()) {
      toFetch.add(links.group(1));
    }
    Set<String> fetched = new HashSet<>();
    while (!toFetch.isEmpty()) {
      String path = toFetch.poll();
      if (!fetched.add(path)) {
        continue;
      }
      WebClient.Reply reply = browser.get(path);
      assertThat(reply.status()).as(path).isEqualTo(200);
      if (path.endsWith(".js")) {
        Matcher imports = MODULE_IMPORT.matcher(text(reply));
        while (imports.find()) {
          toFetch.add("/js/" + imports.group(1));
        }
      }
    }
    assertThat(fetched)
        .contains(
            "/app.css",
            "/js/app.js",
            "/js/chat.js",
            "/js/api.js",
            "/js/connection.js",
            "/js/timeline.js",
            "/js/outbox.js",
            "/js/uploads.js",
            "/js/attachments.js",
            "/js/rooms.js",
            "/js/sidebar.js",
            "/js/dom.js",
            "/js/format.js",
            "/js/typing.js");
  }

  @Test
  void everyControlTheBrowserTestsUseHasItsTestId() {
    String page = text(server.client().get("/"));
    for (String id :
        new String[] {
          "login-username",
          "login-password",
          "login-submit",
          "register-submit",
          "room-list",
          "new-room-name",
          "create-room",
          "message-list",
          "composer",
          "send",
          "typing-indicator",
          "online-list",
          "upload-input",
          "upload-tray",
          "reconnecting-banner",
          "retry-now",
          "new-messages",
          "dm-username",
          "open-dm",
          "browse-rooms",
          "user-menu",
          "logout",
          "change-password",
          "confirm-ok",
          "lightbox"
        }) {
      assertThat(page).contains("data-testid=\"" + id + "\"");
    }
    assertThat(page).doesNotContain("<script>").contains("type=\"module\"");
  }

  @Test
  void thereIsNoDirectoryListing() {
    assertThat(server.client().get("/js/").status()).isIn(403, 404);
  }

  private static String text(WebClient.Reply reply) {
    return new String(reply.bytes(), StandardCharsets.UTF_8);
  }
}
