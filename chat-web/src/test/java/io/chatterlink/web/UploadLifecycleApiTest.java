package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UploadLimits;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.SendMessages.DeleteMessage;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quota, upload rate, the uploader's delete and the sweep, over HTTP (issue #10, finding 4). */
class UploadLifecycleApiTest {
  private static final int KIB = 1024;
  private static final UploadLimits LIMITS =
      new UploadLimits(100 * KIB, 4, Duration.ofHours(24), Duration.ofHours(1));

  @TempDir Path uploads;
  final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  TestServer server;
  WebClient alice;
  WebClient bob;
  String room;

  @BeforeEach
  void start() {
    server =
        TestServer.start(
            uploads,
            s -> s.withMaxUploadBytes(64 * KIB),
            clock,
            core -> core.clock(clock).uploadLimits(LIMITS));
    alice = server.signedIn("alice");
    bob = server.signedIn("bob");
    room = alice.createRoom("photos", "public").get("id").asText();
    assertThat(bob.post("/api/rooms/" + room + "/join", java.util.Map.of()).status())
        .isIn(200, 201, 204);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anUploadPastTheQuotaIsRefusedWith413SayingTheQuotaAndTheUsageInMegabytes()
      throws IOException {
    assertThat(upload(alice, Media.mp4(60 * KIB)).status()).isEqualTo(201);
    clock.advance(Duration.ofMinutes(1));
    List<Path> before = storedFiles();

    WebClient.Reply refused = upload(alice, Media.mp4(60 * KIB));
    WebClient.Reply chunked =
        alice.upload(room, "clip.mp4", "video/mp4", Media.mp4(60 * KIB), true);

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.error()).isEqualTo("limit_exceeded");
    assertThat(refused.json().get("message").asText())
        .contains("your uploads use 0.1 MB of your quota of 0.1 MB")
        .contains("this file needs 0.1 MB");
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(storedFiles()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(upload(bob, Media.mp4(60 * KIB)).status()).isEqualTo(201);
  }

  @Test
  void theFifthUploadInAMinuteIsRefusedWith429AndRetryAfter() {
    for (int i = 0; i < 4; i++) {
      assertThat(upload(alice, Media.mp4(1000)).status()).isEqualTo(201);
    }
    clock.advance(Duration.ofSeconds(15));

    WebClient.Reply refused = upload(alice, Media.mp4(1000));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.error()).isEqualTo("rate_limited");
    assertThat(refused.header("Retry-After")).contains("45");
    assertThat(upload(bob, Media.mp4(1000)).status()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(45));
    assertThat(upload(alice, Media.mp4(1000)).status()).isEqualTo(201);
  }

  @Test
  void theUploaderDeletesAnUploadWhichIsThenGoneForEveryone() {
    JsonNode attachment = upload(alice, Media.png()).json().get("attachment");
    String url = attachment.get("url").asText();

    assertThat(bob.delete(url).status()).isEqualTo(403);
    assertThat(alice.delete(url).status()).isEqualTo(204);

    assertThat(bob.get(url).status()).isEqualTo(404);
    assertThat(bob.get(url + "/thumbnail").status()).isEqualTo(404);
    assertThat(bob.get(url + "/info").status()).isEqualTo(404);
    assertThat(alice.delete(url).status()).isEqualTo(404);
  }

  @Test
  void anUploadInAMessageIsDeletedWithItsMessageAndIsUnavailableAtOnce() {
    JsonNode attachment = upload(alice, Media.png()).json().get("attachment");
    String url = attachment.get("url").asText();
    MessageId message = send(alice, attachment.get("id").asText());

    WebClient.Reply conflict = alice.delete(url);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().get("message").asText()).contains("delete the message");
    assertThat(bob.get(url).status()).isEqualTo(200);

    server.core.messages().delete(new DeleteMessage(new UserId(alice.userId()), message));

    assertThat(bob.get(url).status()).isEqualTo(404);
    assertThat(alice.get(url + "/thumbnail").status()).isEqualTo(404);
  }

  @Test
  void theSweepDeletesTheFilesOfDeletedUploadsAfterTheGraceAndOfUnattachedOnesAfterADay()
      throws IOException {
    JsonNode deleted = upload(alice, Media.png()).json().get("attachment");
    clock.advance(Duration.ofMinutes(1));
    JsonNode unattached = upload(alice, Media.png()).json().get("attachment");
    JsonNode kept = upload(alice, Media.png()).json().get("attachment");
    send(alice, kept.get("id").asText());
    alice.delete(deleted.get("url").asText());
    assertThat(storedFiles()).hasSize(6); // three files and their thumbnails

    assertThat(server.web.sweepUploads()).isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(server.web.sweepUploads()).isEqualTo(1);
    assertThat(storedFiles()).hasSize(4);
    clock.advance(Duration.ofHours(24));
    assertThat(server.web.sweepUploads()).isEqualTo(1);

    assertThat(storedFiles()).hasSize(2);
    assertThat(bob.get(kept.get("url").asText()).status()).isEqualTo(200);
    assertThat(bob.get(kept.get("thumbnailUrl").asText()).status()).isEqualTo(200);
    assertThat(bob.get(unattached.get("url").asText()).status()).isEqualTo(404);
  }

  private WebClient.Reply upload(WebClient who, byte[] bytes) {
    boolean png = bytes[1] == 'P';
    return who.upload(
        room, png ? "photo.png" : "clip.mp4", png ? "image/png" : "video/mp4", bytes, false);
  }

  private MessageId send(WebClient who, String attachmentId) {
    return server
        .core
        .messages()
        .send(
            new SendMessage(
                new UserId(who.userId()),
                new RoomId(room),
                new ClientMessageId("c-" + attachmentId),
                "look",
                List.of(new AttachmentId(attachmentId)),
                Optional.empty()))
        .message()
        .id();
  }

  private List<Path> storedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(uploads.resolve("files"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
