package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.MESSAGES;
import static io.chatterlink.persistence.internal.schema.Tables.MESSAGE_ATTACHMENTS;
import static io.chatterlink.persistence.internal.schema.Tables.MESSAGE_LOG;
import static io.chatterlink.persistence.internal.schema.Tables.ROOM_SEQS;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * The message store's reads of every subscribe, resync, history page and room summary, rendered
 * once, on first use, by {@link JdbcReads} (so in the read pool's dialect) and run as plain JDBC.
 * Each takes its values as {@code ?} parameters, in the order its Javadoc gives.
 *
 * <p>A batch's attachments are read by one query over the batch's seq range instead of one listing
 * its message ids, so that the SQL does not depend on how many messages the batch holds.
 */
final class MessageReadSql {
  /** Values: room_id. Columns: last_seq. */
  final RenderedSql lastSeq;

  /** Values: room_id, seq (exclusive), sender not counted. Columns: the count. */
  final RenderedSql countUnread;

  /**
   * Values: room_id, seq (exclusive), limit. Columns: the log entry's seq, kind, at, then the
   * message's {@value MessageWriteSql#MESSAGE_COLUMNS_ORDER} (its body is the entry's: one copy);
   * in seq order.
   */
  final RenderedSql entriesAfter;

  /**
   * Values: room_id, seq (exclusive), seq (inclusive). Columns: the log entry's seq, the attachment
   * id of its message; in seq order, then position.
   */
  final RenderedSql entryAttachments;

  /**
   * Values: room_id, limit. Columns: {@value MessageWriteSql#MESSAGE_COLUMNS_ORDER}, newest first.
   */
  final RenderedSql latestMessages;

  /**
   * Values: room_id, seq (exclusive), limit. Columns: {@value
   * MessageWriteSql#MESSAGE_COLUMNS_ORDER}, newest first.
   */
  final RenderedSql messagesBefore;

  /**
   * Values: room_id, seq (exclusive), limit. Columns: {@value
   * MessageWriteSql#MESSAGE_COLUMNS_ORDER}, oldest first.
   */
  final RenderedSql messagesAfter;

  /**
   * Values: room_id, seq (inclusive), seq (inclusive). Columns: the message's seq, its attachment
   * id; in seq order, then position.
   */
  final RenderedSql messageAttachments;

  MessageReadSql(JdbcReads reads, DSLContext dsl) {
    Field<Integer> limit = DSL.param("limit", Integer.class);
    this.lastSeq =
        reads.sql(
            () ->
                dsl.select(ROOM_SEQS.LAST_SEQ)
                    .from(ROOM_SEQS)
                    .where(ROOM_SEQS.ROOM_ID.eq((String) null)));
    this.countUnread =
        reads.sql(
            () ->
                dsl.selectCount()
                    .from(MESSAGES)
                    .where(MESSAGES.ROOM_ID.eq((String) null))
                    .and(MESSAGES.SEQ.gt((Long) null))
                    .and(MESSAGES.DELETED.isFalse())
                    .and(MESSAGES.SENDER.ne((String) null)));
    this.entriesAfter =
        reads.sql(
            () ->
                dsl.select(MESSAGE_LOG.SEQ, MESSAGE_LOG.KIND, MESSAGE_LOG.AT)
                    .select(MessageWriteSql.messageColumns())
                    .from(MESSAGE_LOG)
                    .join(MESSAGES)
                    .on(MESSAGES.ID.eq(MESSAGE_LOG.MESSAGE_ID))
                    .where(MESSAGE_LOG.ROOM_ID.eq((String) null))
                    .and(MESSAGE_LOG.SEQ.gt((Long) null))
                    .orderBy(MESSAGE_LOG.SEQ)
                    .limit(limit));
    this.entryAttachments =
        reads.sql(
            () ->
                dsl.select(MESSAGE_LOG.SEQ, MESSAGE_ATTACHMENTS.ATTACHMENT_ID)
                    .from(MESSAGE_LOG)
                    .join(MESSAGE_ATTACHMENTS)
                    .on(MESSAGE_ATTACHMENTS.MESSAGE_ID.eq(MESSAGE_LOG.MESSAGE_ID))
                    .where(MESSAGE_LOG.ROOM_ID.eq((String) null))
                    .and(MESSAGE_LOG.SEQ.gt((Long) null))
                    .and(MESSAGE_LOG.SEQ.le((Long) null))
                    .orderBy(MESSAGE_LOG.SEQ, MESSAGE_ATTACHMENTS.POSITION));
    this.latestMessages =
        reads.sql(() -> messagesOfRoom(dsl).orderBy(MESSAGES.SEQ.desc()).limit(limit));
    this.messagesBefore =
        reads.sql(
            () ->
                messagesOfRoom(dsl)
                    .and(MESSAGES.SEQ.lt((Long) null))
                    .orderBy(MESSAGES.SEQ.desc())
                    .limit(limit));
    this.messagesAfter =
        reads.sql(
            () ->
                messagesOfRoom(dsl)
                    .and(MESSAGES.SEQ.gt((Long) null))
                    .orderBy(MESSAGES.SEQ)
                    .limit(limit));
    this.messageAttachments =
        reads.sql(
            () ->
                dsl.select(MESSAGES.SEQ, MESSAGE_ATTACHMENTS.ATTACHMENT_ID)
                    .from(MESSAGES)
                    .join(MESSAGE_ATTACHMENTS)
                    .on(MESSAGE_ATTACHMENTS.MESSAGE_ID.eq(MESSAGES.ID))
                    .where(MESSAGES.ROOM_ID.eq((String) null))
                    .and(MESSAGES.SEQ.between((Long) null, (Long) null))
                    .orderBy(MESSAGES.SEQ, MESSAGE_ATTACHMENTS.POSITION));
  }

  private static SelectConditionStep<?> messagesOfRoom(DSLContext dsl) {
    return dsl.select(MessageWriteSql.messageColumns())
        .from(MESSAGES)
        .where(MESSAGES.ROOM_ID.eq((String) null));
  }
}
