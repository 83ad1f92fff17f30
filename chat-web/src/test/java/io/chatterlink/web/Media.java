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

  static byte[] webp() {
    return padded(concat(ascii("RIFF"), new byte[] {0x24, 0, 0, 0}, ascii("WEBPVP8 ")), 200);
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
