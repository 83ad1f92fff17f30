package io.chatterlink.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The file types ChatterLink accepts, recognised by their magic bytes (never by name or declared
 * type, which only have to agree with what the bytes say).
 */
enum MediaKind {
  PNG("image/png", Set.of("png"), true),
  JPEG("image/jpeg", Set.of("jpg", "jpeg"), true),
  GIF("image/gif", Set.of("gif"), true),
  /** No thumbnail: the JDK cannot decode WebP, so the original is served in its place. */
  WEBP("image/webp", Set.of("webp"), false),
  MP4("video/mp4", Set.of("mp4", "m4v"), false),
  WEBM("video/webm", Set.of("webm"), false);

  /** Bytes of a file's head that {@link #sniff} looks at. */
  static final int HEAD_BYTES = 64;

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] EBML_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

  /** MP4 major brands we accept; QuickTime ({@code qt }) and HEIF image brands are refused. */
  private static final Set<String> MP4_BRANDS =
      Set.of(
          "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4");

  /** The WebM DocType element (ID 0x4282, length 4, "webm"); Matroska files say "matroska". */
  private static final byte[] WEBM_DOCTYPE = {0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'};

  private final String mediaType;
  private final Set<String> extensions;
  private final boolean thumbnailed;

  MediaKind(String mediaType, Set<String> extensions, boolean thumbnailed) {
    this.mediaType = mediaType;
    this.extensions = extensions;
    this.thumbnailed = thumbnailed;
  }

  String mediaType() {
    return mediaType;
  }

  Set<String> extensions() {
    return extensions;
  }

  /** Whether the server makes a thumbnail of this kind (the JDK can decode it). */
  boolean thumbnailed() {
    return thumbnailed;
  }

  /** The kind of media type {@code type}, if it is one we accept. */
  static Optional<MediaKind> ofMediaType(String type) {
    return Arrays.stream(values()).filter(k -> k.mediaType.equals(type)).findFirst();
  }

  /** What the first bytes of a file say it is; empty for anything we do not accept. */
  static Optional<MediaKind> sniff(byte[] head, int length) {
    if (startsWith(head, length, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (length >= 3
        && (head[0] & 0xFF) == 0xFF
        && (head[1] & 0xFF) == 0xD8
        && (head[2] & 0xFF) == 0xFF) {
      return Optional.of(JPEG);
    }
    if (ascii(head, length, 0, 6).equals("GIF87a") || ascii(head, length, 0, 6).equals("GIF89a")) {
      return Optional.of(GIF);
    }
    if (ascii(head, length, 0, 4).equals("RIFF") && ascii(head, length, 8, 4).equals("WEBP")) {
      return Optional.of(WEBP);
    }
    if (ascii(head, length, 4, 4).equals("ftyp")
        && MP4_BRANDS.contains(ascii(head, length, 8, 4))) {
      return Optional.of(MP4);
    }
    if (startsWith(head, length, EBML_MAGIC) && indexOf(head, length, WEBM_DOCTYPE) > 0) {
      return Optional.of(WEBM);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, int length, byte[] magic) {
    return length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }

  private static String ascii(byte[] head, int length, int from, int count) {
    return length >= from + count ? new String(head, from, count, StandardCharsets.ISO_8859_1) : "";
  }

  private static int indexOf(byte[] head, int length, byte[] needle) {
    for (int i = 0; i + needle.length <= length; i++) {
      if (Arrays.equals(head, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
