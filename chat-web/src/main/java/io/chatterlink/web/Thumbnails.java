package io.chatterlink.web;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small PNG previews of PNG, JPEG and GIF images (first frame) with the JDK's ImageIO. The source
 * is decoded subsampled, so a large photo never becomes a large bitmap; images over {@link
 * #MAX_SOURCE_PIXELS} or that fail to decode simply get no thumbnail.
 */
final class Thumbnails {
  private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);

  /** Longest edge of a thumbnail, in pixels. */
  static final int MAX_EDGE = 320;

  /**
   * Largest source image, in pixels, that gets a thumbnail (a guard against decompression bombs;
   * larger images are refused at upload anyway).
   */
  static final long MAX_SOURCE_PIXELS = ImageDimensions.MAX_PIXELS;

  private Thumbnails() {}

  /** Writes a thumbnail of {@code source} to {@code target}; false when none could be made. */
  static boolean write(Path source, Path target) {
    try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return false;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1 || (long) width * height > MAX_SOURCE_PIXELS) {
          return false;
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(width, height) / (MAX_EDGE * 2));
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage thumbnail = scale(reader.read(0, param));
        return ImageIO.write(thumbnail, "png", target.toFile());
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("no thumbnail for an upload: {}", e.getClass().getSimpleName());
      return false;
    }
  }

  private static BufferedImage scale(BufferedImage image) {
    double factor =
        Math.min(1.0, (double) MAX_EDGE / Math.max(image.getWidth(), image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
    int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return scaled;
  }
}
