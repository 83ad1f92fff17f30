package io.chatterlink.core;

import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ShareAttachments;
import io.chatterlink.core.port.out.AttachmentStore;
import io.chatterlink.core.port.out.IdGenerator;
import java.time.Clock;

/** Attachment metadata: registered by a member of a room, downloadable by its members only. */
final class AttachmentService implements ShareAttachments {
  /** Identical for a missing file and one the actor may not see. */
  private static final String NO_SUCH_ATTACHMENT = "no such attachment";

  private final RoomAccess access;
  private final AttachmentStore attachments;
  private final Clock clock;
  private final IdGenerator ids;

  AttachmentService(RoomAccess access, AttachmentStore attachments, Clock clock, IdGenerator ids) {
    this.access = access;
    this.attachments = attachments;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public Attachment register(RegisterAttachment command) {
    access.requireMember(command.actor(), command.room());
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
}
