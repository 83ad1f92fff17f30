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
  /**
   * Checks that every store is given: {@link ChatWeb} has no fallback for a missing one.
   *
   * @param loginAttempts the login throttle's store; required
   * @param rateWindows the registration and search throttles' store; required
   * @param spentInvites the spent invite codes' store; required
   * @param blobs the uploaded files' store; required
   * @throws NullPointerException if a store is null
   */
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
   * @param uploadDir where uploaded files are stored (see {@link #filesIn(Path)}); created if
   *     missing
   * @return new, empty in-memory stores with a file blob store
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
   * @param uploadDir the directory to keep blobs under; it and its {@code files} and {@code tmp}
   *     subdirectories are created if missing
   * @return a blob store over that directory
   * @throws java.io.UncheckedIOException if the directories cannot be created
   */
  public static BlobStore filesIn(Path uploadDir) {
    return new FileSystemBlobStore(uploadDir);
  }

  /**
   * These stores with another blob store, e.g. an object store instead of a directory.
   *
   * @param other the blob store to use instead of {@link #blobs()}; required
   * @return new stores; this record is unchanged
   * @throws NullPointerException if {@code other} is null
   */
  public WebStores withBlobs(BlobStore other) {
    return new WebStores(loginAttempts, rateWindows, spentInvites, other);
  }
}
