package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A room or a direct conversation.
 *
 * @param directKey for {@link RoomKind#DIRECT} only: the sorted member ids joined by {@code ','};
 *     stores keep it unique so that opening the same conversation twice returns one room
 */
public record Room(
    RoomId id, RoomKind kind, String name, Optional<String> directKey, Instant createdAt) {
  public Room {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    name = Text.requireName(name, "room name", Limits.MAX_ROOM_NAME_LENGTH);
    Objects.requireNonNull(directKey, "directKey");
    Objects.requireNonNull(createdAt, "createdAt");
    if ((kind == RoomKind.DIRECT) != directKey.isPresent()) {
      throw new IllegalArgumentException(
          "a direct key is required for, and only for, DIRECT rooms");
    }
  }

  /** This room under another name. */
  public Room withName(String newName) {
    return new Room(id, kind, newName, directKey, createdAt);
  }
}
