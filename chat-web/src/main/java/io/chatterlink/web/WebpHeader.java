package io.chatterlink.web;

import java.nio.charset.StandardCharsets;

/**
 * The canvas size of a WebP file, from its first chunk (the JDK has no WebP reader). Three layouts
 * exist (Google's "WebP Container Specification" and RFC 9649): {@code VP8 } (lossy: 14-bit sizes
 * after the key frame's start code), {@code VP8L} (lossless: 14-bit sizes minus one after the
 * signature byte 0x2F) and {@code VP8X} (extended: 24-bit canvas sizes minus one). Every one of
 * them fits in the first 30 bytes.
 */
final class WebpHeader {
  private WebpHeader() {}

  /**
   * @throws io.chatterlink.core.error.InvalidInputException if the chunk is none of the three or
   *     its header is malformed
   */
  static ImageDimensions.Size size(byte[] head, int length) {
    if (length < 30) {
      throw ImageDimensions.unreadable();
    }
    String chunk = new String(head, 12, 4, StandardCharsets.US_ASCII);
    switch (chunk) {
      case "VP8 ":
        // Frame tag (3 bytes), then the start code 9D 01 2A, then width and height.
        if ((head[23] & 0xFF) != 0x9D || (head[24] & 0xFF) != 0x01 || (head[25] & 0xFF) != 0x2A) {
          throw ImageDimensions.unreadable();
        }
        return new ImageDimensions.Size(le16(head, 26) & 0x3FFF, le16(head, 28) & 0x3FFF);
      case "VP8L":
        if ((head[20] & 0xFF) != 0x2F) {
          throw ImageDimensions.unreadable();
        }
        int bits = le32(head, 21);
        return new ImageDimensions.Size((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
      case "VP8X":
        return new ImageDimensions.Size(le24(head, 24) + 1, le24(head, 27) + 1);
      default:
        throw ImageDimensions.unreadable();
    }
  }

  private static int le16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static int le24(byte[] b, int at) {
    return le16(b, at) | (b[at + 2] & 0xFF) << 16;
  }

  private static int le32(byte[] b, int at) {
    return le24(b, at) | (b[at + 3] & 0xFF) << 24;
  }
}
