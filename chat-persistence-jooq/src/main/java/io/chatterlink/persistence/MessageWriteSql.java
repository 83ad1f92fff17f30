package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.MESSAGES;
import static io.chatterlink.persistence.internal.schema.Tables.MESSAGE_ATTACHMENTS;
import static io.chatterlink.persistence.internal.schema.Tables.MESSAGE_LOG;
import static io.chatterlink.persistence.internal.schema.Tables.ROOM_SEQS;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The group-commit writer's hot statements, rendered by jOOQ from the generated schema once per
 * writer (so in the database's own dialect), then executed as plain JDBC prepared statements.
 * Rendering a query is most of what jOOQ costs per call; these run for every message, so they are
 * rendered once instead. Each string takes its values as {@code ?} parameters, in the order its
 * Javadoc gives.
 */
final class MessageWriteSql {
  /** The messages columns every {@link #findByPair} row holds, in this order. */
  static final String MESSAGE_COLUMNS_ORDER =
      "id, room_id, seq, sender, client_message_id, body, reply_to, sent_at, edited_at, deleted,"
          + " body_key";

  /** Values: {@value #MESSAGE_COLUMNS_ORDER}. */
  final String insertMessage;

  /** Values: room_id, seq, kind, message_id, at. The body is the message's, stored once. */
  final String insertLogEntry;

  /** Values: message_id, position, attachment_id. */
  final String insertAttachment;

  /** Values: sender, client_message_id. Columns: {@value #MESSAGE_COLUMNS_ORDER}. */
  final String findByPair;

  /** Values: message_id. Columns: attachment_id, in position order. */
  final String attachmentsOf;

  /**
   * Values: room_id. Columns: last_seq, or no row if the room has no counter yet (then it is 0).
   * Reads the room's counter and locks it until the transaction ends. On PostgreSQL an upsert that
   * inserts the row at 0 if missing and otherwise rewrites the value it found: it takes the row
   * lock either way ({@code SELECT ... FOR UPDATE} cannot lock a row that does not exist yet). On
   * SQLite a plain SELECT: the writer's transaction began IMMEDIATE, so it already holds the
   * database's only write lock, and a row lock would add a write per room and group for nothing.
   */
  final String lockLastSeq;

  /** Values: room_id, last_seq; inserts the room's counter or overwrites the one locked. */
  final String storeLastSeq;

  MessageWriteSql(SQLDialect dialect, Settings settings) {
    DSLContext dsl = DSL.using(dialect, settings);
    this.insertMessage =
        render(
            dsl,
            dsl.insertInto(MESSAGES, messageColumns()).values(new Object[messageColumns().length]));
    this.insertLogEntry =
        render(
            dsl,
            dsl.insertInto(
                    MESSAGE_LOG,
                    MESSAGE_LOG.ROOM_ID,
                    MESSAGE_LOG.SEQ,
                    MESSAGE_LOG.KIND,
                    MESSAGE_LOG.MESSAGE_ID,
                    MESSAGE_LOG.AT)
                .values(null, (Long) null, null, null, null));
    this.insertAttachment =
        render(
            dsl,
            dsl.insertInto(
                    MESSAGE_ATTACHMENTS,
                    MESSAGE_ATTACHMENTS.MESSAGE_ID,
                    MESSAGE_ATTACHMENTS.POSITION,
                    MESSAGE_ATTACHMENTS.ATTACHMENT_ID)
                .values(null, (Long) null, null));
    this.findByPair =
        render(
            dsl,
            dsl.select(messageColumns())
                .from(MESSAGES)
                .where(MESSAGES.SENDER.eq((String) null))
                .and(MESSAGES.CLIENT_MESSAGE_ID.eq((String) null)));
    this.attachmentsOf =
        render(
            dsl,
            dsl.select(MESSAGE_ATTACHMENTS.ATTACHMENT_ID)
                .from(MESSAGE_ATTACHMENTS)
                .where(MESSAGE_ATTACHMENTS.MESSAGE_ID.eq((String) null))
                .orderBy(MESSAGE_ATTACHMENTS.POSITION));
    this.lockLastSeq =
        dialect.family() == SQLDialect.POSTGRES
            ? render(
                dsl,
                dsl.insertInto(ROOM_SEQS, ROOM_SEQS.ROOM_ID, ROOM_SEQS.LAST_SEQ)
                    .values(DSL.val((String) null), DSL.inline(0L))
                    .onConflict(ROOM_SEQS.ROOM_ID)
                    .doUpdate()
                    .set(ROOM_SEQS.LAST_SEQ, ROOM_SEQS.LAST_SEQ)
                    .returningResult(ROOM_SEQS.LAST_SEQ))
            : render(
                dsl,
                dsl.select(ROOM_SEQS.LAST_SEQ)
                    .from(ROOM_SEQS)
                    .where(ROOM_SEQS.ROOM_ID.eq((String) null)));
    this.storeLastSeq =
        render(
            dsl,
            dsl.insertInto(ROOM_SEQS, ROOM_SEQS.ROOM_ID, ROOM_SEQS.LAST_SEQ)
                .values((String) null, (Long) null)
                .onConflict(ROOM_SEQS.ROOM_ID)
                .doUpdate()
                .set(ROOM_SEQS.LAST_SEQ, DSL.excluded(ROOM_SEQS.LAST_SEQ)));
  }

  private static String render(DSLContext dsl, Query query) {
    return dsl.render(query);
  }

  /** The messages columns, in the order {@value #MESSAGE_COLUMNS_ORDER}. */
  static Field<?>[] messageColumns() {
    return new Field<?>[] {
      MESSAGES.ID,
      MESSAGES.ROOM_ID,
      MESSAGES.SEQ,
      MESSAGES.SENDER,
      MESSAGES.CLIENT_MESSAGE_ID,
      MESSAGES.BODY,
      MESSAGES.REPLY_TO,
      MESSAGES.SENT_AT,
      MESSAGES.EDITED_AT,
      MESSAGES.DELETED,
      MESSAGES.BODY_KEY
    };
  }
}
