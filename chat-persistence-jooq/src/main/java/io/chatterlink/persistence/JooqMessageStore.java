package io.chatterlink.persistence;

import static io.chatterlink.persistence.schema.Tables.MESSAGES;
import static io.chatterlink.persistence.schema.Tables.MESSAGE_LOG;
import static io.chatterlink.persistence.schema.Tables.ROOM_SEQS;

import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.EntryKind;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.persistence.schema.tables.records.MessageLogRecord;
import io.chatterlink.persistence.schema.tables.records.MessagesRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Each room's message log. Writes (append, edit, delete) go through the {@link GroupCommitWriter}
 * and return once committed; reads use the read pool, each in one transaction so a message and its
 * attachments are read from one snapshot.
 *
 * <p>Limits: a page holds at most {@link Limits#MAX_PAGE_SIZE} messages and a resync batch at most
 * {@link Limits#MAX_RESYNC_BATCH} entries; larger limits are clipped to these.
 */
final class JooqMessageStore implements MessageStore {
  private final DSLContext read;
  private final GroupCommitWriter writer;
  private final BodyRotation rotation;

  JooqMessageStore(DSLContext read, DSLContext write, GroupCommitWriter writer) {
    this.read = read;
    this.writer = writer;
    this.rotation = new BodyRotation(read, write);
  }

  @Override
  public AppendOutcome append(NewMessage message) {
    return writer.execute(batch -> batch.append(message));
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
            read.transactionResult(
                tx -> {
                  var inRoom =
                      tx.dsl().selectFrom(MESSAGES).where(MESSAGES.ROOM_ID.eq(room.value()));
                  List<MessagesRecord> rows =
                      switch (request.direction()) {
                        case LATEST ->
                            newestFirst(inRoom.orderBy(MESSAGES.SEQ.desc()).limit(limit).fetch());
                        case BEFORE ->
                            newestFirst(
                                inRoom
                                    .and(MESSAGES.SEQ.lt(request.anchorSeq()))
                                    .orderBy(MESSAGES.SEQ.desc())
                                    .limit(limit)
                                    .fetch());
                        case AFTER ->
                            inRoom
                                .and(MESSAGES.SEQ.gt(request.anchorSeq()))
                                .orderBy(MESSAGES.SEQ)
                                .limit(limit)
                                .fetch();
                      };
                  return MessageRows.toMessages(tx.dsl(), rows);
                }));
  }

  private static List<MessagesRecord> newestFirst(List<MessagesRecord> descending) {
    List<MessagesRecord> rows = new ArrayList<>(descending);
    Collections.reverse(rows);
    return rows;
  }

  @Override
  public List<LogEntry> entriesAfter(RoomId room, long afterSeq, int limit) {
    Limit.requirePositive(limit);
    int capped = Math.min(limit, Limits.MAX_RESYNC_BATCH);
    return Storage.guard(
        "reading the room log",
        () ->
            read.transactionResult(
                tx -> {
                  List<Record> rows =
                      tx.dsl()
                          .select(MESSAGE_LOG.asterisk(), MESSAGES.asterisk())
                          .from(MESSAGE_LOG)
                          .join(MESSAGES)
                          .on(MESSAGES.ID.eq(MESSAGE_LOG.MESSAGE_ID))
                          .where(MESSAGE_LOG.ROOM_ID.eq(room.value()))
                          .and(MESSAGE_LOG.SEQ.gt(afterSeq))
                          .orderBy(MESSAGE_LOG.SEQ)
                          .limit(capped)
                          .fetch();
                  List<StoredMessage> messages =
                      MessageRows.toMessages(
                          tx.dsl(), rows.stream().map(r -> r.into(MESSAGES)).toList());
                  List<LogEntry> entries = new ArrayList<>(rows.size());
                  for (int i = 0; i < rows.size(); i++) {
                    MessageLogRecord entry = rows.get(i).into(MESSAGE_LOG);
                    entries.add(
                        new LogEntry(
                            room,
                            entry.getSeq(),
                            EntryKind.valueOf(entry.getKind()),
                            messages.get(i),
                            Optional.ofNullable(entry.getBody()).map(EncryptedBody::new),
                            Instants.fromNanos(entry.getAt())));
                  }
                  return entries;
                }));
  }

  @Override
  public long lastSeq(RoomId room) {
    return Storage.guard(
        "reading the room's seq",
        () ->
            read.select(ROOM_SEQS.LAST_SEQ)
                .from(ROOM_SEQS)
                .where(ROOM_SEQS.ROOM_ID.eq(room.value()))
                .fetchOptional(ROOM_SEQS.LAST_SEQ)
                .orElse(0L));
  }

  @Override
  public long countUnread(RoomId room, long afterSeq, UserId reader) {
    return Storage.guard(
        "counting unread messages",
        () ->
            (long)
                read.fetchCount(
                    MESSAGES,
                    MESSAGES
                        .ROOM_ID
                        .eq(room.value())
                        .and(MESSAGES.SEQ.gt(afterSeq))
                        .and(MESSAGES.DELETED.isFalse())
                        .and(MESSAGES.SENDER.ne(reader.value()))));
  }

  @Override
  public List<BodyRecord> bodiesAfter(Optional<String> cursor, int limit) {
    return Storage.guard("reading stored bodies", () -> rotation.bodiesAfter(cursor, limit));
  }

  @Override
  public int replaceBodies(List<BodyRewrite> rewrites) {
    return Storage.guard("replacing stored bodies", () -> rotation.replace(rewrites));
  }
}
