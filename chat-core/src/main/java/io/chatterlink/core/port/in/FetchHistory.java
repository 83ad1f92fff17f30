package io.chatterlink.core.port.in;

import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.List;

/** Reading a room's history, and catching up after a disconnect. */
public interface FetchHistory {
  /** A page of messages, oldest first; members only. */
  HistoryPage page(UserId actor, RoomId room, PageRequest request);

  /**
   * The room's log after {@code afterSeq}: posts, edits and deletes, in seq order, at most {@code
   * limit} (1 to {@link io.chatterlink.core.model.Limits#MAX_RESYNC_BATCH}); call again from {@link
   * ResyncBatch#lastSeq()} while {@link ResyncBatch#hasMore()}.
   */
  ResyncBatch resync(UserId actor, RoomId room, long afterSeq, int limit);

  /**
   * A history page.
   *
   * @param hasMore whether messages exist beyond this page in the direction asked
   */
  record HistoryPage(RoomId room, List<MessageView> messages, boolean hasMore) {
    public HistoryPage {
      messages = List.copyOf(messages);
    }
  }

  /**
   * Log entries after a seq.
   *
   * @param lastSeq the seq of the last event returned, or the asked seq if none
   */
  record ResyncBatch(RoomId room, List<SequencedEvent> events, long lastSeq, boolean hasMore) {
    public ResyncBatch {
      events = List.copyOf(events);
    }
  }
}
