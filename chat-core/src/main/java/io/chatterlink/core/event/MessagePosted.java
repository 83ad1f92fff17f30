package io.chatterlink.core.event;

import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.RoomId;
import java.util.Objects;

/** A message was posted; its seq is the message's own. */
public record MessagePosted(MessageView message) implements SequencedEvent {
  /**
   * Creates the event.
   *
   * @param message the message as posted, with its seq
   * @throws NullPointerException if a reference component is null
   */
  public MessagePosted {
    Objects.requireNonNull(message, "message");
  }

  @Override
  public RoomId roomId() {
    return message.roomId();
  }

  @Override
  public long seq() {
    return message.seq();
  }
}
