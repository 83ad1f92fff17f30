package io.chatterlink.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one user may upload and how long uploads are kept. Every number is computed from the
 * database (the user's stored uploads, the user's uploads in the last minute), so the limits hold
 * across server processes.
 *
 * @param quotaBytes most bytes of uploads one user may have stored at a time; uploads that were
 *     deleted (by their uploader, or with their message) no longer count
 * @param uploadsPerMinute most uploads one user may start in any 60 seconds, deleted ones included
 * @param unattachedLifetime how long an upload may wait to be attached to a message; after it, a
 *     message can no longer attach it and its bytes are deleted
 * @param releasedGrace how long the bytes of a deleted upload (deleted by its uploader, or with the
 *     last message showing it) are kept before they are deleted; they are never served again from
 *     the moment of the deletion. At least {@link #RATE_WINDOW}, so that deleted uploads still
 *     count against the upload rate
 */
public record UploadLimits(
    long quotaBytes, int uploadsPerMinute, Duration unattachedLifetime, Duration releasedGrace) {
  /** The window of {@code uploadsPerMinute}. */
  public static final Duration RATE_WINDOW = Duration.ofMinutes(1);

  /** Default quota: 1 GiB per user, about 40 full-size uploads at the default 25 MiB limit. */
  public static final long DEFAULT_QUOTA_BYTES = 1024L * 1024 * 1024;

  /**
   * Default upload rate: 20 a minute, two full messages of {@link
   * Limits#MAX_ATTACHMENTS_PER_MESSAGE} files, while 40 files in a second (the abuse seen) is
   * refused after the twentieth.
   */
  public static final int DEFAULT_UPLOADS_PER_MINUTE = 20;

  /** Default time an upload may wait for its message: a day. */
  public static final Duration DEFAULT_UNATTACHED_LIFETIME = Duration.ofHours(24);

  /** Default time the bytes of a deleted upload are kept (never served): an hour. */
  public static final Duration DEFAULT_RELEASED_GRACE = Duration.ofHours(1);

  /**
   * Validates the limits.
   *
   * @param quotaBytes most bytes one user may have stored; at least 1
   * @param uploadsPerMinute most uploads one user may start in a minute; at least 1
   * @param unattachedLifetime how long an upload may wait for its message; at least a minute
   * @param releasedGrace how long a deleted upload's bytes are kept; at least a minute
   * @throws IllegalArgumentException naming the first value out of range
   */
  public UploadLimits {
    if (quotaBytes < 1) {
      throw new IllegalArgumentException("quotaBytes must be positive");
    }
    if (uploadsPerMinute < 1) {
      throw new IllegalArgumentException("uploadsPerMinute must be positive");
    }
    Objects.requireNonNull(unattachedLifetime, "unattachedLifetime");
    if (unattachedLifetime.compareTo(RATE_WINDOW) < 0) {
      throw new IllegalArgumentException("unattachedLifetime must be at least a minute");
    }
    Objects.requireNonNull(releasedGrace, "releasedGrace");
    if (releasedGrace.compareTo(RATE_WINDOW) < 0) {
      throw new IllegalArgumentException("releasedGrace must be at least a minute");
    }
  }

  /**
   * The documented defaults.
   *
   * @return 1 GiB quota, 20 uploads a minute, a day to attach an upload, an hour of grace
   */
  public static UploadLimits defaults() {
    return new UploadLimits(
        DEFAULT_QUOTA_BYTES,
        DEFAULT_UPLOADS_PER_MINUTE,
        DEFAULT_UNATTACHED_LIFETIME,
        DEFAULT_RELEASED_GRACE);
  }
}
