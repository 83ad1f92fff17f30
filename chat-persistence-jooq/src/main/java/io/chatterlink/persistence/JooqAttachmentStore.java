package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.ATTACHMENTS;
import static io.chatterlink.persistence.internal.schema.Tables.MESSAGE_ATTACHMENTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.AttachmentStore;
import io.chatterlink.persistence.internal.schema.tables.records.AttachmentsRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Metadata of uploaded files in the {@code attachments} table. An upload is released when {@code
 * released_at} is set (here by a withdrawal, or by {@link MessageWriteBatch#delete}); it is listed
 * by a live message while a {@code message_attachments} row names it, since a message's delete
 * removes its rows.
 */
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
                .and(ATTACHMENTS.RELEASED_AT.isNull())
                .fetchOptional()
                .map(JooqAttachmentStore::toAttachment));
  }

  @Override
  public long storedBytes(UserId uploader) {
    BigDecimal total =
        Storage.guard(
            "reading the upload quota",
            () ->
                read.select(coalesce(sum(ATTACHMENTS.SIZE_BYTES), BigDecimal.ZERO))
                    .from(ATTACHMENTS)
                    .where(ATTACHMENTS.UPLOADER.eq(uploader.value()))
                    .and(ATTACHMENTS.RELEASED_AT.isNull())
                    .fetchOne(0, BigDecimal.class));
    return total.longValueExact();
  }

  @Override
  public List<Instant> uploadTimes(UserId uploader, Instant since, int limit) {
    Limit.requirePositive(limit);
    return Storage.guard(
        "reading the upload rate",
        () ->
            read.select(ATTACHMENTS.UPLOADED_AT)
                .from(ATTACHMENTS)
                .where(ATTACHMENTS.UPLOADER.eq(uploader.value()))
                .and(ATTACHMENTS.UPLOADED_AT.gt(Instants.toNanos(since)))
                .orderBy(ATTACHMENTS.UPLOADED_AT.desc())
                .limit(limit)
                .fetch(r -> Instants.fromNanos(r.value1())));
  }

  @Override
  public Withdrawal withdraw(AttachmentId id, Instant at) {
    return Storage.guard(
        "deleting the upload",
        () -> {
          int released =
              write
                  .update(ATTACHMENTS)
                  .set(ATTACHMENTS.RELEASED_AT, Instants.toNanos(at))
                  .where(ATTACHMENTS.ID.eq(id.value()))
                  .and(ATTACHMENTS.RELEASED_AT.isNull())
                  .andNotExists(listedByAMessage())
                  .execute();
          if (released == 1) {
            return Withdrawal.WITHDRAWN;
          }
          boolean live =
              write.fetchExists(
                  ATTACHMENTS, ATTACHMENTS.ID.eq(id.value()).and(ATTACHMENTS.RELEASED_AT.isNull()));
          return live ? Withdrawal.IN_MESSAGE : Withdrawal.NOT_FOUND;
        });
  }

  @Override
  public List<Attachment> expired(Instant releasedBefore, Instant uploadedBefore, int limit) {
    Limit.requirePositive(limit);
    long uploadedCutoff = Instants.toNanos(uploadedBefore);
    return Storage.guard(
        "finding expired uploads",
        () -> {
          // Listed uploads this old can no longer be attached anew: mark them, never scan again.
          write
              .update(ATTACHMENTS)
              .set(ATTACHMENTS.SETTLED, true)
              .where(ATTACHMENTS.SETTLED.isFalse())
              .and(ATTACHMENTS.UPLOADED_AT.le(uploadedCutoff))
              .and(ATTACHMENTS.RELEASED_AT.isNull())
              .andExists(listedByAMessage())
              .execute();
          List<Attachment> found = new ArrayList<>();
          found.addAll(
              oldest(
                  ATTACHMENTS
                      .RELEASED_AT
                      .le(Instants.toNanos(releasedBefore))
                      .andNotExists(listedByAMessage()),
                  limit));
          found.addAll(
              oldest(
                  ATTACHMENTS
                      .SETTLED
                      .isFalse()
                      .and(ATTACHMENTS.UPLOADED_AT.le(uploadedCutoff))
                      .and(ATTACHMENTS.RELEASED_AT.isNull())
                      .andNotExists(listedByAMessage()),
                  limit));
          found.sort(OLDEST_FIRST);
          return List.copyOf(found.subList(0, Math.min(limit, found.size())));
        });
  }

  @Override
  public boolean remove(AttachmentId id) {
    return Storage.guard(
        "removing the upload",
        () ->
            write
                    .deleteFrom(ATTACHMENTS)
                    .where(ATTACHMENTS.ID.eq(id.value()))
                    .andNotExists(listedByAMessage())
                    .execute()
                == 1);
  }

  private static final Comparator<Attachment> OLDEST_FIRST =
      Comparator.comparing(Attachment::uploadedAt).thenComparing(a -> a.id().value());

  private List<Attachment> oldest(Condition condition, int limit) {
    return write
        .selectFrom(ATTACHMENTS)
        .where(condition)
        .orderBy(ATTACHMENTS.UPLOADED_AT, ATTACHMENTS.ID)
        .limit(limit)
        .fetch(JooqAttachmentStore::toAttachment);
  }

  /** A {@code message_attachments} row names the attachment of the enclosing row. */
  private static org.jooq.Select<?> listedByAMessage() {
    return selectOne()
        .from(MESSAGE_ATTACHMENTS)
        .where(MESSAGE_ATTACHMENTS.ATTACHMENT_ID.eq(ATTACHMENTS.ID));
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
