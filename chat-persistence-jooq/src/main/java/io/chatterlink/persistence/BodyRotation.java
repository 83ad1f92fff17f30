package io.chatterlink.persistence;

import static io.chatterlink.persistence.schema.Tables.MESSAGES;
import static io.chatterlink.persistence.schema.Tables.MESSAGE_LOG;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.port.out.MessageStore.BodyRecord;
import io.chatterlink.core.port.out.MessageStore.BodyRewrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Walks every stored body for re-encryption: first the log's bodies by (room, seq), then the
 * messages' current bodies by id. Cursors name the row: {@code log:<room>:<seq>} or {@code
 * msg:<message id>} (ids never hold a colon). Rewrites compare-and-set, so a body edited or erased
 * since it was read is left alone.
 */
final class BodyRotation {
  private static final String LOG = "log:";
  private static final String MESSAGE = "msg:";

  private final DSLContext read;
  private final DSLContext write;

  BodyRotation(DSLContext read, DSLContext write) {
    this.read = read;
    this.write = write;
  }

  List<BodyRecord> bodiesAfter(Optional<String> cursor, int limit) {
    Limit.requirePositive(limit);
    List<BodyRecord> found = new ArrayList<>();
    if (cursor.isPresent() && !cursor.get().startsWith(LOG) && !cursor.get().startsWith(MESSAGE)) {
      throw new InvalidInputException("re-encryption cursor is malformed");
    }
    String position = cursor.orElse("");
    if (!position.startsWith(MESSAGE)) {
      var logBodies =
          read.select(MESSAGE_LOG.ROOM_ID, MESSAGE_LOG.SEQ, MESSAGE_LOG.BODY)
              .from(MESSAGE_LOG)
              .where(MESSAGE_LOG.BODY.isNotNull());
      if (position.startsWith(LOG)) {
        LogKey key = LogKey.parse(position);
        logBodies =
            logBodies.and(DSL.row(MESSAGE_LOG.ROOM_ID, MESSAGE_LOG.SEQ).gt(key.room(), key.seq()));
      }
      logBodies
          .orderBy(MESSAGE_LOG.ROOM_ID, MESSAGE_LOG.SEQ)
          .limit(limit)
          .forEach(
              r ->
                  found.add(
                      new BodyRecord(
                          LOG + r.value1() + ":" + r.value2(), new EncryptedBody(r.value3()))));
      position = MESSAGE;
    }
    if (found.size() < limit) {
      String afterId =
          position.equals(MESSAGE)
              ? ""
              : new MessageId(position.substring(MESSAGE.length())).value();
      read.select(MESSAGES.ID, MESSAGES.BODY)
          .from(MESSAGES)
          .where(MESSAGES.BODY.isNotNull())
          .and(MESSAGES.ID.gt(afterId))
          .orderBy(MESSAGES.ID)
          .limit(limit - found.size())
          .forEach(
              r -> found.add(new BodyRecord(MESSAGE + r.value1(), new EncryptedBody(r.value2()))));
    }
    return found;
  }

  int replace(List<BodyRewrite> rewrites) {
    return write.transactionResult(
        tx -> {
          int replaced = 0;
          for (BodyRewrite rewrite : rewrites) {
            String cursor = rewrite.cursor();
            String expected = rewrite.expected().token();
            String replacement = rewrite.replacement().token();
            if (cursor.startsWith(MESSAGE)) {
              replaced +=
                  tx.dsl()
                      .update(MESSAGES)
                      .set(MESSAGES.BODY, replacement)
                      .where(MESSAGES.ID.eq(cursor.substring(MESSAGE.length())))
                      .and(MESSAGES.BODY.eq(expected))
                      .execute();
            } else {
              LogKey key = LogKey.parse(cursor);
              replaced +=
                  tx.dsl()
                      .update(MESSAGE_LOG)
                      .set(MESSAGE_LOG.BODY, replacement)
                      .where(MESSAGE_LOG.ROOM_ID.eq(key.room()))
                      .and(MESSAGE_LOG.SEQ.eq(key.seq()))
                      .and(MESSAGE_LOG.BODY.eq(expected))
                      .execute();
            }
          }
          return replaced;
        });
  }

  /** The position of a log body. */
  private record LogKey(String room, long seq) {
    static LogKey parse(String cursor) {
      int colon = cursor.lastIndexOf(':');
      try {
        RoomId room = new RoomId(cursor.substring(LOG.length(), colon));
        long seq = Long.parseLong(cursor.substring(colon + 1));
        if (!cursor.startsWith(LOG) || seq < 1) {
          throw new InvalidInputException("re-encryption cursor is malformed");
        }
        return new LogKey(room.value(), seq);
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        throw new InvalidInputException("re-encryption cursor is malformed", e);
      }
    }
  }
}
