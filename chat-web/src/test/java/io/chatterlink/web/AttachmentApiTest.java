package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentApiTest {
  /** Small, so that over-limit bodies stay cheap to send. */
  static final int LIMIT = 64 * 1024;

  @TempDir Path uploads;
  TestServer server;
  WebClient alice;
  WebClient bob;
  String room;

  @BeforeEach
  void start() {
    server = TestServer.start(uploads, s -> s.withMaxUploadBytes(LIMIT), Clock.systemUTC());
    alice = server.signedIn("alice");
    bob = server.signedIn("bob");
    room = alice.createRoom("photos", "private").get("id").asText();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aPngIsStoredUnderAServerNameWithAThumbnailAndServedToMembers() throws IOException {
    byte[] png = Media.flatPng(1000, 500);
    WebClient.Reply reply = alice.upload(room, "holiday.png", "image/png", png, false);

    assertThat(reply.status()).as(new String(reply.bytes())).isEqualTo(201);
    JsonNode attachment = reply.json().get("attachment");
    assertThat(attachment.get("mediaType").asText()).isEqualTo("image/png");
    assertThat(attachment.get("size").asLong()).isEqualTo(png.length);
    assertThat(attachment.get("name").asText()).isEqualTo("holiday.png");
    assertThat(storedFiles()).noneMatch(p -> p.getFileName().toString().contains("holiday"));

    WebClient.Reply download = alice.get(attachment.get("url").asText());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.bytes()).isEqualTo(png);
    assertThat(download.header("Content-Type")).contains("image/png");
    assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(download.header("Content-Disposition"))
        .contains("inline; filename=\"holiday.png\"; filename*=UTF-8''holiday.png");
    assertThat(download.header("Accept-Ranges")).contains("bytes");

    WebClient.Reply thumbnail = alice.get(attachment.get("thumbnailUrl").asText());
    assertThat(thumbnail.header("Content-Type")).contains("image/png");
    var image = ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.bytes()));
    assertThat(image.getWidth()).isEqualTo(Thumbnails.MAX_EDGE);
    assertThat(image.getHeight()).isEqualTo(Thumbnails.MAX_EDGE / 2);
  }

  @Test
  void theThumbnailsWidthAndHeightComeWithTheUploadAndTheInfoSoClientsCanReserveItsBox() {
    JsonNode uploaded =
        alice
            .upload(room, "tall.png", "image/png", Media.flatPng(300, 900), false)
            .json()
            .get("attachment");
    JsonNode info = alice.get(uploaded.get("url").asText() + "/info").json().get("attachment");
    for (JsonNode attachment : new JsonNode[] {uploaded, info}) {
      assertThat(attachment.get("thumbnailWidth").asInt()).isEqualTo(107);
      assertThat(attachment.get("thumbnailHeight").asInt()).isEqualTo(Thumbnails.MAX_EDGE);
    }
    JsonNode webp =
        alice
            .upload(room, "sticker.webp", "image/webp", Media.webp(), false)
            .json()
            .get("attachment");
    assertThat(webp.get("thumbnailWidth").isNull()).isTrue();
    assertThat(webp.get("thumbnailHeight").isNull()).isTrue();
  }

  @Test
  void aWebpHasNoThumbnailAndItsOriginalIsServedInstead() {
    byte[] webp = Media.webp();
    JsonNode attachment =
        alice.upload(room, "sticker.webp", "image/webp", webp, false).json().get("attachment");

    assertThat(attachment.get("thumbnailUrl").isNull()).isTrue();
    assertThat(alice.get(attachment.get("url").asText() + "/thumbnail").bytes()).isEqualTo(webp);
  }

  @Test
  void aDownloadOfAnotherRoomsFileIsNotFound() {
    String url =
        alice
            .upload(room, "a.png", "image/png", Media.png(), false)
            .json()
            .at("/attachment/url")
            .asText();

    WebClient.Reply byOutsider = bob.get(url);
    WebClient.Reply infoByOutsider = bob.get(url + "/info");
    WebClient.Reply anonymous = server.client().get(url);

    assertThat(byOutsider.status()).isEqualTo(404);
    assertThat(byOutsider.error()).isEqualTo("not_found");
    assertThat(infoByOutsider.status()).isEqualTo(404);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(bob.get("/api/attachments/no-such-file").status()).isEqualTo(404);
  }

  @Test
  void anOutsiderCannotUploadIntoARoom() throws IOException {
    WebClient.Reply reply = bob.upload(room, "a.png", "image/png", Media.png(), false);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void aPngRenamedToMp4IsRefused() throws IOException {
    WebClient.Reply reply = alice.upload(room, "clip.mp4", "video/mp4", Media.png(), false);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error()).isEqualTo("invalid_input");
    assertThat(reply.json().get("message").asText()).contains(".mp4").contains("image/png");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void aPngDeclaredAsJpegIsRefused() {
    WebClient.Reply reply = alice.upload(room, "a.png", "image/jpeg", Media.png(), false);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).contains("Content-Type");
  }

  @Test
  void aTextFileDeclaredAsPngIsRefused() throws IOException {
    WebClient.Reply reply =
        alice.upload(room, "a.png", "image/png", Media.ascii("<script>alert(1)</script>"), false);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).contains("not accepted");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void videosOfBothKindsAreAccepted() {
    assertThat(alice.upload(room, "clip.mp4", "video/mp4", Media.mp4(5000), false).status())
        .isEqualTo(201);
    assertThat(alice.upload(room, "clip.webm", "video/webm", Media.webm(), true).status())
        .isEqualTo(201);
  }

  @Test
  void aFileOneByteOverTheLimitIsRefusedWithContentLengthAndNothingStays() throws IOException {
    WebClient.Reply reply = alice.upload(room, "big.mp4", "video/mp4", Media.mp4(LIMIT + 1), false);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.error()).isEqualTo("limit_exceeded");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWhileStreamingAndNothingStays() throws IOException {
    WebClient.Reply reply = alice.upload(room, "big.mp4", "video/mp4", Media.mp4(LIMIT * 3), true);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void aChunkedBodyOfTwiceALimitAboveTheDrainAllowanceGetsTheJson413AndNothingStays()
      throws IOException {
    // Twice this limit is more than the limit plus the 1 MiB Undertow lets through after it.
    long limit = 2L << 20;
    Path roomyUploads = uploads.resolve("roomy");
    try (TestServer roomy =
        TestServer.start(roomyUploads, s -> s.withMaxUploadBytes(limit), Clock.systemUTC())) {
      WebClient carol = roomy.signedIn("carol");
      String big = carol.createRoom("videos", "public").get("id").asText();

      WebClient.Reply reply =
          carol.upload(big, "big.mp4", "video/mp4", Media.mp4((int) (2 * limit)), true);

      assertThat(reply.status()).isEqualTo(413);
      assertThat(reply.error()).isEqualTo("limit_exceeded");
      assertThat(reply.header("Connection")).contains("close");
      assertThat(filesUnder(roomyUploads)).isEmpty();
    }
  }

  @Test
  void aChunkedBodyExactlyAtTheLimitIsAccepted() {
    byte[] video = Media.mp4(LIMIT);
    JsonNode attachment =
        alice.upload(room, "ok.mp4", "video/mp4", video, true).json().get("attachment");
    assertThat(attachment.get("size").asLong()).isEqualTo(LIMIT);
    assertThat(alice.get(attachment.get("url").asText()).bytes()).isEqualTo(video);
  }

  @Test
  void aLargeChunkedUploadUnderTheLimitIsAccepted() {
    try (TestServer roomy =
        TestServer.start(
            uploads.resolve("roomy"), s -> s.withMaxUploadBytes(4L << 20), Clock.systemUTC())) {
      WebClient carol = roomy.signedIn("carol");
      String big = carol.createRoom("videos", "public").get("id").asText();
      byte[] video = Media.mp4(3 << 20);

      WebClient.Reply reply = carol.upload(big, "clip.mp4", "video/mp4", video, true);

      assertThat(reply.status()).as(new String(reply.bytes())).isEqualTo(201);
      assertThat(reply.json().at("/attachment/size").asLong()).isEqualTo(video.length);
    }
  }

  @Test
  void aRangeRequestGetsExactlyThoseBytes() {
    byte[] video = Media.mp4(10_000);
    String url =
        alice
            .upload(room, "clip.mp4", "video/mp4", video, false)
            .json()
            .at("/attachment/url")
            .asText();

    WebClient.Reply middle = alice.get(url, "Range", "bytes=100-199");
    WebClient.Reply open = alice.get(url, "Range", "bytes=9990-");
    WebClient.Reply suffix = alice.get(url, "Range", "bytes=-5");
    WebClient.Reply clipped = alice.get(url, "Range", "bytes=9995-20000");

    assertThat(middle.status()).isEqualTo(206);
    assertThat(middle.bytes()).isEqualTo(Arrays.copyOfRange(video, 100, 200));
    assertThat(middle.header("Content-Range")).contains("bytes 100-199/10000");
    assertThat(middle.header("Content-Length")).contains("100");
    assertThat(open.bytes()).isEqualTo(Arrays.copyOfRange(video, 9990, 10_000));
    assertThat(suffix.bytes()).isEqualTo(Arrays.copyOfRange(video, 9995, 10_000));
    assertThat(clipped.header("Content-Range")).contains("bytes 9995-9999/10000");
  }

  @Test
  void aRangePastTheEndIs416WithTheSize() {
    String url =
        alice
            .upload(room, "clip.mp4", "video/mp4", Media.mp4(1000), false)
            .json()
            .at("/attachment/url")
            .asText();

    WebClient.Reply reply = alice.get(url, "Range", "bytes=1000-");

    assertThat(reply.status()).isEqualTo(416);
    assertThat(reply.header("Content-Range")).contains("bytes */1000");
  }

  @Test
  void severalRangesGetTheWholeFile() {
    byte[] video = Media.mp4(1000);
    String url =
        alice
            .upload(room, "clip.mp4", "video/mp4", video, false)
            .json()
            .at("/attachment/url")
            .asText();

    WebClient.Reply reply = alice.get(url, "Range", "bytes=0-1,5-6");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.bytes()).isEqualTo(video);
  }

  @Test
  void aHostileFileNameIsReducedToItsLastSegmentAndQuotedSafely() {
    JsonNode attachment =
        alice
            .upload(room, "../../etc/\"évil\"; x=.png", "image/png", Media.png(), false)
            .json()
            .get("attachment");

    assertThat(attachment.get("name").asText()).isEqualTo("\"évil\"; x=.png");
    assertThat(alice.get(attachment.get("url").asText()).header("Content-Disposition"))
        .contains(
            "inline; filename=\"__vil__ x=.png\"; filename*=UTF-8''%22%C3%A9vil%22%3B%20x%3D.png");
  }

  @Test
  void anUploadMustBeCsrfProtected() throws IOException {
    alice.sendCsrf = false;
    assertThat(alice.upload(room, "a.png", "image/png", Media.png(), false).status())
        .isEqualTo(403);
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void anAttachmentCanBeSentInAMessageAndItsInfoRead() {
    JsonNode attachment =
        alice.upload(room, "a.png", "image/png", Media.png(), false).json().get("attachment");
    JsonNode info = alice.get(attachment.get("url").asText() + "/info").json().get("attachment");
    assertThat(info.get("id").asText()).isEqualTo(attachment.get("id").asText());
    assertThat(info.has("storageKey")).isFalse();
    assertThat(alice.post("/api/rooms/" + room + "/read", Map.of("seq", 0)).status())
        .isEqualTo(204);
  }

  private java.util.List<Path> storedFiles() throws IOException {
    return filesUnder(uploads);
  }

  private static java.util.List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
