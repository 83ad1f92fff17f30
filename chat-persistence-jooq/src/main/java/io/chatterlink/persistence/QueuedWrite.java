package io.chatterlink.persistence;

import io.chatterlink.core.error.ChatException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One operation waiting for the {@link GroupCommitWriter}: what to do, its outcome while its group
 * is not yet committed, and the future its caller waits on.
 */
final class QueuedWrite {
  private final Consumer<MessageWriteBatch> announce;
  private final Function<MessageWriteBatch, Object> operation;
  private final CompletableFuture<Object> result = new CompletableFuture<>();
  private Object staged;
  private ChatException refused;

  QueuedWrite(Consumer<MessageWriteBatch> announce, Function<MessageWriteBatch, Object> operation) {
    this.announce = announce;
    this.operation = operation;
  }

  CompletableFuture<Object> result() {
    return result;
  }

  /** Tells the batch what this operation will need, before any operation of the group runs. */
  void announce(MessageWriteBatch batch) {
    announce.accept(batch);
  }

  /** Applies the operation; a domain refusal is kept for the caller, anything else propagates. */
  void applyTo(MessageWriteBatch batch) {
    try {
      staged = operation.apply(batch);
    } catch (ChatException e) {
      refused = e;
    }
  }

  /** Forgets the outcome of a rolled-back attempt. */
  void reset() {
    staged = null;
    refused = null;
  }

  /** Hands the outcome to the caller: called once the group committed. */
  void complete() {
    if (refused != null) {
      result.completeExceptionally(refused);
    } else {
      result.complete(staged);
    }
  }
}
