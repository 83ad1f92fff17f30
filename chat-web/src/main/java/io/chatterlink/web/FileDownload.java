package io.chatterlink.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Sends a stored file, whole or one byte range (206, or 416 past the end), with its sniffed type
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

  static void send(
      HttpServerExchange exchange, Path file, String mediaType, String fileName, boolean inline)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      exchange
          .getResponseHeaders()
          .put(CSP, policyFor(mediaType))
          .put(NOSNIFF, "nosniff")
          .put(Headers.CONTENT_TYPE, mediaType)
          .put(Headers.ACCEPT_RANGES, "bytes")
          .put(Headers.CACHE_CONTROL, CACHE_CONTROL)
          .put(Headers.CONTENT_DISPOSITION, disposition(inline, fileName));
      Optional<ByteRange> range;
      try {
        range = ByteRange.parse(exchange.getRequestHeaders().getFirst(Headers.RANGE), size);
      } catch (ByteRange.NotSatisfiable e) {
        exchange.setStatusCode(416);
        exchange.getResponseHeaders().put(Headers.CONTENT_RANGE, "bytes */" + size);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
        exchange.endExchange();
        return;
      }
      long start = range.map(ByteRange::start).orElse(0L);
      long length = range.map(ByteRange::length).orElse(size);
      if (range.isPresent()) {
        exchange.setStatusCode(206);
        exchange
            .getResponseHeaders()
            .put(Headers.CONTENT_RANGE, "bytes " + start + "-" + range.get().end() + "/" + size);
      }
      exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, length);
      if (exchange.getRequestMethod().equals(Methods.HEAD)) {
        exchange.endExchange();
        return;
      }
      try (OutputStream out = exchange.getOutputStream()) {
        WritableByteChannel target = Channels.newChannel(out);
        long sent = 0;
        while (sent < length) {
          long n = channel.transferTo(start + sent, length - sent, target);
          if (n <= 0) {
            break;
          }
          sent += n;
        }
      }
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
