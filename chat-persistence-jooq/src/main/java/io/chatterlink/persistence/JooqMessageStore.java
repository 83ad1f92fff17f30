package io.chatterlink.persistence;

import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.EntryKind;
import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.MessageStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jooq.DSLContext;

/**
 * Each room's message log. Writes (append, edit, delete) go through the {@link GroupCommitWriter}
 * and return once committed; reads use the read pool, each in one transaction so a message and its
 * attachments are read from one snapshot. The reads of every subscribe, resync, history page and
 * room summary run SQL rendered once ({@link MessageReadSql}).
 *
 * <p>Limits: a page holds at most {@link Limits#MAX_PAGE_SIZE} messages and a resync batch at most
 * {@link Limits#MAX_RESYNC_BATCH} entries; larger limits are clipped to these.
 */
final class JooqMessageStore implements MessageStore {
  private final DSLContext read;
  private final JdbcReads reads;
  private final MessageReadSql sql;
  private final GroupCommitWriter writer;
  private final BodyRotation rotation;

  JooqMessageStore(DSLContext read, DSLContext write, GroupCommitWriter writer) {
    this.read = read;
    this.reads = new JdbcReads(read);
    this.sql = new MessageReadSql(reads, read);
    this.writer = writer;
    this.rotation = new BodyRotation(read, write);
  }

  @Override
  public AppendOutcome append(NewMessage message) {
    return writer.execute(message.roomId(), batch -> batch.append(message));
  }

  @Override
  public CompletionStage<AppendOutcome> appendAsync(NewMessage message) {
    return writer.executeAsync(message.roomId(), batch -> batch.append(message));
  }

  @Override
  public Optional<StoredMessage> find(MessageId id) {
    return Storage.guard(
        "reading the message",
        () -> read.transactionResult(tx -> MessageRows.findById(tx.dsl(), id)));
  }

  @Override
  public LogEntry edit(MessageId id, EncryptedBody body, Instant at) {
    return writer.execute(batch -> batch.edit(id, body, at));
  }

  @Override
  public LogEntry delete(MessageId id, Instant at) {
    return writer.execute(batch -> batch.delete(id, at));
  }

  @Override
  public List<StoredMessage> page(RoomId room, PageRequest request) {
    int limit = Math.min(request.limit(), Limits.MAX_PAGE_SIZE);
    return Storage.guard(
        "reading history",
        () ->
            reads.inTransaction(
                c -> {
                  List<StoredMessage> messages =
                      switch (request.direction()) {
                        case LATEST ->
                            newestFirst(
                                reads.list(c, sql.latestMessages, ROW, room.value(), limit));
                        case BEFORE ->
                            newestFirst(
                                reads.list(
                                    c,
                                    sql.messagesBefore,
                                    ROW,
                                    room.value(),
                                    request.anchorSeq(),
                                    limit));
                        case AFTER ->
                            reads.list(
                                c,
                                sql.messagesAfter,
                                ROW,
                                room.value(),
                                request.anchorSeq(),
                                limit);
                      };
                  if (messages.isEmpty()) {
                    return messages;
                  }
                  Map<Long, List<AttachmentId>> attachments =
                      MessageRows.attachmentsBySeq(
                          reads,
                          c,
                          sql.messageAttachments,
                          room.value(),
                          messages.get(0).seq(),
                          messages.get(messages.size() - 1).seq());
                  messages.replaceAll(m -> withAttachments(m, attachments.get(m.seq())));
                  return messages;
                }));
  }

  private static final JdbcReads.Row<StoredMessage> ROW = row -> MessageRows.readMessage(row, 1);

  private static List<StoredMessage> newestFirst(List<StoredMessage> descending) {
    Collections.reverse(descending);
    return descending;
  }

  private static StoredMessage withAttachments(StoredMessage message, List<AttachmentId> found) {
    return found == null ? message : MessageRows.withAttachments(message, found);
  }

  @Override
  public List<LogEntry> entriesAfter(RoomId room, long afterSeq, int limit) {
    Limit.requirePositive(limit);
    int capped = Math.min(limit, Limits.MAX_RESYNC_BATCH);
    return Storage.guard(
        "reading the room log",
        () ->
            reads.inTransaction(
                c -> {
                  List<LogEntry> entries =
                      reads.list(
                          c,
                          sql.entriesAfter,
                          row -> readEntry(room, row),
                          room.value(),
                          afterSeq,
                          capped);
                  if (entries.isEmpty()) {
                    return entries;
                  }
                  Map<Long, List<AttachmentId>> attachments =
                      MessageRows.attachmentsBySeq(
                          reads,
                          c,
                          sql.entryAttachments,
                          room.value(),
                          afterSeq,
                          entries.get(entries.size() - 1).seq());
                  if (!attachments.isEmpty()) {
                    entries.replaceAll(
                        e ->
                            new LogEntry(
                                e.roomId(),
                                e.seq(),
                                e.kind(),
                                withAttachments(e.message(), attachments.get(e.seq())),
                                e.body(),
                                e.at()));
                  }
                  return entries;
                }));
  }

  /**
   * A row of {@link MessageReadSql#entriesAfter}: the entry, its message without attachments. The
   * entry's body is the message's: history and resync read the same stored copy.
   */
  private static LogEntry readEntry(RoomId room, ResultSet row) throws SQLException {
    StoredMessage message = MessageRows.readMessage(row, 4);
    return new LogEntry(
        room,
        row.getLong(1),
        EntryKind.valueOf(row.getString(2)),
        message,
        message.body(),
        Instants.fromNanos(row.getLong(3)));
  }

  @Override
  public long lastSeq(RoomId room) {
    return Storage.guard(
        "reading the room's seq",
        () -> reads.one(sql.lastSeq, row -> row.getLong(1), room.value()).orElse(0L));
  }

  @Override
  public long countUnread(RoomId room, long afterSeq, UserId reader) {
    return Storage.guard(
        "counting unread messages",
        () ->
            reads
                .one(sql.countUnread, row -> row.getLong(1), room.value(), afterSeq, reader.value())
                .orElse(0L));
  }

  @Override
  public List<BodyRecord> bodiesAfter(Optional<String> cursor, int limit) {
    return Storage.guard("reading stored bodies", () -> rotation.bodiesAfter(cursor, limit));
  }

  @Override
  public List<BodyRecord> unfingerprintedBodiesAfter(Optional<String> cursor, int limit) {
    return Storage.guard(
        "reading stored bodies", () -> rotation.unfingerprintedBodiesAfter(cursor, limit));
  }

  @Override
  public Set<KeyFingerprint> bodyKeys() {
    return Storage.guard("reading the stored bodies' keys", rotation::bodyKeys);
  }

  @Override
  public int replaceBodies(List<BodyRewrite> rewrites) {
    return Storage.guard("replacing stored bodies", () -> rotation.replace(rewrites));
  }
}
