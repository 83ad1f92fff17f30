package io.chatterlink.web;

import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.port.in.ShareAttachments;
import io.chatterlink.core.port.out.BlobStore;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the bytes of uploads the core has forgotten: deleted ones after the grace, never-attached
 * ones after their lifetime (see {@link io.chatterlink.core.model.UploadLimits}). The row goes
 * first, then the files, so a file is only deleted once nothing can serve it; each row is removed
 * by exactly one server, so several servers may sweep at the same time, also over one shared {@link
 * BlobStore} (a blob already deleted is not an error). Also deletes temp files of uploads cut off
 * by a crash.
 */
final class UploadSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(UploadSweeper.class);

  /** Attachments forgotten per database round trip. */
  static final int BATCH = 100;

  /** Most batches per sweep, so one sweep stays short; the next one continues. */
  static final int MAX_BATCHES = 50;

  /** Temp files older than this belong to no upload still in flight. */
  static final Duration STALE_TEMP_FILE = Duration.ofDays(1);

  private final ShareAttachments attachments;
  private final BlobStore blobs;
  private final UploadStaging staging;

  UploadSweeper(ShareAttachments attachments, BlobStore blobs, UploadStaging staging) {
    this.attachments = attachments;
    this.blobs = blobs;
    this.staging = staging;
  }

  /**
   * One sweep.
   *
   * @return how many uploads' bytes were deleted
   */
  int sweep() {
    int deleted = 0;
    for (int batch = 0; batch < MAX_BATCHES; batch++) {
      List<Attachment> forgotten = attachments.removeExpired(BATCH);
      for (Attachment a : forgotten) {
        deleteQuietly(a.storageKey());
        a.thumbnailKey().ifPresent(this::deleteQuietly);
      }
      deleted += forgotten.size();
      if (forgotten.size() < BATCH) {
        break;
      }
    }
    int temps = staging.deleteTempFilesOlderThan(STALE_TEMP_FILE);
    if (deleted > 0 || temps > 0) {
      LOG.info("event=uploads_swept files_deleted={} temp_files_deleted={}", deleted, temps);
    }
    return deleted;
  }

  /**
   * Deletes a blob whose row is gone. Already deleted (another node sweeping the same store) is
   * fine; a failure leaves a file that nothing can serve any more, logged, and the sweep goes on.
   */
  private void deleteQuietly(String key) {
    try {
      blobs.delete(key);
    } catch (RuntimeException e) {
      LOG.warn("event=upload_file_not_deleted", e);
    }
  }

  /** {@link #sweep()} for a scheduler: a failure is logged, and the next run tries again. */
  void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("event=upload_sweep_failed", e);
    }
  }
}
