package io.chatterlink.web;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Streams one upload body to a temp file: decides the type from the first bytes, checks that the
 * file name's extension and the declared type agree with it, and stops as soon as the body passes
 * the size limit, whether or not a {@code Content-Length} was sent. Memory use is one buffer,
 * whatever the file's size. An image's declared pixel size is checked once the body is on disk,
 * before anything is stored. On any refusal the temp file is already gone.
 */
final class UploadReceiver {
  private static final int BUFFER_BYTES = 64 * 1024;
  static final String ALLOWED = "PNG, JPEG, GIF and WebP images and MP4 and WebM videos";

  private final UploadStaging files;
  private final long maxBytes;

  UploadReceiver(UploadStaging files, long maxBytes) {
    this.files = files;
    this.maxBytes = maxBytes;
  }

  /** A body on disk, checked. */
  record Received(Path tempFile, MediaKind kind, long size) {}

  /**
   * @param fileName the client's name (already stripped of any path)
   * @param declaredType the request's {@code Content-Type}, parameters removed
   * @throws InvalidInputException for a type we do not accept or that disagrees with name or
   *     declared type, and for an empty body
   * @throws LimitExceededException when the body is larger than the limit, or an image declares
   *     more pixels than {@link ImageDimensions} allows
   */
  Received receive(InputStream body, String fileName, String declaredType) throws IOException {
    byte[] head = new byte[MediaKind.HEAD_BYTES];
    int headLength = body.readNBytes(head, 0, head.length);
    if (headLength == 0) {
      throw new InvalidInputException("the file is empty");
    }
    MediaKind kind =
        MediaKind.sniff(head, headLength)
            .orElseThrow(
                () -> new InvalidInputException("this file type is not accepted: only " + ALLOWED));
    String extension = extension(fileName);
    if (!kind.extensions().contains(extension)) {
      throw new InvalidInputException(
          "the file name ends in ." + extension + " but its content is " + kind.mediaType());
    }
    if (!kind.mediaType().equals(declaredType)) {
      throw new InvalidInputException(
          "the declared Content-Type "
              + declaredType
              + " does not match the content ("
              + kind.mediaType()
              + ")");
    }
    Path temp = files.newTempFile();
    try {
      long size = copyLimited(head, headLength, body, temp);
      ImageDimensions.requireWithinLimits(kind, head, headLength, temp);
      return new Received(temp, kind, size);
    } catch (IOException | RuntimeException e) {
      files.deleteQuietly(temp);
      throw e;
    }
  }

  private long copyLimited(byte[] head, int headLength, InputStream body, Path temp)
      throws IOException {
    long size = headLength;
    requireWithinLimit(size);
    try (OutputStream out = Files.newOutputStream(temp)) {
      out.write(head, 0, headLength);
      byte[] buffer = new byte[BUFFER_BYTES];
      int n;
      while ((n = body.read(buffer)) > 0) {
        size += n;
        requireWithinLimit(size);
        out.write(buffer, 0, n);
      }
    }
    return size;
  }

  private void requireWithinLimit(long size) {
    if (size > maxBytes) {
      throw tooLarge(maxBytes);
    }
  }

  static LimitExceededException tooLarge(long maxBytes) {
    return new LimitExceededException(
        "the file is larger than the limit of " + maxBytes + " bytes");
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
