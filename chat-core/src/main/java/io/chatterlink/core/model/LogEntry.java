package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a room's log: a post, an edit or a delete, each with its own seq. Replaying the log
 * after a seq N brings a client from its state at N to the current state.
 *
 * @param message the message the entry is about, in its current state
 * @param body the message's current body, the one stored copy that history reads too (an entry does
 *     not keep the text it set: a resync replays to the current state, not through superseded
 *     edits); empty for DELETED and for any entry of a message deleted since
 */
public record LogEntry(
    RoomId roomId,
    long seq,
    EntryKind kind,
    StoredMessage message,
    Optional<EncryptedBody> body,
    Instant at) {
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
