package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.RoomId;

/**
 * Where a stored body sits in the in-memory message store: a room and the seq of the post whose
 * message holds the body. Written as {@code <room id>:<seq>}; room ids cannot contain a colon.
 */
record BodyCursor(RoomId room, long seq) {
  static BodyCursor parse(String cursor) {
    int colon = cursor.lastIndexOf(':');
    if (colon < 1) {
      throw new InvalidInputException("re-encryption cursor is malformed");
    }
    try {
      long seq = Long.parseLong(cursor.substring(colon + 1));
      if (seq < 0) {
        throw new InvalidInputException("re-encryption cursor is malformed");
      }
      return new BodyCursor(new RoomId(cursor.substring(0, colon)), seq);
    } catch (NumberFormatException | InvalidInputException e) {
      throw new InvalidInputException("re-encryption cursor is malformed", e);
    }
  }

  String format() {
    return room.value() + ":" + seq;
  }
}
