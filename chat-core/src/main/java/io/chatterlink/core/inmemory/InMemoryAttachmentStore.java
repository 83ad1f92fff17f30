package io.chatterlink.core.inmemory;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.port.out.AttachmentStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Attachment metadata in a concurrent map; {@code putIfAbsent} makes the id check atomic. */
final class InMemoryAttachmentStore implements AttachmentStore {
  private final ConcurrentMap<AttachmentId, Attachment> byId = new ConcurrentHashMap<>();

  @Override
  public void insert(Attachment attachment) {
    if (byId.putIfAbsent(attachment.id(), attachment) != null) {
      throw new ConflictException("attachment id is taken");
    }
  }

  @Override
  public Optional<Attachment> find(AttachmentId id) {
    return Optional.ofNullable(byId.get(id));
  }
}
