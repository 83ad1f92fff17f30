package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.MESSAGES;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.port.out.MessageStore.BodyRecord;
import io.chatterlink.core.port.out.MessageStore.BodyRewrite;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Walks every stored body for re-encryption and for the start's key check: the messages' bodies
 * (the only copy; the log holds none) by message id, with the fingerprint of their key. A cursor is
 * the id of the message last read. Rewrites compare-and-set on the token, so a body edited or
 * erased since it was read is left alone; each writes the replacement's fingerprint with it.
 */
final class BodyRotation {
  private final DSLContext read;
  private final DSLContext write;

  BodyRotation(DSLContext read, DSLContext write) {
    this.read = read;
    this.write = write;
  }

  List<BodyRecord> bodiesAfter(Optional<String> cursor, int limit) {
    return walk(MESSAGES.BODY.isNotNull(), cursor, limit);
  }

  /** Bodies with no fingerprint recorded (stored before V6), by id; the index covers the walk. */
  List<BodyRecord> unfingerprintedBodiesAfter(Optional<String> cursor, int limit) {
    return walk(MESSAGES.BODY_KEY.isNull().and(MESSAGES.BODY.isNotNull()), cursor, limit);
  }

  /** One index-only query; a malformed value (a corrupt row) is left out. */
  Set<KeyFingerprint> bodyKeys() {
    Set<KeyFingerprint> keys = new HashSet<>();
    read.selectDistinct(MESSAGES.BODY_KEY)
        .from(MESSAGES)
        .where(MESSAGES.BODY_KEY.isNotNull())
        .forEach(r -> MessageRows.fingerprint(r.value1()).ifPresent(keys::add));
    return keys;
  }

  private List<BodyRecord> walk(Condition which, Optional<String> cursor, int limit) {
    Limit.requirePositive(limit);
    String afterId = cursor.map(BodyRotation::messageId).orElse("");
    return read.select(MESSAGES.ID, MESSAGES.BODY, MESSAGES.BODY_KEY)
        .from(MESSAGES)
        .where(which)
        .and(MESSAGES.ID.gt(afterId))
        .orderBy(MESSAGES.ID)
        .limit(limit)
        .fetch(r -> new BodyRecord(r.value1(), MessageRows.body(r.value2(), r.value3())));
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
                    .set(
                        MESSAGES.BODY_KEY,
                        MessageWriteBatch.keyOf(Optional.of(rewrite.replacement())))
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
