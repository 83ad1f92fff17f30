package io.chatterlink.app.e2e;

import io.chatterlink.app.AppConfig;
import io.chatterlink.app.ChatServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** Starting whole servers for tests: ephemeral port, everything under the given directory. */
final class TestServers {
  /** The bearer token {@code /metrics} of a test server answers to. */
  static final String METRICS_TOKEN = "test-metrics-token-0123456789";

  private TestServers() {}

  /** A server on a free loopback port with its data in {@code dataDir}, plus any extra settings. */
  static ChatServer start(Path dataDir, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.putIfAbsent("PORT", "0");
    env.putIfAbsent("HOST", "127.0.0.1");
    env.putIfAbsent("DATA_DIR", dataDir.toString());
    env.putIfAbsent("SHUTDOWN_GRACE_SECONDS", "2");
    // Every test account registers from 127.0.0.1; the production default (10 an hour) is for
    // people.
    env.putIfAbsent("REGISTRATIONS_PER_HOUR", "1000");
    env.putIfAbsent("METRICS_TOKEN", METRICS_TOKEN);
    return ChatServer.start(AppConfig.load(env, dataDir));
  }

  /**
   * The start of an MP4 file: an {@code ftyp} box (brand {@code isom}) followed by filler, which is
   * what type sniffing and byte ranges look at.
   */
  static byte[] mp4Header(int length) {
    byte[] bytes = new byte[length];
    byte[] ftyp = {
      0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm',
      'p', '4', '1'
    };
    System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
    for (int i = ftyp.length; i < length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    return bytes;
  }

  /** A small real PNG (a gradient), so thumbnails have something to decode. */
  static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, new Color(x * 255 / width, y * 255 / height, 128).getRGB());
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
