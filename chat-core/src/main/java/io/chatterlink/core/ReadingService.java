package io.chatterlink.core;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.event.ReadMarkerMoved;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.TrackReading;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.core.port.out.RoomStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Read markers, which only move forward, and the unread counts they imply. */
final class ReadingService implements TrackReading {
  private final RoomAccess access;
  private final RoomStore rooms;
  private final MessageStore messages;
  private final Delivery delivery;

  ReadingService(RoomAccess access, RoomStore rooms, MessageStore messages, Delivery delivery) {
    this.access = access;
    this.rooms = rooms;
    this.messages = messages;
    this.delivery = delivery;
  }

  @Override
  public void markRead(UserId actor, RoomId room, long seq) {
    access.requireMember(actor, room);
    if (seq < 0) {
      throw new InvalidInputException("seq must not be negative");
    }
    long clamped = Math.min(seq, messages.lastSeq(room));
    if (rooms.advanceReadMarker(room, actor, clamped)) {
      // Only the reader's own connections care where their marker is.
      delivery.deliver(new ReadMarkerMoved(room, actor, clamped), Set.of(actor));
    }
  }

  @Override
  public Map<RoomId, Long> unreadCounts(UserId actor) {
    Map<RoomId, Long> counts = new LinkedHashMap<>();
    for (Membership m : rooms.membershipsOf(actor)) {
      counts.put(m.roomId(), messages.countUnread(m.roomId(), m.lastReadSeq(), actor));
    }
    return counts;
  }
}
