package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.ATTACHMENTS;
import static io.chatterlink.persistence.internal.schema.Tables.MESSAGES;
import static io.chatterlink.persistence.internal.schema.Tables.MESSAGE_ATTACHMENTS;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.EntryKind;
import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.persistence.internal.schema.tables.MessageAttachments;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The writes of one group, inside one open transaction. Appends are staged and written together as
 * JDBC batches by {@link #flush()}; seqs are counted by {@link SeqCounters} and written back in the
 * same transaction. An edit or delete flushes first, so it sees every earlier write of its group.
 *
 * <p>Appends, the hot path, run the writer's prepared statements ({@link MessageWriteStatements})
 * directly; edits and deletes, rare, go through jOOQ on the same connection.
 *
 * <p>An operation that fails with a domain error (a duplicate, a missing message) decides so before
 * it stages anything, so the rest of the group is unaffected. A database failure is thrown as
 * jOOQ's {@link DataAccessException}, so that the writer rolls the group back.
 */
final class MessageWriteBatch {
  private final MessageWriteStatements statements;
  private final MessageWriteSql sql;
  private final Supplier<DSLContext> jooq;
  private DSLContext dsl;
  private final SeqCounters seqs;
  private final Map<List<String>, StoredMessage> appendedInGroup = new HashMap<>();
  private final boolean checkIdsFirst;
  private final List<StoredMessage> messageRows = new ArrayList<>();
  private final List<LogRow> logRows = new ArrayList<>();

  /** One message_log row to insert; it holds no body: the message's row holds the only copy. */
  private record LogRow(String room, long seq, EntryKind kind, String messageId, long atNanos) {}

  /**
   * @param jooq makes a jOOQ context on the statements' connection, asked for only by an edit or
   *     delete
   * @param checkIdsFirst look up each append's message id before staging it, so that an id taken by
   *     another message is refused with a {@link ConflictException} instead of failing the
   *     transaction on the primary key: the writer asks for it when it retries an operation alone
   *     after a failed group, which keeps the lookup off the hot path
   */
  MessageWriteBatch(
      MessageWriteStatements statements, Supplier<DSLContext> jooq, boolean checkIdsFirst) {
    this.checkIdsFirst = checkIdsFirst;
    this.statements = statements;
    this.sql = statements.sql();
    this.jooq = jooq;
    this.seqs = new SeqCounters(statements);
  }

  /**
   * Locks the seq counters of {@code rooms} (in their sorted order) until the transaction ends: the
   * writer calls it first with the rooms of the group's appends, so that the group waits for
   * another node's group only before it holds anything that node could be waiting for.
   */
  void lockRooms(SortedSet<String> rooms) {
    try {
      seqs.lockInOrder(rooms);
    } catch (SQLException e) {
      throw new DataAccessException("locking the rooms' seq counters failed", e);
    }
  }

  AppendOutcome append(NewMessage message) {
    List<String> pair = List.of(message.sender().value(), message.clientMessageId().value());
    StoredMessage earlier = appendedInGroup.get(pair);
    if (earlier != null) {
      return new AppendOutcome(earlier, true);
    }
    try {
      // Staged rows are not written yet, but every pair they hold is in appendedInGroup.
      Optional<StoredMessage> stored = MessageRows.findByPair(statements, pair.get(0), pair.get(1));
      if (stored.isPresent()) {
        return new AppendOutcome(stored.get(), true);
      }
      if (checkIdsFirst && MessageRows.findById(dsl(), message.id()).isPresent()) {
        throw new ConflictException("the message id " + message.id().value() + " is taken");
      }
      StoredMessage posted = StoredMessage.posted(message, nextSeq(message.roomId()));
      messageRows.add(posted);
      logRows.add(
          new LogRow(
              posted.roomId().value(),
              posted.seq(),
              EntryKind.POSTED,
              posted.id().value(),
              Instants.toNanos(posted.sentAt())));
      appendedInGroup.put(pair, posted);
      return new AppendOutcome(posted, false);
    } catch (SQLException e) {
      throw new DataAccessException("appending the message failed", e);
    }
  }

  LogEntry edit(MessageId id, EncryptedBody body, Instant at) {
    StoredMessage current = lockedLiveMessage(id);
    long seq = nextSeq(current.roomId());
    dsl()
        .update(MESSAGES)
        .set(MESSAGES.BODY, body.token())
        .set(MESSAGES.BODY_KEY, keyOf(Optional.of(body)))
        .set(MESSAGES.EDITED_AT, Instants.toNanos(at))
        .where(MESSAGES.ID.eq(id.value()))
        .execute();
    logRows.add(
        new LogRow(
            current.roomId().value(), seq, EntryKind.EDITED, id.value(), Instants.toNanos(at)));
    return new LogEntry(
        current.roomId(), seq, EntryKind.EDITED, current.edited(body, at), Optional.of(body), at);
  }

  /** Erases the body (its only stored copy is the message's) and the attachment references. */
  LogEntry delete(MessageId id, Instant at) {
    StoredMessage current = lockedLiveMessage(id);
    long seq = nextSeq(current.roomId());
    DSLContext dsl = dsl();
    dsl.update(MESSAGES)
        .setNull(MESSAGES.BODY)
        .setNull(MESSAGES.BODY_KEY)
        .set(MESSAGES.DELETED, true)
        .where(MESSAGES.ID.eq(id.value()))
        .execute();
    releaseAttachmentsOnlyIn(dsl, id, at);
    dsl.deleteFrom(MESSAGE_ATTACHMENTS)
        .where(MESSAGE_ATTACHMENTS.MESSAGE_ID.eq(id.value()))
        .execute();
    logRows.add(
        new LogRow(
            current.roomId().value(), seq, EntryKind.DELETED, id.value(), Instants.toNanos(at)));
    return new LogEntry(
        current.roomId(), seq, EntryKind.DELETED, current.tombstone(), Optional.empty(), at);
  }

  /**
   * Releases the files that this message, about to be deleted, is the last to list: from this
   * transaction's commit on they are never served, and the upload sweep deletes their bytes after
   * the grace (see {@link JooqAttachmentStore}).
   */
  private static void releaseAttachmentsOnlyIn(DSLContext dsl, MessageId id, Instant at) {
    MessageAttachments other = MESSAGE_ATTACHMENTS.as("other");
    dsl.update(ATTACHMENTS)
        .set(ATTACHMENTS.RELEASED_AT, Instants.toNanos(at))
        .where(
            ATTACHMENTS.ID.in(
                DSL.select(MESSAGE_ATTACHMENTS.ATTACHMENT_ID)
                    .from(MESSAGE_ATTACHMENTS)
                    .where(MESSAGE_ATTACHMENTS.MESSAGE_ID.eq(id.value()))))
        .and(ATTACHMENTS.RELEASED_AT.isNull())
        .andNotExists(
            DSL.selectOne()
                .from(other)
                .where(other.ATTACHMENT_ID.eq(ATTACHMENTS.ID))
                .and(other.MESSAGE_ID.ne(id.value())))
        .execute();
  }

  /**
   * The message as it is once its room's counter is locked: another node may have edited or deleted
   * it until then (it held the lock until its commit), so it is read again after locking. Edits and
   * deletes are rare: the second read costs little.
   */
  private StoredMessage lockedLiveMessage(MessageId id) {
    flush();
    StoredMessage before = liveMessage(id);
    try {
      seqs.lock(before.roomId().value());
    } catch (SQLException e) {
      throw new DataAccessException("locking the room's seq counter failed", e);
    }
    return liveMessage(id);
  }

  private StoredMessage liveMessage(MessageId id) {
    return MessageRows.findById(dsl(), id)
        .filter(message -> !message.deleted())
        .orElseThrow(() -> new NotFoundException("no such message"));
  }

  private DSLContext dsl() {
    if (dsl == null) {
      dsl = jooq.get();
    }
    return dsl;
  }

  /**
   * Writes everything staged: rows first, in foreign-key order, each table's rows as one JDBC batch
   * of one prepared statement, then the rooms' seq counters.
   */
  void flush() {
    try {
      insertMessages();
      insertLogEntries();
      insertAttachments();
      seqs.write();
    } catch (SQLException e) {
      throw new DataAccessException("writing the group failed", e);
    }
    messageRows.clear();
    logRows.clear();
  }

  private void insertMessages() throws SQLException {
    if (messageRows.isEmpty()) {
      return;
    }
    PreparedStatement insert = statements.prepared(sql.insertMessage);
    insert.clearBatch();
    for (StoredMessage message : messageRows) {
      insert.setString(1, message.id().value());
      insert.setString(2, message.roomId().value());
      insert.setLong(3, message.seq());
      insert.setString(4, message.sender().value());
      insert.setString(5, message.clientMessageId().value());
      setNullableString(insert, 6, message.body().map(EncryptedBody::token).orElse(null));
      setNullableString(insert, 7, message.replyTo().map(MessageId::value).orElse(null));
      insert.setLong(8, Instants.toNanos(message.sentAt()));
      insert.setNull(9, Types.BIGINT); // edited_at: a new message is not edited
      insert.setBoolean(10, false); // deleted
      setNullableString(insert, 11, keyOf(message.body()));
      insert.addBatch();
    }
    insert.executeBatch();
  }

  private void insertLogEntries() throws SQLException {
    if (logRows.isEmpty()) {
      return;
    }
    PreparedStatement insert = statements.prepared(sql.insertLogEntry);
    insert.clearBatch();
    for (LogRow row : logRows) {
      insert.setString(1, row.room());
      insert.setLong(2, row.seq());
      insert.setString(3, row.kind().name());
      insert.setString(4, row.messageId());
      insert.setLong(5, row.atNanos());
      insert.addBatch();
    }
    insert.executeBatch();
  }

  /** Most messages have no attachments: then no statement runs at all. */
  private void insertAttachments() throws SQLException {
    PreparedStatement insert = null;
    for (StoredMessage message : messageRows) {
      for (int i = 0; i < message.attachments().size(); i++) {
        if (insert == null) {
          insert = statements.prepared(sql.insertAttachment);
          insert.clearBatch();
        }
        insert.setString(1, message.id().value());
        insert.setLong(2, i);
        insert.setString(3, message.attachments().get(i).value());
        insert.addBatch();
      }
    }
    if (insert != null) {
      insert.executeBatch();
    }
  }

  /** The fingerprint column's value: null when the body or its recorded key is absent. */
  static String keyOf(Optional<EncryptedBody> body) {
    return body.flatMap(EncryptedBody::key).map(KeyFingerprint::value).orElse(null);
  }

  private static void setNullableString(PreparedStatement statement, int index, String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  private long nextSeq(RoomId room) {
    try {
      return seqs.next(room.value());
    } catch (SQLException e) {
      throw new DataAccessException("reading the room's seq failed", e);
    }
  }
}
