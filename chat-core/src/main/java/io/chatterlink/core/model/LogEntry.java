package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a room's log: a post, an edit or a delete, each with its own seq. Replaying the log
 * after a seq N brings a client from its state at N to the current state.
 *
 * @param roomId the room whose log holds the entry
 * @param seq the entry's position in the room's log, from 1
 * @param kind what the entry records
 * @param message the message the entry is about, in its current state
 * @param body the message's current body, the one stored copy that history reads too (an entry does
 *     not keep the text it set: a resync replays to the current state, not through superseded
 *     edits); empty for DELETED and for any entry of a message deleted since
 * @param at when the post, edit or delete happened
 */
public record LogEntry(
    RoomId roomId,
    long seq,
    EntryKind kind,
    StoredMessage message,
    Optional<EncryptedBody> body,
    Instant at) {
  /**
   * Checks the entry.
   *
   * @param roomId the room; not null
   * @param seq the entry's seq; at least 1
   * @param kind what it records; not null
   * @param message the message; not null
   * @param body the current body, or empty; not null
   * @param at when it happened; not null
   * @throws IllegalArgumentException if {@code seq} is below 1
   */
  public LogEntry {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(at, "at");
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1");
    }
  }
}
