package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A room or a direct conversation.
 *
 * @param id the room's id
 * @param kind public, private or direct conversation
 * @param name the display name
 * @param directKey for {@link RoomKind#DIRECT} only: the sorted member ids joined by {@code ','};
 *     stores keep it unique so that opening the same conversation twice returns one room
 * @param createdAt when the room was created
 */
public record Room(
    RoomId id, RoomKind kind, String name, Optional<String> directKey, Instant createdAt) {
  /**
   * Checks the room.
   *
   * @param id its id
   * @param kind public, private or direct
   * @param name its display name, cleaned and at most {@link Limits#MAX_ROOM_NAME_LENGTH}
   *     characters
   * @param directKey the direct key, present exactly for DIRECT rooms
   * @param createdAt when it was created
   * @throws io.chatterlink.core.error.InvalidInputException if the name is blank, too long or holds
   *     control characters
   * @throws IllegalArgumentException if {@code directKey} is present for a non-direct room or
   *     missing for a direct one
   */
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

  /**
   * This room under another name.
   *
   * @param newName the new display name, checked as the constructor checks names
   * @return a copy with {@code newName}
   * @throws io.chatterlink.core.error.InvalidInputException if the name is blank, too long or holds
   *     control characters
   */
  public Room withName(String newName) {
    return new Room(id, kind, newName, directKey, createdAt);
  }
}
