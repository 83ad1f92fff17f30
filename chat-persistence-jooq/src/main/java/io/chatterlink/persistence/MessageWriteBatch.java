package io.chatterlink.persistence;

import static io.chatterlink.persistence.schema.Tables.MESSAGES;
import static io.chatterlink.persistence.schema.Tables.MESSAGE_ATTACHMENTS;
import static io.chatterlink.persistence.schema.Tables.MESSAGE_LOG;
import static io.chatterlink.persistence.schema.Tables.ROOM_SEQS;

import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.EntryKind;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.persistence.schema.tables.records.MessageAttachmentsRecord;
import io.chatterlink.persistence.schema.tables.records.MessageLogRecord;
import io.chatterlink.persistence.schema.tables.records.MessagesRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The writes of one group, inside one open transaction. Appends are staged and written together
 * as JDBC batches by {@link #flush()}; seqs are counted in memory from the room's stored counter
 * and the counter is written back in the same transaction. An edit or delete flushes first, so it
 * sees every earlier write of its group.
 *
 * <p>An operation that fails with a domain error (a duplicate, a missing message) decides so before
 * it stages anything, so the rest of the group is unaffected.
 */
final class MessageWriteBatch {
  private final DSLContext dsl;
  private final Map<String, Long> lastSeqByRoom = new HashMap<>();
  private final Map<String, Long> dirtySeqs = new LinkedHashMap<>();
  private final Map<List<String>, StoredMessage> appendedInGroup = new HashMap<>();
  private final List<MessagesRecord> messageRows = new ArrayList<>();
  private final List<MessageLogRecord> logRows = new ArrayList<>();
  private final List<MessageAttachmentsRecord> attachmentRows = new ArrayList<>();

  MessageWriteBatch(DSLContext dsl) {
    this.dsl = dsl;
  }

  AppendOutcome append(NewMessage message) {
    List<String> pair = List.of(message.sender().value(), message.clientMessageId().value());
    StoredMessage earlier = appendedInGroup.get(pair);
    if (earlier != null) {
      return new AppendOutcome(earlier, true);
    }
    Optional<StoredMessage> stored = MessageRows.findBySenderAndClientId(dsl, message.sender(), message.clientMessageId());
    if (stored.isPresent()) {
      return new AppendOutcome(stored.get(), true);
    }
    StoredMessage posted = StoredMessage.posted(message, nextSeq(message.roomId()));
    messageRows.add(messageRow(posted));
    logRows.add(logRow(posted.roomId(), posted.seq(), EntryKind.POSTED, posted.id(), posted.body(), posted.sentAt()));
    for (int i = 0; i < posted.attachments().size(); i++) {
      MessageAttachmentsRecord row = dsl.newRecord(MESSAGE_ATTACHMENTS);
      row.setMessageId(posted.id().value());
      row.setPosition((long) i);
      row.setAttachmentId(posted.attachments().get(i).value());
      attachmentRows.add(row);
    }
    appendedInGroup.put(pair, posted);
    return new AppendOutcome(posted, false);
  }

  LogEntry edit(MessageId id, EncryptedBody body, Instant at) {
    StoredMessage current = liveMessage(id);
    long seq = nextSeq(current.roomId());
    dsl.update(MESSAGES)
        .set(MESSAGES.BODY, body.token())
        .set(MESSAGES.EDITED_AT, Instants.toNanos(at))
        .where(MESSAGES.ID.eq(id.value()))
        .execute();
    logRows.add(logRow(current.roomId(), seq, EntryKind.EDITED, id, Optional.of(body), at));
    return new LogEntry(current.roomId(), seq, EntryKind.EDITED, current.edited(body, at), Optional.of(body), at);
  }

  /** Erases the body from the message and from every earlier log entry of it. */
  LogEntry delete(MessageId id, Instant at) {
    StoredMessage current = liveMessage(id);
    long seq = nextSeq(current.roomId());
    dsl.update(MESSAGES)
        .setNull(MESSAGES.BODY)
        .set(MESSAGES.DELETED, true)
        .where(MESSAGES.ID.eq(id.value()))
        .execute();
    dsl.update(MESSAGE_LOG).setNull(MESSAGE_LOG.BODY).where(MESSAGE_LOG.MESSAGE_ID.eq(id.value())).execute();
    dsl.deleteFrom(MESSAGE_ATTACHMENTS).where(MESSAGE_ATTACHMENTS.MESSAGE_ID.eq(id.value())).execute();
    logRows.add(logRow(current.roomId(), seq, EntryKind.DELETED, id, Optional.empty(), at));
    return new LogEntry(current.roomId(), seq, EntryKind.DELETED, current.tombstone(), Optional.empty(), at);
  }

  private StoredMessage liveMessage(MessageId id) {
    flush();
    return MessageRows.findById(dsl, id)
        .filter(message -> !message.deleted())
        .orElseThrow(() -> new NotFoundException("no such message"));
  }

  /** Writes everything staged: rows first, in foreign-key order, then the rooms' seq counters. */
  void flush() {
    if (!messageRows.isEmpty()) {
      dsl.batchInsert(messageRows).execute();
    }
    if (!logRows.isEmpty()) {
      dsl.batchInsert(logRows).execute();
    }
    if (!attachmentRows.isEmpty()) {
      dsl.batchInsert(attachmentRows).execute();
    }
    dirtySeqs.forEach(
        (room, last) ->
            dsl.insertInto(ROOM_SEQS)
                .set(ROOM_SEQS.ROOM_ID, room)
                .set(ROOM_SEQS.LAST_SEQ, last)
                .onConflict(ROOM_SEQS.ROOM_ID)
                .doUpdate()
                .set(ROOM_SEQS.LAST_SEQ, last)
                .execute());
    messageRows.clear();
    logRows.clear();
    attachmentRows.clear();
    dirtySeqs.clear();
  }

  private long nextSeq(RoomId room) {
    long last = lastSeqByRoom.computeIfAbsent(room.value(), this::storedLastSeq);
    long next = last + 1;
    lastSeqByRoom.put(room.value(), next);
    dirtySeqs.put(room.value(), next);
    return next;
  }

  private long storedLastSeq(String room) {
    return dsl.select(ROOM_SEQS.LAST_SEQ)
        .from(ROOM_SEQS)
        .where(ROOM_SEQS.ROOM_ID.eq(room))
        .fetchOptional(ROOM_SEQS.LAST_SEQ)
        .orElse(0L);
  }

  private MessagesRecord messageRow(StoredMessage message) {
    MessagesRecord row = dsl.newRecord(MESSAGES);
    row.setId(message.id().value());
    row.setRoomId(message.roomId().value());
    row.setSeq(message.seq());
    row.setSender(message.sender().value());
    row.setClientMessageId(message.clientMessageId().value());
    row.setBody(message.body().map(EncryptedBody::token).orElse(null));
    row.setReplyTo(message.replyTo().map(MessageId::value).orElse(null));
    row.setSentAt(Instants.toNanos(message.sentAt()));
    row.setEditedAt(null);
    row.setDeleted(false);
    return row;
  }

  private MessageLogRecord logRow(
      RoomId room, long seq, EntryKind kind, MessageId message, Optional<EncryptedBody> body, Instant at) {
    MessageLogRecord row = dsl.newRecord(MESSAGE_LOG);
    row.setRoomId(room.value());
    row.setSeq(seq);
    row.setKind(kind.name());
    row.setMessageId(message.value());
    row.setBody(body.map(EncryptedBody::token).orElse(null));
    row.setAt(Instants.toNanos(at));
    return row;
  }
}
