package io.chatterlink.core;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.ForbiddenException;
import io.chatterlink.core.error.LimitExceededException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.error.RateLimitedException;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.UploadLimits;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ShareAttachments;
import io.chatterlink.core.port.out.AttachmentStore;
import io.chatterlink.core.port.out.AttachmentStore.Withdrawal;
import io.chatterlink.core.port.out.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Attachment metadata: registered by a member of a room within the uploader's quota and rate,
 * downloadable by its members only until deleted, forgotten once its bytes may go.
 */
final class AttachmentService implements ShareAttachments {
  /** Identical for a missing file and one the actor may not see. */
  private static final String NO_SUCH_ATTACHMENT = "no such attachment";

  /**
   * How much longer than its lifetime an unattached upload is kept. A message that passed the
   * lifetime check just in time is stored well within this, so the sweep never takes an upload that
   * such a message is about to list.
   */
  static final Duration ATTACH_MARGIN = Duration.ofMinutes(10);

  private final RoomAccess access;
  private final AttachmentStore attachments;
  private final UploadLimits limits;
  private final Clock clock;
  private final IdGenerator ids;

  AttachmentService(
      RoomAccess access,
      AttachmentStore attachments,
      UploadLimits limits,
      Clock clock,
      IdGenerator ids) {
    this.access = access;
    this.attachments = attachments;
    this.limits = limits;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public void admitUpload(AdmitUpload command) {
    access.requireMember(command.actor(), command.room());
    requireUnderRate(command.actor());
    // A file has at least one byte: a user already at the quota is refused before sending any.
    requireQuotaFor(command.actor(), Math.max(1, command.expectedBytes()));
  }

  @Override
  public Attachment register(RegisterAttachment command) {
    access.requireMember(command.actor(), command.room());
    requireQuotaFor(command.actor(), command.sizeBytes());
    Attachment attachment =
        new Attachment(
            new AttachmentId(ids.next()),
            command.room(),
            command.actor(),
            command.mediaType(),
            command.sizeBytes(),
            command.originalName(),
            command.storageKey(),
            command.thumbnailKey(),
            clock.instant());
    attachments.insert(attachment);
    return attachment;
  }

  @Override
  public Attachment authorizeDownload(UserId actor, AttachmentId id) {
    Attachment attachment =
        attachments.find(id).orElseThrow(() -> new NotFoundException(NO_SUCH_ATTACHMENT));
    try {
      access.requireMember(actor, attachment.roomId());
    } catch (NotFoundException notMember) {
      throw new NotFoundException(NO_SUCH_ATTACHMENT);
    }
    return attachment;
  }

  @Override
  public void delete(UserId actor, AttachmentId id) {
    Attachment attachment = authorizeDownload(actor, id);
    if (!attachment.uploader().equals(actor)) {
      throw new ForbiddenException("only the person who uploaded a file may delete it");
    }
    Withdrawal outcome = attachments.withdraw(id, clock.instant());
    switch (outcome) {
      case WITHDRAWN:
        return;
      case IN_MESSAGE:
        throw new ConflictException(
            "the file is shown in a message: delete the message to delete the file");
      case NOT_FOUND:
        throw new NotFoundException(NO_SUCH_ATTACHMENT);
      default:
        throw new AssertionError(outcome);
    }
  }

  @Override
  public List<Attachment> removeExpired(int max) {
    Instant now = clock.instant();
    List<Attachment> expired =
        attachments.expired(
            now.minus(limits.releasedGrace()),
            now.minus(limits.unattachedLifetime()).minus(ATTACH_MARGIN),
            max);
    return expired.stream().filter(a -> attachments.remove(a.id())).toList();
  }

  private void requireUnderRate(UserId actor) {
    Instant now = clock.instant();
    int max = limits.uploadsPerMinute();
    List<Instant> recent = attachments.uploadTimes(actor, now.minus(UploadLimits.RATE_WINDOW), max);
    if (recent.size() >= max) {
      // The max-th newest upload leaves the window first among those that must leave it.
      Duration wait = Duration.between(now, recent.get(max - 1).plus(UploadLimits.RATE_WINDOW));
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new RateLimitedException(
          "at most "
              + max
              + " uploads a minute: try again in "
              + seconds
              + (seconds == 1 ? " second" : " seconds"),
          Duration.ofSeconds(seconds));
    }
  }

  private void requireQuotaFor(UserId actor, long bytes) {
    long stored = attachments.storedBytes(actor);
    if (stored + bytes > limits.quotaBytes()) {
      throw new LimitExceededException(
          "your uploads use "
              + megabytes(stored)
              + " of your quota of "
              + megabytes(limits.quotaBytes())
              + (bytes > 0 ? "; this file needs " + megabytes(bytes) : "")
              + ": delete uploads or messages with files to make room");
    }
  }

  /** Binary megabytes (1 MB = 1,048,576 bytes), one decimal, as file managers show them. */
  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
