package io.chatterlink.persistence;

import static io.chatterlink.persistence.schema.Tables.MESSAGES;
import static io.chatterlink.persistence.schema.Tables.MESSAGE_ATTACHMENTS;
import static io.chatterlink.persistence.schema.Tables.MESSAGE_LOG;

import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.EntryKind;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * The writes of one group, inside one open transaction. Appends are staged and written together as
 * JDBC batches by {@link #flush()}; seqs are counted by {@link SeqCounters} and written back in the
 * same transaction. An edit or delete flushes first, so it sees every earlier write of its group.
 *
 * <p>An operation that fails with a domain error (a duplicate, a missing message) decides so before
 * it stages anything, so the rest of the group is unaffected.
 */
final class MessageWriteBatch {
  private final DSLContext dsl;
  private final SeqCounters seqs;
  private final Map<List<String>, StoredMessage> appendedInGroup = new HashMap<>();
  private final Set<List<String>> expectedPairs = new LinkedHashSet<>();
  private Map<List<String>, StoredMessage> storedForExpected;
  private final List<Object[]> messageRows = new ArrayList<>();
  private final List<Object[]> logRows = new ArrayList<>();
  private final List<Object[]> attachmentRows = new ArrayList<>();

  MessageWriteBatch(DSLContext dsl) {
    this.dsl = dsl;
    this.seqs = new SeqCounters(dsl);
  }

  /** Announces an append of this group, so that one query finds every resend among them. */
  void expect(NewMessage message) {
    expectedPairs.add(pairOf(message));
    seqs.announce(message.roomId().value());
  }

  AppendOutcome append(NewMessage message) {
    List<String> pair = pairOf(message);
    StoredMessage earlier = appendedInGroup.get(pair);
    if (earlier != null) {
      return new AppendOutcome(earlier, true);
    }
    Optional<StoredMessage> stored = storedMessageOf(pair, message);
    if (stored.isPresent()) {
      return new AppendOutcome(stored.get(), true);
    }
    StoredMessage posted = StoredMessage.posted(message, nextSeq(message.roomId()));
    messageRows.add(messageRow(posted));
    logRows.add(
        logRow(
            posted.roomId(),
            posted.seq(),
            EntryKind.POSTED,
            posted.id(),
            posted.body(),
            posted.sentAt()));
    for (int i = 0; i < posted.attachments().size(); i++) {
      attachmentRows.add(
          new Object[] {posted.id().value(), (long) i, posted.attachments().get(i).value()});
    }
    appendedInGroup.put(pair, posted);
    return new AppendOutcome(posted, false);
  }

  private static List<String> pairOf(NewMessage message) {
    return List.of(message.sender().value(), message.clientMessageId().value());
  }

  /** The message already stored under this (sender, client message id) pair, if any. */
  private Optional<StoredMessage> storedMessageOf(List<String> pair, NewMessage message) {
    if (!expectedPairs.contains(pair)) {
      return MessageRows.findBySenderAndClientId(dsl, message.sender(), message.clientMessageId());
    }
    if (storedForExpected == null) {
      storedForExpected = MessageRows.findByPairs(dsl, expectedPairs);
    }
    return Optional.ofNullable(storedForExpected.get(pair));
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
    return new LogEntry(
        current.roomId(), seq, EntryKind.EDITED, current.edited(body, at), Optional.of(body), at);
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
    dsl.update(MESSAGE_LOG)
        .setNull(MESSAGE_LOG.BODY)
        .where(MESSAGE_LOG.MESSAGE_ID.eq(id.value()))
        .execute();
    dsl.deleteFrom(MESSAGE_ATTACHMENTS)
        .where(MESSAGE_ATTACHMENTS.MESSAGE_ID.eq(id.value()))
        .execute();
    logRows.add(logRow(current.roomId(), seq, EntryKind.DELETED, id, Optional.empty(), at));
    return new LogEntry(
        current.roomId(), seq, EntryKind.DELETED, current.tombstone(), Optional.empty(), at);
  }

  private StoredMessage liveMessage(MessageId id) {
    flush();
    return MessageRows.findById(dsl, id)
        .filter(message -> !message.deleted())
        .orElseThrow(() -> new NotFoundException("no such message"));
  }

  /**
   * Writes everything staged: rows first, in foreign-key order, each table's rows as one JDBC batch
   * of one prepared statement, then the rooms' seq counters.
   */
  void flush() {
    executeBatch(
        dsl.insertInto(
                MESSAGES,
                MESSAGES.ID,
                MESSAGES.ROOM_ID,
                MESSAGES.SEQ,
                MESSAGES.SENDER,
                MESSAGES.CLIENT_MESSAGE_ID,
                MESSAGES.BODY,
                MESSAGES.REPLY_TO,
                MESSAGES.SENT_AT,
                MESSAGES.EDITED_AT,
                MESSAGES.DELETED)
            .values(null, null, (Long) null, null, null, null, null, null, null, null),
        messageRows);
    executeBatch(
        dsl.insertInto(
                MESSAGE_LOG,
                MESSAGE_LOG.ROOM_ID,
                MESSAGE_LOG.SEQ,
                MESSAGE_LOG.KIND,
                MESSAGE_LOG.MESSAGE_ID,
                MESSAGE_LOG.BODY,
                MESSAGE_LOG.AT)
            .values(null, (Long) null, null, null, null, null),
        logRows);
    executeBatch(
        dsl.insertInto(
                MESSAGE_ATTACHMENTS,
                MESSAGE_ATTACHMENTS.MESSAGE_ID,
                MESSAGE_ATTACHMENTS.POSITION,
                MESSAGE_ATTACHMENTS.ATTACHMENT_ID)
            .values(null, (Long) null, null),
        attachmentRows);
    seqs.write();
    messageRows.clear();
    logRows.clear();
    attachmentRows.clear();
  }

  private void executeBatch(Query insert, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    BatchBindStep batch = dsl.batch(insert);
    for (Object[] row : rows) {
      batch = batch.bind(row);
    }
    batch.execute();
  }

  private long nextSeq(RoomId room) {
    return seqs.next(room.value());
  }

  private static Object[] messageRow(StoredMessage message) {
    return new Object[] {
      message.id().value(),
      message.roomId().value(),
      message.seq(),
      message.sender().value(),
      message.clientMessageId().value(),
      message.body().map(EncryptedBody::token).orElse(null),
      message.replyTo().map(MessageId::value).orElse(null),
      Instants.toNanos(message.sentAt()),
      null,
      false
    };
  }

  private static Object[] logRow(
      RoomId room,
      long seq,
      EntryKind kind,
      MessageId message,
      Optional<EncryptedBody> body,
      Instant at) {
    return new Object[] {
      room.value(),
      seq,
      kind.name(),
      message.value(),
      body.map(EncryptedBody::token).orElse(null),
      Instants.toNanos(at)
    };
  }
}
