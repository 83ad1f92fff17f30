package io.chatterlink.core;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.port.in.ReencryptMessages;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.core.port.out.MessageStore.BodyRecord;
import io.chatterlink.core.port.out.MessageStore.BodyRewrite;
import io.chatterlink.core.port.out.UndecryptableBodyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rewrites stored bodies under the cipher's primary key, one batch per call. */
final class ReencryptionService implements ReencryptMessages {
  /** Most bodies one batch may read and rewrite. */
  static final int MAX_BATCH_SIZE = 10_000;

  private static final System.Logger LOG = System.getLogger("io.chatterlink.core");

  private final MessageStore messages;
  private final MessageCipher cipher;

  ReencryptionService(MessageStore messages, MessageCipher cipher) {
    this.messages = messages;
    this.cipher = cipher;
  }

  @Override
  public Progress reencryptBatch(Optional<String> cursor, int batchSize) {
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new InvalidInputException("batch size must be between 1 and " + MAX_BATCH_SIZE);
    }
    List<BodyRecord> records = messages.bodiesAfter(cursor, batchSize);
    List<BodyRewrite> rewrites = new ArrayList<>();
    int undecryptable = 0;
    for (BodyRecord record : records) {
      if (cipher.isCurrent(record.body())) {
        continue;
      }
      try {
        String plaintext = cipher.decrypt(record.body());
        rewrites.add(new BodyRewrite(record.cursor(), record.body(), cipher.encrypt(plaintext)));
      } catch (UndecryptableBodyException e) {
        // Left as it is: a body no configured key opens cannot be rewritten by any of them.
        undecryptable++;
      }
    }
    if (undecryptable > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "{0} bodies in this batch could not be decrypted and were left unchanged",
          undecryptable);
    }
    int rewritten = rewrites.isEmpty() ? 0 : messages.replaceBodies(rewrites);
    Optional<String> next =
        records.isEmpty() ? cursor : Optional.of(records.get(records.size() - 1).cursor());
    return new Progress(next, records.size(), rewritten, records.size() < batchSize);
  }
}
