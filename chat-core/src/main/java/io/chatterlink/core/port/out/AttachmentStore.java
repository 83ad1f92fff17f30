package io.chatterlink.core.port.out;

import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import java.util.Optional;

/** Metadata of uploaded files. The bytes are the web adapter's business. */
public interface AttachmentStore {
  /**
   * Stores an attachment's metadata.
   *
   * @throws io.chatterlink.core.error.ConflictException if the id is taken
   */
  void insert(Attachment attachment);

  Optional<Attachment> find(AttachmentId id);
}
