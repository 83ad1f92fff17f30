package io.chatterlink.persistence;

import static io.chatterlink.persistence.schema.Tables.MESSAGES;
import static io.chatterlink.persistence.schema.Tables.MESSAGE_ATTACHMENTS;
import static io.chatterlink.persistence.schema.Tables.MESSAGE_LOG;
import static io.chatterlink.persistence.schema.Tables.ROOM_SEQS;

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
   * Values: room_id. Columns: last_seq. Reads the room's counter and locks its row until the
   * transaction ends, inserting it at 0 first if the room has none: an upsert that rewrites the
   * value it found, so that on PostgreSQL it takes the row lock (a plain SELECT would not, and
   * {@code SELECT ... FOR UPDATE} cannot lock a row that does not exist yet). On SQLite the
   * writer's transaction holds the database's write lock anyway (it begins IMMEDIATE).
   */
  final String lockLastSeq;

  /** Values: last_seq, room_id; the row exists and is locked (see {@link #lockLastSeq}). */
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
    // jOOQ renders no RETURNING for SQLite (it emulates it when it runs the query itself), but
    // SQLite has had the clause since 3.35: it is appended here, the same for both databases.
    this.lockLastSeq =
        render(
                dsl,
                dsl.insertInto(ROOM_SEQS, ROOM_SEQS.ROOM_ID, ROOM_SEQS.LAST_SEQ)
                    .values(DSL.val((String) null), DSL.inline(0L))
                    .onConflict(ROOM_SEQS.ROOM_ID)
                    .doUpdate()
                    .set(ROOM_SEQS.LAST_SEQ, ROOM_SEQS.LAST_SEQ))
            + " returning "
            + dsl.render(DSL.name(ROOM_SEQS.LAST_SEQ.getName()));
    this.storeLastSeq =
        render(
            dsl,
            dsl.update(ROOM_SEQS)
                .set(ROOM_SEQS.LAST_SEQ, (Long) null)
                .where(ROOM_SEQS.ROOM_ID.eq((String) null)));
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
