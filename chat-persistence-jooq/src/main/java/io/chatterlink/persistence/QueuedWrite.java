package io.chatterlink.persistence;

import io.chatterlink.core.error.ChatException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One operation waiting for the {@link GroupCommitWriter}: what to do, its outcome while its group
 * is not yet committed, and the future its caller waits on.
 */
final class QueuedWrite {
  private final Function<MessageWriteBatch, Object> operation;
  private final CompletableFuture<Object> result = new CompletableFuture<>();
  private Object staged;
  private ChatException refused;

  QueuedWrite(Function<MessageWriteBatch, Object> operation) {
    this.operation = operation;
  }

  CompletableFuture<Object> result() {
    return result;
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
