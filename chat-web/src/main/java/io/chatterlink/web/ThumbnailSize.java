package io.chatterlink.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.port.out.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The width and height of a thumbnail we wrote, read from its PNG header (the IHDR chunk right
 * after the signature), so that clients can reserve the image's box before it loads and the
 * timeline does not jump. Nothing is stored: the 24 bytes are read when the metadata is asked for.
 */
record ThumbnailSize(int width, int height) {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final int HEADER_BYTES = 24;

  /**
   * The size of the PNG stored under {@code key}, or empty when it is not a readable PNG.
   *
   * @throws io.chatterlink.core.error.NotFoundException if there is no such blob
   */
  static Optional<ThumbnailSize> of(BlobStore blobs, String key) {
    byte[] header;
    try (InputStream in = blobs.open(key, 0)) {
      header = in.readNBytes(HEADER_BYTES);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (header.length < HEADER_BYTES) {
      return Optional.empty();
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (header[i] != PNG_SIGNATURE[i]) {
        return Optional.empty();
      }
    }
    ByteBuffer buffer = ByteBuffer.wrap(header);
    int width = buffer.getInt(16);
    int height = buffer.getInt(20);
    return width > 0 && height > 0
        ? Optional.of(new ThumbnailSize(width, height))
        : Optional.empty();
  }

  /** Adds {@code thumbnailWidth} and {@code thumbnailHeight} (null when unknown) to a view. */
  static ObjectNode addTo(ObjectNode attachment, Optional<ThumbnailSize> size) {
    if (size.isPresent()) {
      attachment.put("thumbnailWidth", size.get().width());
      attachment.put("thumbnailHeight", size.get().height());
    } else {
      attachment.putNull("thumbnailWidth");
      attachment.putNull("thumbnailHeight");
    }
    return attachment;
  }
}
