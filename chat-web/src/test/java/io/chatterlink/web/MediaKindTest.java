package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MediaKindTest {
  static Stream<Arguments> magicBytes() {
    return Stream.of(
        Arguments.of("png", Media.png(), Optional.of(MediaKind.PNG)),
        Arguments.of("jpeg", Media.image("jpg", 8, 8), Optional.of(MediaKind.JPEG)),
        Arguments.of("gif", Media.image("gif", 8, 8), Optional.of(MediaKind.GIF)),
        Arguments.of("webp", Media.webp(), Optional.of(MediaKind.WEBP)),
        Arguments.of("mp4", Media.mp4(100), Optional.of(MediaKind.MP4)),
        Arguments.of("webm", Media.webm(), Optional.of(MediaKind.WEBM)),
        Arguments.of("matroska is not webm", Media.matroska(), Optional.empty()),
        Arguments.of(
            "quicktime",
            Media.padded(Media.concat(new byte[] {0, 0, 0, 0x14}, Media.ascii("ftypqt  ")), 64),
            Optional.empty()),
        Arguments.of(
            "heic image",
            Media.padded(Media.concat(new byte[] {0, 0, 0, 0x18}, Media.ascii("ftypheic")), 64),
            Optional.empty()),
        Arguments.of("bmp", Media.image("bmp", 8, 8), Optional.empty()),
        Arguments.of(
            "svg",
            Media.ascii(
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
            Optional.empty()),
        Arguments.of(
            "html", Media.ascii("<!doctype html><html><body>hi</body></html>"), Optional.empty()),
        Arguments.of("text", Media.ascii("just some text"), Optional.empty()),
        Arguments.of(
            "riff wav", Media.padded(Media.ascii("RIFF\0\0\0\0WAVEfmt "), 64), Optional.empty()),
        Arguments.of("truncated png", new byte[] {(byte) 0x89, 'P', 'N'}, Optional.empty()),
        Arguments.of("empty", new byte[0], Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("magicBytes")
  void theTypeIsDecidedByTheMagicBytes(String name, byte[] file, Optional<MediaKind> expected) {
    int length = Math.min(file.length, MediaKind.HEAD_BYTES);
    byte[] head = java.util.Arrays.copyOf(file, MediaKind.HEAD_BYTES);
    assertThat(MediaKind.sniff(head, length)).isEqualTo(expected);
  }
}
