package io.chatterlink.bench;

import java.util.Optional;

/**
 * The text of a bench message: {@code jb|<sender>|<seq>|<sent nanos>|<padding>}. The send time
 * travels in the message itself, so every receiver measures the latency of its own delivery against
 * the one monotonic clock the whole generator process shares.
 *
 * @param sender the sending client's index
 * @param seq the sender's message counter
 * @param sentNanos the (intended) send time on the generator's clock, in nanoseconds
 */
record Payload(int sender, long seq, long sentNanos) {
  private static final String PREFIX = "jb|";

  /** This payload as a message text of exactly {@code bytes} ASCII characters (or its prefix). */
  String encode(int bytes) {
    StringBuilder text = new StringBuilder(bytes);
    text.append(PREFIX)
        .append(sender)
        .append('|')
        .append(seq)
        .append('|')
        .append(sentNanos)
        .append('|');
    while (text.length() < bytes) {
      text.append('x');
    }
    return text.toString();
  }

  /** The payload a message text carries; empty for any text the bench did not write. */
  static Optional<Payload> decode(String text) {
    if (!text.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int a = text.indexOf('|', PREFIX.length());
    int b = a < 0 ? -1 : text.indexOf('|', a + 1);
    int c = b < 0 ? -1 : text.indexOf('|', b + 1);
    if (c < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Payload(
              Integer.parseInt(text, PREFIX.length(), a, 10),
              Long.parseLong(text, a + 1, b, 10),
              Long.parseLong(text, b + 1, c, 10)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
