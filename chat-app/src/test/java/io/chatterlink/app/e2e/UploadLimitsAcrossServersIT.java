package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.app.ChatServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one database share each user's upload quota and rate: both are computed
 * from the database, never from a counter of one process (issue #10, finding 4); and with one
 * upload directory, a file uploaded through one is served by the other (issue #12).
 */
class UploadLimitsAcrossServersIT {
  private static final String PASSWORD = "correct horse battery";
  private static final Map<String, String> LIMITS =
      Map.of("UPLOADS_PER_MINUTE", "3", "UPLOAD_QUOTA_BYTES", "150000");

  @TempDir static Path dataDir;
  private static ChatServer first;
  private static ChatServer second;

  @BeforeAll
  static void startTwoServersOnOneDatabase() {
    first = TestServers.start(dataDir, LIMITS);
    second = TestServers.start(dataDir, LIMITS);
  }

  @AfterAll
  static void stopServers() {
    second.close();
    first.close();
  }

  @Test
  void theUploadRateCountsTheUploadsMadeThroughEveryServer() {
    Browserless onFirst = new Browserless(first.uri());
    onFirst.register("alice", PASSWORD);
    String room = createRoom(onFirst, "rate");
    Browserless onSecond = new Browserless(second.uri());
    onSecond.logIn("alice", PASSWORD).requireStatus(200);

    assertThat(upload(onFirst, room, 1000).status()).isEqualTo(201);
    assertThat(upload(onFirst, room, 1000).status()).isEqualTo(201);
    assertThat(upload(onSecond, room, 1000).status()).isEqualTo(201);
    Browserless.Reply refused = upload(onFirst, room, 1000);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().path("error").asText()).isEqualTo("rate_limited");
    assertThat(refused.response().headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
    assertThat(upload(onSecond, room, 1000).status()).isEqualTo(429);
  }

  @Test
  void theQuotaCountsTheUploadsStoredThroughEveryServer() {
    Browserless onFirst = new Browserless(first.uri());
    onFirst.register("bob", PASSWORD);
    String room = createRoom(onFirst, "quota");
    Browserless onSecond = new Browserless(second.uri());
    onSecond.logIn("bob", PASSWORD).requireStatus(200);

    assertThat(upload(onFirst, room, 100_000).status()).isEqualTo(201);
    Browserless.Reply refused = upload(onSecond, room, 100_000);

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.json().path("message").asText())
        .contains("your uploads use 0.1 MB of your quota of 0.1 MB");
  }

  @Test
  void aFileUploadedThroughOneServerIsServedByTheOther() {
    Browserless onFirst = new Browserless(first.uri());
    onFirst.register("carol", PASSWORD);
    String room = createRoom(onFirst, "files");
    byte[] bytes = TestServers.mp4Header(5000);
    String id =
        onFirst
            .upload(room, "clip.mp4", "video/mp4", bytes)
            .requireStatus(201)
            .json()
            .path("attachment")
            .path("id")
            .asText();
    Browserless onSecond = new Browserless(second.uri());
    onSecond.logIn("carol", PASSWORD).requireStatus(200);

    java.net.http.HttpResponse<byte[]> download = onSecond.download("/api/attachments/" + id);

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(bytes);
  }

  private static Browserless.Reply upload(Browserless client, String room, int size) {
    return client.upload(room, "clip.mp4", "video/mp4", TestServers.mp4Header(size));
  }

  private static String createRoom(Browserless owner, String name) {
    return owner
        .post(
            "/api/rooms",
            Browserless.JSON.createObjectNode().put("name", name).put("kind", "private"))
        .requireStatus(201)
        .json()
        .path("room")
        .path("id")
        .asText();
  }
}
