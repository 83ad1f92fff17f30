package io.chatterlink.persistence;

import static io.chatterlink.persistence.schema.Tables.MESSAGES;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.port.out.MessageStore.BodyRecord;
import io.chatterlink.core.port.out.MessageStore.BodyRewrite;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Walks every stored body for re-encryption: the messages' bodies (the only copy; the log holds
 * none) by message id. A cursor is the id of the message last read. Rewrites compare-and-set, so a
 * body edited or erased since it was read is left alone.
 */
final class BodyRotation {
  private final DSLContext read;
  private final DSLContext write;

  BodyRotation(DSLContext read, DSLContext write) {
    this.read = read;
    this.write = write;
  }

  List<BodyRecord> bodiesAfter(Optional<String> cursor, int limit) {
    Limit.requirePositive(limit);
    String afterId = cursor.map(BodyRotation::messageId).orElse("");
    return read.select(MESSAGES.ID, MESSAGES.BODY)
        .from(MESSAGES)
        .where(MESSAGES.BODY.isNotNull())
        .and(MESSAGES.ID.gt(afterId))
        .orderBy(MESSAGES.ID)
        .limit(limit)
        .fetch(r -> new BodyRecord(r.value1(), new EncryptedBody(r.value2())));
  }

  int replace(List<BodyRewrite> rewrites) {
    return write.transactionResult(
        tx -> {
          int replaced = 0;
          for (BodyRewrite rewrite : rewrites) {
            replaced +=
                tx.dsl()
                    .update(MESSAGES)
                    .set(MESSAGES.BODY, rewrite.replacement().token())
                    .where(MESSAGES.ID.eq(messageId(rewrite.cursor())))
                    .and(MESSAGES.BODY.eq(rewrite.expected().token()))
                    .execute();
          }
          return replaced;
        });
  }

  private static String messageId(String cursor) {
    try {
      return new MessageId(cursor).value();
    } catch (InvalidInputException e) {
      throw new InvalidInputException("re-encryption cursor is malformed", e);
    }
  }
}
