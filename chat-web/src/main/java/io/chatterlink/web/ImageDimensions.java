package io.chatterlink.web;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.LimitExceededException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The pixel size an image declares in its header, read without decoding a pixel, and the limit on
 * it. A browser allocates what the header declares, so a 1 KB PNG declaring 50000 × 50000 costs
 * every member who opens it gigabytes: such images are refused before they are stored.
 */
final class ImageDimensions {
  /** Most pixels in an accepted image: 40 megapixels, above any phone camera's 8K frame. */
  static final long MAX_PIXELS = 40_000_000L;

  /** Longest accepted side: 16384 pixels, the largest texture and canvas side browsers promise. */
  static final int MAX_EDGE = 16_384;

  private ImageDimensions() {}

  /** Width and height in pixels. */
  record Size(int width, int height) {
    long pixels() {
      return (long) width * height;
    }
  }

  /**
   * Checks the declared size of an image upload; other kinds pass.
   *
   * @param head the file's first bytes, as {@link MediaKind#sniff} saw them
   * @throws InvalidInputException when the header cannot be read
   * @throws LimitExceededException when the image is larger than the limits
   */
  static void requireWithinLimits(MediaKind kind, byte[] head, int headLength, Path file) {
    if (!kind.mediaType().startsWith("image/")) {
      return;
    }
    Size size =
        kind == MediaKind.WEBP ? WebpHeader.size(head, headLength) : viaImageIo(kind, head, file);
    if (size.width() < 1 || size.height() < 1) {
      throw unreadable();
    }
    if (size.width() > MAX_EDGE || size.height() > MAX_EDGE || size.pixels() > MAX_PIXELS) {
      throw new LimitExceededException(
          String.format(
              Locale.ROOT,
              "the image is %d × %d pixels; the limit is %d pixels a side and %d megapixels",
              size.width(),
              size.height(),
              MAX_EDGE,
              MAX_PIXELS / 1_000_000));
    }
  }

  /** ImageIO's reader for the kind, asked for the first image's size only (no pixel is decoded). */
  private static Size viaImageIo(MediaKind kind, byte[] head, Path file) {
    Size size = imageIoSize(file);
    if (kind == MediaKind.GIF) {
      // A browser sizes an animation by its logical screen, which may exceed every frame.
      Size screen = gifScreen(head);
      return new Size(
          Math.max(size.width(), screen.width()), Math.max(size.height(), screen.height()));
    }
    return size;
  }

  private static Size imageIoSize(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw unreadable();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new Size(reader.getWidth(0), reader.getHeight(0));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException) {
        throw (InvalidInputException) e;
      }
      throw unreadable();
    }
  }

  /** The GIF logical screen: two little-endian 16-bit numbers after "GIF89a". */
  private static Size gifScreen(byte[] head) {
    return new Size(
        (head[6] & 0xFF) | (head[7] & 0xFF) << 8, (head[8] & 0xFF) | (head[9] & 0xFF) << 8);
  }

  static InvalidInputException unreadable() {
    return new InvalidInputException("the image's header cannot be read: the file is damaged");
  }
}
