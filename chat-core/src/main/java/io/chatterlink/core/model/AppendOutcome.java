package io.chatterlink.core.model;

import java.util.Objects;

/**
 * What appending a message produced.
 *
 * @param message the stored message, with its seq
 * @param duplicate true when the (sender, client message id) pair was already stored: {@code
 *     message} is then the original and nothing new was written
 */
public record AppendOutcome(StoredMessage message, boolean duplicate) {
  /**
   * Creates the outcome.
   *
   * @param message the stored message (the original one for a duplicate); not null
   * @param duplicate whether the append found the message already stored
   */
  public AppendOutcome {
    Objects.requireNonNull(message, "message");
  }
}
