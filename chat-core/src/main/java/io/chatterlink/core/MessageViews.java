package io.chatterlink.core;

import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.UndecryptableBodyException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns stored messages into what clients see, decrypting their bodies. A body that cannot be
 * decrypted makes an "unreadable" message view instead of failing the whole page, and is reported
 * once per message through the {@code io.chatterlink.core} system logger (never with the token).
 */
final class MessageViews {
  /** How many unreadable message ids are remembered so each is reported once; oldest forgotten. */
  static final int MAX_REPORTED_UNREADABLE = 10_000;

  private final MessageCipher cipher;
  private final System.Logger log;
  private final Set<MessageId> reported = new LinkedHashSet<>();

  MessageViews(MessageCipher cipher) {
    this(cipher, System.getLogger("io.chatterlink.core"));
  }

  /** With a logger of the caller's choice, so tests can see what is reported. */
  MessageViews(MessageCipher cipher, System.Logger log) {
    this.cipher = cipher;
    this.log = log;
  }

  /** The message in its current state. */
  MessageView current(StoredMessage message) {
    return view(message, message.body(), message.editedAt());
  }

  /**
   * The message as some log entry left it.
   *
   * @param body the body that entry set; empty for a deleted message
   */
  MessageView view(
      StoredMessage message, Optional<EncryptedBody> body, Optional<Instant> editedAt) {
    boolean deleted = body.isEmpty();
    String text = "";
    boolean unreadable = false;
    if (body.isPresent()) {
      try {
        text = cipher.decrypt(body.get());
      } catch (UndecryptableBodyException e) {
        unreadable = true;
        reportOnce(message);
      }
    }
    return new MessageView(
        message.id(),
        message.roomId(),
        message.seq(),
        message.sender(),
        message.clientMessageId(),
        text,
        unreadable,
        deleted,
        deleted ? List.of() : message.attachments(),
        message.replyTo(),
        message.sentAt(),
        editedAt);
  }

  /** A view built from text the core already holds in the clear (just sent or edited). */
  static MessageView withText(StoredMessage message, String text) {
    return new MessageView(
        message.id(),
        message.roomId(),
        message.seq(),
        message.sender(),
        message.clientMessageId(),
        text,
        false,
        false,
        message.attachments(),
        message.replyTo(),
        message.sentAt(),
        message.editedAt());
  }

  private void reportOnce(StoredMessage message) {
    synchronized (reported) {
      if (!reported.add(message.id())) {
        return;
      }
      if (reported.size() > MAX_REPORTED_UNREADABLE) {
        reported.remove(reported.iterator().next());
      }
    }
    // The exception is left out on purpose: only ids, never the stored token.
    log.log(
        System.Logger.Level.WARNING,
        "message {0} in room {1} could not be decrypted; served as unreadable",
        message.id().value(),
        message.roomId().value());
  }
}
