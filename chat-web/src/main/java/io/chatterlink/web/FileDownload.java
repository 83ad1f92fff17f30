package io.chatterlink.web;

import io.chatterlink.core.port.out.BlobStore;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sends a stored blob, whole or one byte range (206, or 416 past the end), with its sniffed type
 * and a {@code Content-Disposition} that cannot be abused: the name is reduced to safe ASCII in
 * {@code filename} and given exactly, percent-encoded, in {@code filename*} (RFC 6266).
 *
 * <p>A file may be a polyglot (a valid PNG that is also HTML, a GIF that is also a script), and it
 * is served from the app's own origin. So every download carries a policy of its own in place of
 * the pages' one ({@link #CONTENT_SECURITY_POLICY}, {@link #VIDEO_CONTENT_SECURITY_POLICY}) and
 * {@code nosniff}: opened in a tab, the file can show itself as the image or video it was accepted
 * as, and nothing else: no script, style, frame, form or connection. Both policies were checked in
 * Chromium with a file opened in a tab (chat-app's {@code DownloadsInABrowserIT}).
 */
final class FileDownload {
  /** Stored files never change (new upload, new id), so browsers may keep them a day. */
  private static final String CACHE_CONTROL = "private, max-age=86400, immutable";

  private static final int BUFFER_BYTES = 64 * 1024;

  /**
   * The policy of every download but videos. A browser shows an image opened in a tab in a document
   * of its own, from the navigation's response (and loads it as an image: {@code img-src 'self'});
   * everything else is refused, and {@code sandbox} gives that document an opaque origin.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";

  /**
   * The policy of video downloads. The browser's video player fetches the file again, as {@code
   * crossorigin="anonymous"} (Chromium's media document does): from an opaque origin that request
   * is cross-origin and carries no session cookie, so the video would never load. {@code
   * allow-same-origin} keeps the document in the app's origin for that fetch; without {@code
   * allow-scripts} nothing in the document can run to use that origin, and forms, popups, plugins
   * and navigation of the top window stay disabled.
   */
  static final String VIDEO_CONTENT_SECURITY_POLICY =
      "default-src 'none'; img-src 'self'; media-src 'self'; sandbox allow-same-origin";

  private static final HttpString CSP = HttpString.tryFromString("Content-Security-Policy");
  private static final HttpString NOSNIFF = HttpString.tryFromString("X-Content-Type-Options");

  private FileDownload() {}

  /**
   * Sends the blob stored under {@code key}.
   *
   * @throws io.chatterlink.core.error.NotFoundException if there is no such blob (before anything
   *     is written, so the caller answers 404)
   */
  static void send(
      HttpServerExchange exchange,
      BlobStore blobs,
      String key,
      String mediaType,
      String fileName,
      boolean inline)
      throws IOException {
    long size = blobs.size(key);
    Optional<ByteRange> range = Optional.empty();
    boolean satisfiable = true;
    try {
      range = ByteRange.parse(exchange.getRequestHeaders().getFirst(Headers.RANGE), size);
    } catch (ByteRange.NotSatisfiable e) {
      satisfiable = false;
    }
    long start = range.map(ByteRange::start).orElse(0L);
    long length = range.map(ByteRange::length).orElse(size);
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    // Opened before any header is set: a blob deleted meanwhile is still a clean 404.
    try (InputStream in =
        satisfiable && !head ? blobs.open(key, start) : InputStream.nullInputStream()) {
      exchange
          .getResponseHeaders()
          .put(CSP, policyFor(mediaType))
          .put(NOSNIFF, "nosniff")
          .put(Headers.CONTENT_TYPE, mediaType)
          .put(Headers.ACCEPT_RANGES, "bytes")
          .put(Headers.CACHE_CONTROL, CACHE_CONTROL)
          .put(Headers.CONTENT_DISPOSITION, disposition(inline, fileName));
      if (!satisfiable) {
        exchange.setStatusCode(416);
        exchange.getResponseHeaders().put(Headers.CONTENT_RANGE, "bytes */" + size);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
        exchange.endExchange();
        return;
      }
      if (range.isPresent()) {
        exchange.setStatusCode(206);
        exchange
            .getResponseHeaders()
            .put(Headers.CONTENT_RANGE, "bytes " + start + "-" + range.get().end() + "/" + size);
      }
      exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, length);
      if (head) {
        exchange.endExchange();
        return;
      }
      try (OutputStream out = exchange.getOutputStream()) {
        copy(in, out, length);
      }
    }
  }

  /** Copies {@code length} bytes, fewer if the stream ends first. */
  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long left = length;
    int n;
    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  static String policyFor(String mediaType) {
    return mediaType.startsWith("video/") ? VIDEO_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
  }

  /** {@code inline; filename="safe.png"; filename*=UTF-8''%E2%9C%93.png}. */
  static String disposition(boolean inline, String fileName) {
    StringBuilder ascii = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_';
      encoded.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
    }
    fileName
        .codePoints()
        .forEach(
            cp -> {
              boolean safe =
                  cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' && cp != '%' && cp != ';';
              ascii.append(safe ? (char) cp : '_');
            });
    return (inline ? "inline" : "attachment")
        + "; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + encoded;
  }
}
