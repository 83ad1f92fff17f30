package io.chatterlink.core.event;

import io.chatterlink.core.model.PresenceView;
import java.util.Objects;

/** A user came online, went away or went offline; sent to everyone sharing a room with them. */
public record PresenceChanged(PresenceView presence) implements ChatEvent {
  /**
   * Creates the event.
   *
   * @param presence the user's new presence
   * @throws NullPointerException if a reference component is null
   */
  public PresenceChanged {
    Objects.requireNonNull(presence, "presence");
  }
}
