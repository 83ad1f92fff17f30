package io.chatterlink.persistence;

import io.chatterlink.core.error.UnavailableException;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;

/**
 * Turns database failures into the core's {@link UnavailableException}: the caller learns that
 * nothing was written and that retrying is safe, never which SQL failed (the cause keeps that for
 * the logs).
 */
final class Storage {
  private Storage() {}

  static <T> T guard(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (DataAccessException e) {
      throw new UnavailableException(what + " failed: storage is unavailable", e);
    }
  }

  static void guardRun(String what, Runnable action) {
    guard(
        what,
        () -> {
          action.run();
          return null;
        });
  }
}
