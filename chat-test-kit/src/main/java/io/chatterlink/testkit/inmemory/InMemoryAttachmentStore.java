package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.AttachmentStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Attachment metadata behind one lock, with how many live messages list each attachment. The
 * in-memory message store reports appends and deletes through {@link #listed} and {@link
 * #unlisted}, as the SQL adapter's message writes update the same tables in one transaction.
 */
final class InMemoryAttachmentStore implements AttachmentStore {
  /** An attachment and its life. */
  private record Entry(
      Attachment attachment, int liveMessages, boolean everListed, Instant released) {
    Entry listed() {
      return new Entry(attachment, liveMessages + 1, true, released);
    }

    Entry release(Instant at) {
      return new Entry(attachment, liveMessages, everListed, released == null ? at : released);
    }
  }

  private final Map<AttachmentId, Entry> byId = new HashMap<>();

  @Override
  public synchronized void insert(Attachment attachment) {
    if (byId.putIfAbsent(attachment.id(), new Entry(attachment, 0, false, null)) != null) {
      throw new ConflictException("attachment id is taken");
    }
  }

  @Override
  public synchronized Optional<Attachment> find(AttachmentId id) {
    Entry entry = byId.get(id);
    return entry == null || entry.released != null
        ? Optional.empty()
        : Optional.of(entry.attachment);
  }

  @Override
  public synchronized long storedBytes(UserId uploader) {
    return ofUploader(uploader)
        .filter(e -> e.released == null)
        .mapToLong(e -> e.attachment.sizeBytes())
        .sum();
  }

  @Override
  public synchronized List<Instant> uploadTimes(UserId uploader, Instant since, int limit) {
    Checks.requirePositiveLimit(limit);
    return ofUploader(uploader)
        .map(e -> e.attachment.uploadedAt())
        .filter(t -> t.isAfter(since))
        .sorted(Comparator.reverseOrder())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Withdrawal withdraw(AttachmentId id, Instant at) {
    Entry entry = byId.get(id);
    if (entry == null || entry.released != null) {
      return Withdrawal.NOT_FOUND;
    }
    if (entry.liveMessages > 0) {
      return Withdrawal.IN_MESSAGE;
    }
    byId.put(id, entry.release(at));
    return Withdrawal.WITHDRAWN;
  }

  @Override
  public synchronized List<Attachment> expired(
      Instant releasedBefore, Instant uploadedBefore, int limit) {
    Checks.requirePositiveLimit(limit);
    return byId.values().stream()
        .filter(e -> e.liveMessages == 0)
        .filter(
            e ->
                e.released != null
                    ? !e.released.isAfter(releasedBefore)
                    : !e.everListed && !e.attachment.uploadedAt().isAfter(uploadedBefore))
        .map(Entry::attachment)
        .sorted(Comparator.comparing(Attachment::uploadedAt).thenComparing(a -> a.id().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized boolean remove(AttachmentId id) {
    Entry entry = byId.get(id);
    if (entry == null || entry.liveMessages > 0) {
      return false;
    }
    byId.remove(id);
    return true;
  }

  /** A new live message lists these attachments (unknown ids are ignored). */
  synchronized void listed(List<AttachmentId> ids) {
    ids.forEach(id -> byId.computeIfPresent(id, (k, e) -> e.listed()));
  }

  /** A message listing these attachments was deleted at {@code at}. */
  synchronized void unlisted(List<AttachmentId> ids, Instant at) {
    for (AttachmentId id : ids) {
      byId.computeIfPresent(
          id,
          (k, e) -> {
            Entry fewer = new Entry(e.attachment, e.liveMessages - 1, true, e.released);
            return fewer.liveMessages == 0 ? fewer.release(at) : fewer;
          });
    }
  }

  private Stream<Entry> ofUploader(UserId uploader) {
    return byId.values().stream().filter(e -> e.attachment.uploader().equals(uploader));
  }
}
