package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.MESSAGES;
import static io.chatterlink.persistence.internal.schema.Tables.MESSAGE_ATTACHMENTS;

import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.UserId;
import io.chatterlink.persistence.internal.schema.tables.records.MessagesRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Reads messages with their ordered attachment lists; shared by the reader and the writer. */
final class MessageRows {
  private MessageRows() {}

  static Optional<StoredMessage> findById(DSLContext dsl, MessageId id) {
    return findOne(dsl, MESSAGES.ID.eq(id.value()));
  }

  /**
   * The message stored under this (sender, client message id) pair, if any: the writer's resend
   * check, through its prepared statements (a lookup on the pair's unique index). Attachments are
   * read only for a message found, so an ordinary (new) append costs this one lookup.
   */
  static Optional<StoredMessage> findByPair(
      MessageWriteStatements statements, String sender, String clientMessageId)
      throws SQLException {
    PreparedStatement find = statements.prepared(statements.sql().findByPair);
    find.setString(1, sender);
    find.setString(2, clientMessageId);
    StoredMessage message;
    try (ResultSet found = find.executeQuery()) {
      if (!found.next()) {
        return Optional.empty();
      }
      message = readMessage(found, 1);
    }
    PreparedStatement attachmentsOf = statements.prepared(statements.sql().attachmentsOf);
    attachmentsOf.setString(1, message.id().value());
    List<AttachmentId> attachments = new ArrayList<>();
    try (ResultSet rows = attachmentsOf.executeQuery()) {
      while (rows.next()) {
        attachments.add(new AttachmentId(rows.getString(1)));
      }
    }
    return Optional.of(withAttachments(message, attachments));
  }

  /**
   * The message, without attachments, whose {@value MessageWriteSql#MESSAGE_COLUMNS_ORDER} columns
   * are the row's, starting at column {@code first}.
   */
  static StoredMessage readMessage(ResultSet row, int first) throws SQLException {
    String body = row.getString(first + 5);
    String replyTo = row.getString(first + 6);
    long editedAt = row.getLong(first + 8);
    Optional<Instant> edited =
        row.wasNull() ? Optional.empty() : Optional.of(Instants.fromNanos(editedAt));
    return new StoredMessage(
        new MessageId(row.getString(first)),
        new RoomId(row.getString(first + 1)),
        row.getLong(first + 2),
        new UserId(row.getString(first + 3)),
        new ClientMessageId(row.getString(first + 4)),
        body == null ? Optional.empty() : Optional.of(body(body, row.getString(first + 10))),
        List.of(),
        replyTo == null ? Optional.empty() : Optional.of(new MessageId(replyTo)),
        Instants.fromNanos(row.getLong(first + 7)),
        edited,
        row.getBoolean(first + 9));
  }

  /**
   * A stored body with its key's fingerprint, when one is recorded. A fingerprint column that holds
   * no fingerprint (a corrupt row) counts as not recorded: reads never fail on it.
   */
  static EncryptedBody body(String token, String key) {
    return new EncryptedBody(token, fingerprint(key));
  }

  /** The fingerprint a stored column value names; empty for null or anything malformed. */
  static Optional<KeyFingerprint> fingerprint(String value) {
    try {
      return Optional.ofNullable(value).map(KeyFingerprint::new);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code message} with these attachments instead of its own. */
  static StoredMessage withAttachments(StoredMessage message, List<AttachmentId> attachments) {
    return new StoredMessage(
        message.id(),
        message.roomId(),
        message.seq(),
        message.sender(),
        message.clientMessageId(),
        message.body(),
        attachments,
        message.replyTo(),
        message.sentAt(),
        message.editedAt(),
        message.deleted());
  }

  /**
   * The attachment ids a query (columns: seq, attachment id; in seq order, then position) finds, by
   * seq. Empty, and cheap, when the messages have none, as most have not.
   */
  static Map<Long, List<AttachmentId>> attachmentsBySeq(
      JdbcReads reads, Connection connection, RenderedSql sql, Object... values)
      throws SQLException {
    Map<Long, List<AttachmentId>> bySeq = new HashMap<>();
    for (SeqAttachment found :
        reads.list(
            connection,
            sql,
            row -> new SeqAttachment(row.getLong(1), new AttachmentId(row.getString(2))),
            values)) {
      bySeq.computeIfAbsent(found.seq(), seq -> new ArrayList<>()).add(found.attachment());
    }
    return bySeq;
  }

  private record SeqAttachment(long seq, AttachmentId attachment) {}

  private static Optional<StoredMessage> findOne(DSLContext dsl, Condition condition) {
    return dsl.selectFrom(MESSAGES)
        .where(condition)
        .fetchOptional()
        .map(row -> toMessages(dsl, List.of(row)).get(0));
  }

  /** The messages of {@code rows}, in the same order, each with its attachments. */
  static List<StoredMessage> toMessages(DSLContext dsl, List<MessagesRecord> rows) {
    Map<String, List<AttachmentId>> attachments =
        attachmentsOf(dsl, rows.stream().map(MessagesRecord::getId).toList());
    List<StoredMessage> messages = new ArrayList<>(rows.size());
    for (MessagesRecord row : rows) {
      messages.add(toMessage(row, attachments.getOrDefault(row.getId(), List.of())));
    }
    return messages;
  }

  private static Map<String, List<AttachmentId>> attachmentsOf(
      DSLContext dsl, Collection<String> messageIds) {
    Map<String, List<AttachmentId>> byMessage = new HashMap<>();
    if (messageIds.isEmpty()) {
      return byMessage;
    }
    dsl.select(MESSAGE_ATTACHMENTS.MESSAGE_ID, MESSAGE_ATTACHMENTS.ATTACHMENT_ID)
        .from(MESSAGE_ATTACHMENTS)
        .where(MESSAGE_ATTACHMENTS.MESSAGE_ID.in(messageIds))
        .orderBy(MESSAGE_ATTACHMENTS.MESSAGE_ID, MESSAGE_ATTACHMENTS.POSITION)
        .forEach(
            row ->
                byMessage
                    .computeIfAbsent(row.value1(), k -> new ArrayList<>())
                    .add(new AttachmentId(row.value2())));
    return byMessage;
  }

  static StoredMessage toMessage(MessagesRecord row, List<AttachmentId> attachments) {
    return new StoredMessage(
        new MessageId(row.getId()),
        new RoomId(row.getRoomId()),
        row.getSeq(),
        new UserId(row.getSender()),
        new ClientMessageId(row.getClientMessageId()),
        Optional.ofNullable(row.getBody()).map(token -> body(token, row.getBodyKey())),
        attachments,
        Optional.ofNullable(row.getReplyTo()).map(MessageId::new),
        Instants.fromNanos(row.getSentAt()),
        Optional.ofNullable(row.getEditedAt()).map(Instants::fromNanos),
        row.getDeleted());
  }
}
