package io.chatterlink.persistence;

import static io.chatterlink.persistence.schema.Tables.ATTACHMENTS;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.AttachmentStore;
import io.chatterlink.persistence.schema.tables.records.AttachmentsRecord;
import java.util.Optional;
import org.jooq.DSLContext;

/** Metadata of uploaded files in the {@code attachments} table. */
final class JooqAttachmentStore implements AttachmentStore {
  private final DSLContext read;
  private final DSLContext write;

  JooqAttachmentStore(DSLContext read, DSLContext write) {
    this.read = read;
    this.write = write;
  }

  @Override
  public void insert(Attachment attachment) {
    int inserted =
        Storage.guard(
            "storing the attachment",
            () ->
                write
                    .insertInto(ATTACHMENTS)
                    .set(ATTACHMENTS.ID, attachment.id().value())
                    .set(ATTACHMENTS.ROOM_ID, attachment.roomId().value())
                    .set(ATTACHMENTS.UPLOADER, attachment.uploader().value())
                    .set(ATTACHMENTS.MEDIA_TYPE, attachment.mediaType())
                    .set(ATTACHMENTS.SIZE_BYTES, attachment.sizeBytes())
                    .set(ATTACHMENTS.ORIGINAL_NAME, attachment.originalName())
                    .set(ATTACHMENTS.STORAGE_KEY, attachment.storageKey())
                    .set(ATTACHMENTS.THUMBNAIL_KEY, attachment.thumbnailKey().orElse(null))
                    .set(ATTACHMENTS.UPLOADED_AT, Instants.toNanos(attachment.uploadedAt()))
                    .onConflictDoNothing()
                    .execute());
    if (inserted == 0) {
      throw new ConflictException("attachment id is taken");
    }
  }

  @Override
  public Optional<Attachment> find(AttachmentId id) {
    return Storage.guard(
        "reading the attachment",
        () ->
            read.selectFrom(ATTACHMENTS)
                .where(ATTACHMENTS.ID.eq(id.value()))
                .fetchOptional()
                .map(JooqAttachmentStore::toAttachment));
  }

  private static Attachment toAttachment(AttachmentsRecord row) {
    return new Attachment(
        new AttachmentId(row.getId()),
        new RoomId(row.getRoomId()),
        new UserId(row.getUploader()),
        row.getMediaType(),
        row.getSizeBytes(),
        row.getOriginalName(),
        row.getStorageKey(),
        Optional.ofNullable(row.getThumbnailKey()),
        Instants.fromNanos(row.getUploadedAt()));
  }
}
