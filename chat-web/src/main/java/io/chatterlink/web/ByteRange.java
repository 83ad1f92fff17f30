package io.chatterlink.web;

import java.util.Optional;

/**
 * One byte range of a {@code Range: bytes=...} header (RFC 9110, section 14). Only single ranges
 * are served; a header with several ranges, or one we cannot parse, is ignored and the whole file
 * is sent, which the RFC allows.
 *
 * @param start first byte, inclusive
 * @param end last byte, inclusive
 */
record ByteRange(long start, long end) {

  long length() {
    return end - start + 1;
  }

  /** No byte of the file lies in the range asked for: answer 416. */
  static final class NotSatisfiable extends Exception {
    private static final long serialVersionUID = 1L;

    NotSatisfiable() {
      super(null, null, false, false);
    }
  }

  /**
   * The range to serve of a file of {@code size} bytes; empty means "send the whole file".
   *
   * @throws NotSatisfiable when the range starts past the end of the file
   */
  static Optional<ByteRange> parse(String header, long size) throws NotSatisfiable {
    if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
      return Optional.empty();
    }
    String spec = header.substring("bytes=".length()).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String firstText = spec.substring(0, dash).strip();
    String lastText = spec.substring(dash + 1).strip();
    Optional<Long> first = number(firstText);
    Optional<Long> last = number(lastText);
    if ((!firstText.isEmpty() && first.isEmpty()) || (!lastText.isEmpty() && last.isEmpty())) {
      return Optional.empty();
    }
    if (first.isEmpty()) {
      if (last.isEmpty()) {
        return Optional.empty();
      }
      long suffix = last.get();
      if (suffix == 0 || size == 0) {
        throw new NotSatisfiable();
      }
      return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    long start = first.get();
    if (last.isPresent() && last.get() < start) {
      return Optional.empty();
    }
    if (start >= size) {
      throw new NotSatisfiable();
    }
    long end = last.map(l -> Math.min(l, size - 1)).orElse(size - 1);
    return Optional.of(new ByteRange(start, end));
  }

  /** A decimal number of up to 18 digits (so it fits a long), or empty. */
  private static Optional<Long> number(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(text));
  }
}
