package io.chatterlink.core;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.FetchHistory;
import io.chatterlink.core.port.out.MessageStore;
import java.util.ArrayList;
import java.util.List;

/** History pages and resync after a disconnect; members only. */
final class HistoryService implements FetchHistory {
  private final RoomAccess access;
  private final MessageStore messages;
  private final MessageViews views;

  HistoryService(RoomAccess access, MessageStore messages, MessageViews views) {
    this.access = access;
    this.messages = messages;
    this.views = views;
  }

  @Override
  public HistoryPage page(UserId actor, RoomId room, PageRequest request) {
    access.requireMember(actor, room);
    List<StoredMessage> page;
    boolean hasMore;
    if (request.limit() < Limits.MAX_PAGE_SIZE) {
      // One row more than asked tells whether there is more, without a second query.
      List<StoredMessage> fetched =
          messages.page(
              room, new PageRequest(request.direction(), request.anchorSeq(), request.limit() + 1));
      hasMore = fetched.size() > request.limit();
      page = hasMore ? dropExtra(fetched, request) : fetched;
    } else {
      page = messages.page(room, request);
      hasMore = !page.isEmpty() && existsBeyond(room, page, request);
    }
    return new HistoryPage(room, page.stream().map(views::current).toList(), hasMore);
  }

  @Override
  public ResyncBatch resync(UserId actor, RoomId room, long afterSeq, int limit) {
    access.requireMember(actor, room);
    if (limit < 1 || limit > Limits.MAX_RESYNC_BATCH) {
      throw new InvalidInputException(
          "resync limit must be between 1 and " + Limits.MAX_RESYNC_BATCH);
    }
    if (afterSeq < 0) {
      throw new InvalidInputException("seq must not be negative");
    }
    // Never more than a batch from the store (stores may clip there); a full batch asks whether
    // the log goes on, as a full history page does.
    List<LogEntry> batch = messages.entriesAfter(room, afterSeq, limit);
    boolean hasMore =
        batch.size() == limit && messages.lastSeq(room) > batch.get(batch.size() - 1).seq();
    List<SequencedEvent> events = new ArrayList<>(batch.size());
    for (LogEntry entry : batch) {
      events.add(LogEvents.toEvent(views, entry));
    }
    long lastSeq = batch.isEmpty() ? afterSeq : batch.get(batch.size() - 1).seq();
    return new ResyncBatch(room, events, lastSeq, hasMore);
  }

  private static List<StoredMessage> dropExtra(List<StoredMessage> fetched, PageRequest request) {
    return request.direction() == PageRequest.Direction.AFTER
        ? fetched.subList(0, fetched.size() - 1)
        : fetched.subList(1, fetched.size());
  }

  /** For a full-size page, asks for one message past its far edge. */
  private boolean existsBeyond(RoomId room, List<StoredMessage> page, PageRequest request) {
    PageRequest probe =
        request.direction() == PageRequest.Direction.AFTER
            ? PageRequest.after(page.get(page.size() - 1).seq(), 1)
            : PageRequest.before(page.get(0).seq(), 1);
    return !messages.page(room, probe).isEmpty();
  }
}
