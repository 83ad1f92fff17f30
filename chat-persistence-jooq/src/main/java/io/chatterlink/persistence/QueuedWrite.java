package io.chatterlink.persistence;

import io.chatterlink.core.error.ChatException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One operation waiting for the {@link GroupCommitWriter}: what to do, the room whose seq counter
 * it takes if known beforehand (an append's), its outcome while its group is not yet committed, and
 * the future its caller waits on.
 */
final class QueuedWrite {
  private final Optional<String> room;
  private final Function<MessageWriteBatch, Object> operation;
  private final CompletableFuture<Object> result = new CompletableFuture<>();
  private Object staged;
  private ChatException refused;

  QueuedWrite(Optional<String> room, Function<MessageWriteBatch, Object> operation) {
    this.room = room;
    this.operation = operation;
  }

  /** The room whose counter the writer locks before the group's operations run, if known. */
  Optional<String> room() {
    return room;
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
