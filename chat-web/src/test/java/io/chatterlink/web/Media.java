package io.chatterlink.web;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Sample files: real images made with ImageIO, and the heads of the other formats. */
final class Media {
  private Media() {}

  static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, new Color((x * 7) % 256, (y * 5) % 256, 128).getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A one-colour PNG: large in pixels, tiny in bytes. */
  static byte[] flatPng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] png() {
    return image("png", 40, 30);
  }

  /** A lossy WebP of 400 × 300 pixels (its header; the JDK decodes no WebP anyway). */
  static byte[] webp() {
    return webpLossy(400, 300);
  }

  /** The head of a lossy WebP ({@code VP8 }): a key frame's start code, then 14-bit sizes. */
  static byte[] webpLossy(int width, int height) {
    return webpChunk(
        "VP8 ",
        concat(new byte[] {0x10, 0x02, 0, (byte) 0x9D, 0x01, 0x2A}, le(width, 2), le(height, 2)));
  }

  /** The head of a lossless WebP ({@code VP8L}): 0x2F, then 14-bit sizes minus one. */
  static byte[] webpLossless(int width, int height) {
    return webpChunk("VP8L", concat(new byte[] {0x2F}, le((width - 1) | (height - 1) << 14, 4)));
  }

  /** The head of an extended WebP ({@code VP8X}): flags, then 24-bit canvas sizes minus one. */
  static byte[] webpExtended(int width, int height) {
    return webpChunk("VP8X", concat(new byte[4], le(width - 1, 3), le(height - 1, 3)));
  }

  private static byte[] webpChunk(String fourCc, byte[] data) {
    return padded(
        concat(
            ascii("RIFF"), le(200 - 8, 4), ascii("WEBP"), ascii(fourCc), le(data.length, 4), data),
        200);
  }

  /** {@code value} in {@code bytes} little-endian bytes. */
  static byte[] le(long value, int bytes) {
    byte[] out = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      out[i] = (byte) (value >>> (8 * i));
    }
    return out;
  }

  /** A valid PNG header (signature and IHDR) declaring any size, with no image data: 33 bytes. */
  static byte[] pngDeclaring(int width, int height) {
    byte[] ihdr =
        concat(ascii("IHDR"), be(width), be(height), new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(ihdr);
    return concat(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
        be(13),
        ihdr,
        be((int) crc.getValue()));
  }

  private static byte[] be(int value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  static byte[] mp4(int size) {
    return padded(
        concat(
            new byte[] {0, 0, 0, 0x18},
            ascii("ftypisom"),
            new byte[] {0, 0, 2, 0},
            ascii("isomiso2")),
        size);
  }

  static byte[] webm() {
    return padded(
        concat(
            new byte[] {
              0x1A,
              0x45,
              (byte) 0xDF,
              (byte) 0xA3,
              (byte) 0x9F,
              0x42,
              (byte) 0x86,
              (byte) 0x81,
              0x01
            },
            new byte[] {0x42, (byte) 0x82, (byte) 0x84},
            ascii("webm")),
        300);
  }

  static byte[] matroska() {
    return padded(
        concat(
            new byte[] {
              0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0xA3, 0x42, (byte) 0x82, (byte) 0x88
            },
            ascii("matroska")),
        300);
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** {@code head} followed by a recognisable pattern up to {@code size} bytes. */
  static byte[] padded(byte[] head, int size) {
    byte[] bytes = Arrays.copyOf(head, Math.max(size, head.length));
    for (int i = head.length; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    return bytes;
  }
}
