package io.chatterlink.persistence;

import static io.chatterlink.persistence.schema.Tables.MESSAGES;
import static io.chatterlink.persistence.schema.Tables.MESSAGE_ATTACHMENTS;

import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.UserId;
import io.chatterlink.persistence.schema.tables.records.MessagesRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads messages with their ordered attachment lists; shared by the reader and the writer. */
final class MessageRows {
  private MessageRows() {}

  static Optional<StoredMessage> findById(DSLContext dsl, MessageId id) {
    return findOne(dsl, MESSAGES.ID.eq(id.value()));
  }

  static Optional<StoredMessage> findBySenderAndClientId(
      DSLContext dsl, UserId sender, ClientMessageId clientMessageId) {
    return findOne(
        dsl,
        MESSAGES
            .SENDER
            .eq(sender.value())
            .and(MESSAGES.CLIENT_MESSAGE_ID.eq(clientMessageId.value())));
  }

  /**
   * The stored messages of these (sender, client message id) pairs, by pair: one query for a whole
   * group's resend check.
   */
  static Map<List<String>, StoredMessage> findByPairs(
      DSLContext dsl, Collection<List<String>> pairs) {
    List<Condition> any = new ArrayList<>(pairs.size());
    for (List<String> pair : pairs) {
      any.add(MESSAGES.SENDER.eq(pair.get(0)).and(MESSAGES.CLIENT_MESSAGE_ID.eq(pair.get(1))));
    }
    Map<List<String>, StoredMessage> found = new HashMap<>();
    for (StoredMessage message :
        toMessages(dsl, dsl.selectFrom(MESSAGES).where(DSL.or(any)).fetch())) {
      found.put(List.of(message.sender().value(), message.clientMessageId().value()), message);
    }
    return found;
  }

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
        Optional.ofNullable(row.getBody()).map(EncryptedBody::new),
        attachments,
        Optional.ofNullable(row.getReplyTo()).map(MessageId::new),
        Instants.fromNanos(row.getSentAt()),
        Optional.ofNullable(row.getEditedAt()).map(Instants::fromNanos),
        row.getDeleted());
  }
}
