package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.app.ChatServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads larger than Undertow's built-in 2 MiB request cap, sent chunked (no {@code
 * Content-Length}) as a streaming client sends them, through the whole server. Undertow ignores the
 * per-request limit for chunked bodies, so only the server-wide option that chat-app sets lets them
 * through; the upload limit itself stays chat-web's.
 */
class LargeUploadsIT {
  private static final String PASSWORD = "correct horse battery";

  /** Above Undertow's 2 MiB default, small enough to keep the test quick. */
  private static final int UPLOAD_LIMIT = 3 << 20;

  @TempDir static Path dataDir;
  private static ChatServer server;

  @BeforeAll
  static void startServer() {
    server = TestServers.start(dataDir, Map.of("MAX_UPLOAD_BYTES", String.valueOf(UPLOAD_LIMIT)));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void aChunkedVideoLargerThanTwoMebibytesIsStoredAndDownloadsIntact() {
    Browserless alice = new Browserless(server.uri());
    alice.register("alice", PASSWORD);
    String room = createRoom(alice, "films");
    byte[] video = TestServers.mp4Header((2 << 20) + (512 << 10));

    Browserless.Reply reply = alice.uploadChunked(room, "holiday.mp4", "video/mp4", video);

    assertThat(reply.status()).as(reply.response().body()).isEqualTo(201);
    JsonNode attachment = reply.json().path("attachment");
    assertThat(attachment.path("size").asLong()).isEqualTo(video.length);
    HttpResponse<byte[]> download = alice.download(attachment.path("url").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(video);
  }

  @Test
  void aChunkedUploadOverTheLimitIsRefusedWithLimitExceededAndLeavesNothingOnDisk() {
    Browserless bob = new Browserless(server.uri());
    bob.register("bob", PASSWORD);
    String room = createRoom(bob, "too-big");
    List<Path> before = filesUnder(dataDir.resolve("uploads"));

    // Over the limit by less than the 1 MiB chat-web reads and drops after a refusal, so that the
    // client is still sending when the 413 goes out and reads it (docs/http-api.md, uploads).
    byte[] video = TestServers.mp4Header(UPLOAD_LIMIT + (256 << 10));

    Browserless.Reply reply = bob.uploadChunked(room, "epic.mp4", "video/mp4", video);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().path("error").asText()).isEqualTo("limit_exceeded");
    assertThat(filesUnder(dataDir.resolve("uploads"))).isEqualTo(before);
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

  private static List<Path> filesUnder(Path dir) {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
