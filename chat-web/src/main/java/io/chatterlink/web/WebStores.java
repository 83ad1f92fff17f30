package io.chatterlink.web;

import io.chatterlink.core.port.out.BlobStore;
import io.chatterlink.core.port.out.LoginAttempts;
import io.chatterlink.core.port.out.RateWindows;
import io.chatterlink.core.port.out.SingleUseTokens;
import io.chatterlink.core.port.out.Storage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@link ChatWeb} keeps what every server process serving the same users must share: give the
 * database's stores ({@link #from(Storage, BlobStore)} takes them from a {@code JooqStorage}) and a
 * blob store every node reaches, and the throttles, invite codes and uploads hold across nodes and
 * restarts.
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
   * The throttles and spent invite codes of {@code storage} (its {@link Storage#loginAttempts()},
   * {@link Storage#rateWindows()} and {@link Storage#singleUseTokens()}) with {@code blobs}: with
   * the database's storage, every server process on it throttles alike and spends an invite code
   * once.
   *
   * @param storage the database's stores, e.g. {@code JooqStorage.open(...)}; required
   * @param blobs where uploaded files go, e.g. {@link #filesIn(Path)}; required
   * @return the stores {@link ChatWeb} keeps its shared state in
   * @throws NullPointerException if an argument is null
   */
  public static WebStores from(Storage storage, BlobStore blobs) {
    return new WebStores(
        storage.loginAttempts(), storage.rateWindows(), storage.singleUseTokens(), blobs);
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
