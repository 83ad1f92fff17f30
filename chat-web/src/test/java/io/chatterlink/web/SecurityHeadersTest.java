package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityHeadersTest {
  @TempDir static Path uploads;
  static TestServer server;
  static WebClient alice;
  static String attachmentUrl;

  @BeforeAll
  static void start() {
    server = TestServer.start(uploads);
    alice = server.signedIn("alice");
    String room = alice.createRoom("general", "public").get("id").asText();
    attachmentUrl =
        alice
            .upload(room, "a.png", "image/png", Media.png(), false)
            .json()
            .at("/attachment/url")
            .asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/",
        "/index.html",
        "/app.css",
        "/js/app.js",
        "/no-such-page",
        "/api/me",
        "/api/rooms",
        "/api/nowhere",
        "/api/rooms/not-a-room/messages",
        "/api/attachments/nothing",
        "ATTACHMENT",
        "ATTACHMENT/thumbnail"
      })
  void everyResponseCarriesTheSecurityHeaders(String path) {
    WebClient.Reply reply = alice.get(path.replace("ATTACHMENT", attachmentUrl));

    // A file has a policy of its own, stricter than the pages' (see FileDownload).
    assertThat(reply.header("Content-Security-Policy"))
        .contains(
            path.startsWith("ATTACHMENT")
                ? FileDownload.CONTENT_SECURITY_POLICY
                : SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(reply.header("Referrer-Policy")).contains("same-origin");
    assertThat(reply.header("X-Frame-Options")).contains("DENY");
    assertThat(reply.header("Cross-Origin-Resource-Policy")).contains("same-origin");
  }

  @Test
  void refusalsCarryTheSecurityHeadersToo() {
    WebClient outsider = server.client();
    outsider.sendCsrf = false;
    WebClient.Reply forbidden = outsider.post("/api/rooms", Map.of("name", "x"));
    WebClient.Reply badMethod = alice.delete("/api/me");

    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.header("Content-Security-Policy")).isPresent();
    assertThat(badMethod.status()).isEqualTo(405);
    assertThat(badMethod.header("X-Frame-Options")).contains("DENY");
  }

  @Test
  void thePolicyAllowsNoInlineScriptAndFramesNowhere() {
    assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
        .contains("script-src 'self';")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
  }

  @Test
  void theUiIsServedWithItsOwnTypesAndUsesNoInlineScriptOrStyle() {
    WebClient.Reply page = alice.get("/");
    WebClient.Reply script = alice.get("/js/chat.js");
    WebClient.Reply style = alice.get("/app.css");

    String html = new String(page.bytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(script.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    assertThat(style.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    assertThat(html)
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
        .doesNotContain("style=")
        .doesNotContain("<style")
        .doesNotContainPattern("\\son[a-z]+=");
    assertThat(html)
        .contains("data-testid=\"login-username\"")
        .contains("data-testid=\"reconnecting-banner\"");
  }

  @Test
  void theUiNeverInsertsUserTextAsHtml() throws Exception {
    java.nio.file.Path modules =
        java.nio.file.Path.of(
            SecurityHeadersTest.class
                .getClassLoader()
                .getResource(StaticUi.RESOURCE_ROOT + "/js")
                .toURI());
    java.util.List<String> names;
    try (var files = java.nio.file.Files.list(modules)) {
      names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".js")).toList();
    }
    assertThat(names).contains("app.js", "chat.js", "timeline.js", "dom.js");
    for (String module : names) {
      String source =
          new String(alice.get("/js/" + module).bytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(source)
          .as(module)
          .isNotEmpty()
          .doesNotContain("innerHTML")
          .doesNotContain("outerHTML")
          .doesNotContain("insertAdjacentHTML")
          .doesNotContain("document.write")
          .doesNotContain("eval(");
    }
  }
}
