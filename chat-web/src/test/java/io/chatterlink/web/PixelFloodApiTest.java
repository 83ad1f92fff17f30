package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images that declare more pixels than the limit are refused before anything is stored, and every
 * download carries the sandboxing headers (issue #10, findings 5 and 10).
 */
class PixelFloodApiTest {
  @TempDir Path uploads;
  TestServer server;
  WebClient alice;
  String room;

  @BeforeEach
  void start() {
    server = TestServer.start(uploads, s -> s, Clock.systemUTC());
    alice = server.signedIn("alice");
    room = alice.createRoom("photos", "private").get("id").asText();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aTinyPngDeclaring50000By50000PixelsIsRefusedWith413AndNothingIsStored() throws IOException {
    byte[] bomb = Media.pngDeclaring(50_000, 50_000);
    assertThat(bomb.length).isLessThan(100);

    WebClient.Reply reply = alice.upload(room, "bomb.png", "image/png", bomb, false);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.error()).isEqualTo("limit_exceeded");
    assertThat(reply.json().get("message").asText())
        .contains("50000 × 50000 pixels")
        .contains("16384 pixels a side and 40 megapixels");
    assertThat(filesUnder(uploads)).isEmpty();
  }

  @Test
  void imagesAtTheLimitsAreAcceptedAndOnePixelOverIsRefused() {
    assertThat(upload("png", Media.pngDeclaring(16_384, 2_441)).status()).isEqualTo(201);
    assertThat(upload("png", Media.pngDeclaring(16_385, 1)).status()).isEqualTo(413);
    assertThat(upload("png", Media.pngDeclaring(16_384, 2_442)).status()).isEqualTo(413);
  }

  @Test
  void webpsOfEveryLayoutAreMeasuredFromTheirHeader() {
    assertThat(upload("webp", Media.webpLossy(4000, 3000)).status()).isEqualTo(201);
    assertThat(upload("webp", Media.webpLossless(16_383, 16_383)).status()).isEqualTo(413);
    assertThat(upload("webp", Media.webpExtended(1 << 24, 1 << 24)).status()).isEqualTo(413);
    assertThat(upload("webp", Media.webpExtended(800, 600)).status()).isEqualTo(201);
  }

  @Test
  void aJpegIsMeasuredFromItsFrameHeader() {
    byte[] jpeg = Media.image("jpg", 16, 16);
    int sof = 2;
    while (!((jpeg[sof] & 0xFF) == 0xFF && (jpeg[sof + 1] & 0xFF) == 0xC0)) {
      sof++;
    }
    // SOF0: marker, length (2), precision (1), height (2), width (2), big-endian.
    jpeg[sof + 5] = (byte) 0xC3;
    jpeg[sof + 6] = 0x50;
    jpeg[sof + 7] = (byte) 0xC3;
    jpeg[sof + 8] = 0x50;

    WebClient.Reply reply = alice.upload(room, "huge.jpg", "image/jpeg", jpeg, false);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().get("message").asText()).contains("50000 × 50000");
  }

  @Test
  void aGifWhoseScreenIsLargerThanItsFrameIsMeasuredByItsScreen() {
    byte[] gif = Media.image("gif", 10, 10);
    gif[6] = (byte) 0xFF; // logical screen width 65535
    gif[7] = (byte) 0xFF;

    assertThat(upload("gif", gif).status()).isEqualTo(413);
    assertThat(upload("gif", Media.image("gif", 10, 10)).status()).isEqualTo(201);
  }

  @Test
  void anImageWhoseHeaderCannotBeReadIsRefusedWith400() throws IOException {
    byte[] damaged =
        Media.padded(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 100);

    WebClient.Reply reply = alice.upload(room, "x.png", "image/png", damaged, false);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).contains("header cannot be read");
    assertThat(filesUnder(uploads)).isEmpty();
  }

  @Test
  void anImageDownloadIsSandboxedAndCannotBeSniffedIntoAnythingElse() {
    String url = upload("png", Media.png()).json().at("/attachment/url").asText();

    for (String path : new String[] {url, url + "/thumbnail"}) {
      WebClient.Reply download = alice.get(path);
      assertThat(download.status()).isEqualTo(200);
      assertThat(download.header("Content-Security-Policy"))
          .contains("default-src 'none'; img-src 'self'; media-src 'self'; sandbox");
      assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
      assertThat(download.header("Content-Type")).contains("image/png");
      assertThat(download.header("Content-Disposition"))
          .hasValueSatisfying(d -> assertThat(d).startsWith("inline; filename="));
    }
  }

  @Test
  void aVideoDownloadAndItsRangesAreSandboxedToo() {
    String url =
        alice
            .upload(room, "clip.mp4", "video/mp4", Media.mp4(5000), false)
            .json()
            .at("/attachment/url")
            .asText();

    for (WebClient.Reply download :
        new WebClient.Reply[] {alice.get(url), alice.get(url, "Range", "bytes=0-99")}) {
      assertThat(download.status()).isIn(200, 206);
      assertThat(download.header("Content-Security-Policy"))
          .contains(
              "default-src 'none'; img-src 'self'; media-src 'self'; sandbox allow-same-origin");
      assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
      assertThat(download.header("Content-Type")).contains("video/mp4");
      assertThat(download.header("Content-Disposition"))
          .contains("inline; filename=\"clip.mp4\"; filename*=UTF-8''clip.mp4");
    }
  }

  private WebClient.Reply upload(String extension, byte[] bytes) {
    String type = extension.equals("gif") ? "image/gif" : "image/" + extension;
    return alice.upload(room, "image." + extension, type, bytes, false);
  }

  private static java.util.List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
