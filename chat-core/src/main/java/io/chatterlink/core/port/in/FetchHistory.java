package io.chatterlink.core.port.in;

import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.List;

/** Reading a room's history, and catching up after a disconnect. */
public interface FetchHistory {
  /**
   * A page of messages, oldest first; members only. Deleted messages appear as tombstones, so a
   * client can tell where they were.
   *
   * @param actor the reading user
   * @param room the room
   * @param request which page and how many messages (1 to {@link
   *     io.chatterlink.core.model.Limits#MAX_PAGE_SIZE})
   * @return the messages decrypted, and whether more lie beyond the page
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room or the actor is
   *     not a member (the two look alike)
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  HistoryPage page(UserId actor, RoomId room, PageRequest request);

  /**
   * The room's log after {@code afterSeq}: posts, edits and deletes, in seq order, at most {@code
   * limit} (1 to {@link io.chatterlink.core.model.Limits#MAX_RESYNC_BATCH}); call again from {@link
   * ResyncBatch#lastSeq()} while {@link ResyncBatch#hasMore()}.
   *
   * @param actor the reading user
   * @param room the room
   * @param afterSeq the last seq the client has seen; 0 for the whole log
   * @param limit most events wanted, 1 to {@link io.chatterlink.core.model.Limits#MAX_RESYNC_BATCH}
   * @return the events after {@code afterSeq}, oldest first
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room or the actor is
   *     not a member (the two look alike)
   * @throws io.chatterlink.core.error.InvalidInputException if {@code limit} is out of range or
   *     {@code afterSeq} is negative
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  ResyncBatch resync(UserId actor, RoomId room, long afterSeq, int limit);

  /**
   * A history page.
   *
   * @param room the room read
   * @param messages the page, oldest first; tombstones included
   * @param hasMore whether messages exist beyond this page in the direction asked
   */
  record HistoryPage(RoomId room, List<MessageView> messages, boolean hasMore) {
    /**
     * Creates the page; {@code messages} is copied.
     *
     * @param room the room
     * @param messages the messages, oldest first
     * @param hasMore whether there is more in the direction asked
     */
    public HistoryPage {
      messages = List.copyOf(messages);
    }
  }

  /**
   * Log entries after a seq.
   *
   * @param room the room read
   * @param events posts, edits and deletes in seq order
   * @param lastSeq the seq of the last event returned, or the asked seq if none
   * @param hasMore whether the log goes on after {@code lastSeq}: ask again from there
   */
  record ResyncBatch(RoomId room, List<SequencedEvent> events, long lastSeq, boolean hasMore) {
    /**
     * Creates the batch; {@code events} is copied.
     *
     * @param room the room
     * @param events the events, in seq order
     * @param lastSeq where to go on from
     * @param hasMore whether the log goes on
     */
    public ResyncBatch {
      events = List.copyOf(events);
    }
  }
}
