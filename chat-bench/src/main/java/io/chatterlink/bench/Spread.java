package io.chatterlink.bench;

import java.util.Locale;

/** How the clients are placed on the targets when there are several. */
enum Spread {
  /**
   * The members of each room go round-robin over the targets, each room starting one target
   * further: senders and receivers are both spread, and a room with at least as many members as
   * there are targets has members on every target, so most deliveries cross from one server to
   * another.
   */
  ROUND_ROBIN,
  /**
   * Every sender on the first target, every receiver round-robin over the others: each delivery to
   * a receiver crosses servers (only the senders' own echoes stay on the first target).
   */
  SENDERS_FIRST;

  /** The option's spelling: {@code round-robin}, {@code senders-first}. */
  String optionValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * @throws IllegalArgumentException for any other value than those of {@link #optionValue()}
   */
  static Spread ofOption(String value) {
    for (Spread s : values()) {
      if (s.optionValue().equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("--spread must be round-robin or senders-first");
  }
}
