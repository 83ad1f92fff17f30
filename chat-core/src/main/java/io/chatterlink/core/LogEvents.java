package io.chatterlink.core;

import io.chatterlink.core.event.MessageDeleted;
import io.chatterlink.core.event.MessageEdited;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.model.EntryKind;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.StoredMessage;
import java.util.Optional;

/**
 * A stored log entry as the event a client receives: one conversion for a resync and for a node
 * that reads another node's entries from the log, so that both send exactly what a live push does.
 */
final class LogEvents {
  private LogEvents() {}

  static SequencedEvent toEvent(MessageViews views, LogEntry entry) {
    StoredMessage message = entry.message();
    if (entry.kind() == EntryKind.POSTED) {
      // The store keeps one body per message, the current one: a post replayed after an edit
      // shows the edited text, so it says when that edit was, as the message's history does.
      return new MessagePosted(views.view(message, entry.body(), message.editedAt()));
    }
    if (entry.kind() == EntryKind.EDITED) {
      MessageView view = views.view(message, entry.body(), Optional.of(entry.at()));
      return new MessageEdited(entry.seq(), view);
    }
    if (entry.kind() == EntryKind.DELETED) {
      return new MessageDeleted(entry.roomId(), entry.seq(), message.id(), entry.at());
    }
    throw new AssertionError(entry.kind());
  }
}
