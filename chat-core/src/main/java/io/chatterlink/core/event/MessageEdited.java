package io.chatterlink.core.event;

import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.RoomId;
import java.util.Objects;

/**
 * A message's text was replaced.
 *
 * @param seq the edit's own seq (the message keeps its original one)
 * @param message the message with its new text
 */
public record MessageEdited(long seq, MessageView message) implements SequencedEvent {
  /**
   * Creates the event.
   *
   * @param seq the edit's own seq
   * @param message the message with its new text
   * @throws NullPointerException if a reference component is null
   */
  public MessageEdited {
    Objects.requireNonNull(message, "message");
  }

  @Override
  public RoomId roomId() {
    return message.roomId();
  }
}
