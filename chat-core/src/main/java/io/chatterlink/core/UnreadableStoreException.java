package io.chatterlink.core;

import java.util.Objects;

/**
 * The message store holds bodies that the cipher cannot read: thrown by {@link
 * StoredKeyCheck#requireReadable} so that a server refuses to start rather than serve every message
 * as unreadable. It is a startup failure, not a client's: it is no {@link
 * io.chatterlink.core.error.ChatException}, which adapters map to replies. The message says which
 * key fingerprints are missing and how to recover; it never contains a key.
 */
public final class UnreadableStoreException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** What the check found; not serialized. */
  private final transient StoredKeyCheck.Result result;

  /**
   * Creates the exception.
   *
   * @param message why the store cannot be served, from {@link StoredKeyCheck.Result#problem}
   * @param result what the check found
   */
  UnreadableStoreException(String message, StoredKeyCheck.Result result) {
    super(message);
    this.result = Objects.requireNonNull(result, "result");
  }

  /**
   * What the check found: the missing fingerprints, the cipher's, and the bodies it could not
   * identify.
   *
   * @return the check's result; null only after the exception was deserialized
   */
  public StoredKeyCheck.Result result() {
    return result;
  }
}
