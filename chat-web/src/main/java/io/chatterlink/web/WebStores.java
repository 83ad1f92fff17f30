package io.chatterlink.web;

import io.chatterlink.core.inmemory.InMemoryAdapters;
import io.chatterlink.core.port.out.BlobStore;
import io.chatterlink.core.port.out.LoginAttempts;
import io.chatterlink.core.port.out.RateWindows;
import io.chatterlink.core.port.out.SingleUseTokens;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@link ChatWeb} keeps what every server process serving the same users must share: give the
 * database's stores (for example {@code JooqStorage.loginAttempts()}, {@code rateWindows()}, {@code
 * singleUseTokens()}) and a blob store every node reaches, and the throttles, invite codes and
 * uploads hold across nodes and restarts.
 *
 * @param loginAttempts the login throttle's failed logins and trusted browsers
 * @param rateWindows the registration throttle (per client address) and the user-search throttle
 *     (per user)
 * @param spentInvites invite codes already used, by digest
 * @param blobs uploaded files and their thumbnails ({@link #filesIn(Path)} for a directory, shared
 *     by the nodes when there are several)
 */
public record WebStores(
    LoginAttempts loginAttempts,
    RateWindows rateWindows,
    SingleUseTokens spentInvites,
    BlobStore blobs) {
  public WebStores {
    Objects.requireNonNull(loginAttempts, "loginAttempts");
    Objects.requireNonNull(rateWindows, "rateWindows");
    Objects.requireNonNull(spentInvites, "spentInvites");
    Objects.requireNonNull(blobs, "blobs");
  }

  /**
   * Throttles and spent invites in this process's memory (forgotten at exit, counted per process)
   * and uploads under {@code uploadDir}: for a single server process, and for tests.
   *
   * @throws java.io.UncheckedIOException if the upload directory cannot be created
   */
  public static WebStores inMemory(Path uploadDir) {
    InMemoryAdapters memory = InMemoryAdapters.create();
    return new WebStores(
        memory.loginAttempts(), memory.rateWindows(), memory.singleUseTokens(), filesIn(uploadDir));
  }

  /**
   * Blobs as files under {@code uploadDir}: {@code files/<key>}, written through {@code tmp/} and
   * moved into place in one step, so both must be on one file system. Several server processes may
   * share the directory (a network file system mounted on every node).
   *
   * @throws java.io.UncheckedIOException if the directories cannot be created
   */
  public static BlobStore filesIn(Path uploadDir) {
    return new FileSystemBlobStore(uploadDir);
  }

  /** These stores with another blob store. */
  public WebStores withBlobs(BlobStore other) {
    return new WebStores(loginAttempts, rateWindows, spentInvites, other);
  }
}
