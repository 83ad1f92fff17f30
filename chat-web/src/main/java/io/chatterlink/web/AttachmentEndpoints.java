package io.chatterlink.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.ChatCore;
import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.Text;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ShareAttachments.AdmitUpload;
import io.chatterlink.core.port.in.ShareAttachments.RegisterAttachment;
import io.chatterlink.core.port.out.BlobStore;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Uploads ({@code POST /api/rooms/{room}/attachments?name=...}, the raw file as the body), the
 * uploader's delete ({@code DELETE /api/attachments/{id}}) and downloads of attachments, members of
 * the room only.
 */
final class AttachmentEndpoints {
  /** Most characters kept of a client's file name. */
  static final int MAX_FILE_NAME_LENGTH = 255;

  /** Bytes of a refused chunked body still read and dropped before the connection closes. */
  static final long DRAIN_ALLOWANCE = 1024 * 1024;

  /**
   * Part of the drain allowance never used. Undertow counts a chunk's whole announced size when it
   * parses the chunk's header, and counts the chunk framing too, so reading the body right up to
   * {@link ChatWeb#maxEntitySize()} would make it cut the connection (UT000020) before the 413 is
   * written. Chunks of up to this size (the JDK's HttpClient sends 16 KiB, curl 64 KiB) are safe.
   */
  static final long CHUNK_HEADROOM = 256 * 1024;

  private final ChatCore core;
  private final JsonViews views;
  private final BlobStore blobs;
  private final UploadStaging staging;
  private final UploadReceiver receiver;
  private final ThumbnailPool thumbnails;
  private final long maxBytes;

  AttachmentEndpoints(
      ChatCore core,
      JsonViews views,
      BlobStore blobs,
      UploadStaging staging,
      ThumbnailPool thumbnails,
      long maxBytes) {
    this.core = core;
    this.views = views;
    this.blobs = blobs;
    this.staging = staging;
    this.receiver = new UploadReceiver(staging, maxBytes);
    this.thumbnails = thumbnails;
    this.maxBytes = maxBytes;
  }

  void register(ApiRoutes routes) {
    routes
        .upload("/api/rooms/{room}/attachments", this::upload)
        .delete("/api/attachments/{id}", this::delete)
        .get("/api/attachments/{id}", call -> download(call, false))
        .get("/api/attachments/{id}/thumbnail", call -> download(call, true))
        .get("/api/attachments/{id}/info", this::info);
  }

  /**
   * Receives an upload. After a refusal the connection is closed rather than reused ({@code
   * Connection: close}), but first some more of a body still arriving is read and dropped, so that
   * a client still sending a slightly too large body can finish and read the answer. That discard
   * is bounded by what Undertow's entity limit leaves, less {@link #CHUNK_HEADROOM}, so it never
   * makes Undertow cut the connection before the answer is written. Undertow's entity limit is
   * raised for this exchange to match; for chunked bodies Undertow 2.4 only honours the server-wide
   * option, see {@link ChatWeb#maxEntitySize()}.
   */
  private void upload(Call call) throws IOException {
    HttpServerExchange exchange = call.exchange();
    long maxEntitySize = maxBytes + DRAIN_ALLOWANCE;
    exchange.setMaxEntitySize(maxEntitySize);
    CountingInputStream body = new CountingInputStream(exchange::getInputStream);
    try {
      receive(call, body);
    } catch (RuntimeException | IOException e) {
      exchange.setPersistent(false);
      // A body declared too large was never asked for (no 100-continue): nothing to drain.
      if (e instanceof ChatException && exchange.getRequestContentLength() <= maxBytes) {
        drain(body, maxEntitySize - CHUNK_HEADROOM - body.count());
      }
      throw e;
    }
  }

  /** Reads and drops at most {@code budget} bytes, fewer if the body ends first. */
  private static void drain(InputStream body, long budget) {
    try {
      byte[] buffer = new byte[64 * 1024];
      long left = Math.min(DRAIN_ALLOWANCE, budget);
      int n;
      while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // The client went away: nothing to answer anyway.
    }
  }

  private void receive(Call call, InputStream body) throws IOException {
    UserId actor = call.actor();
    RoomId room = RoomEndpoints.roomId(call);
    if (core.rooms().room(actor, room).role().isEmpty()) {
      throw new NotFoundException("room not found");
    }
    String name = fileName(call.query("name").orElse(""));
    String declared = declaredType(call.exchange());
    long declaredLength = call.exchange().getRequestContentLength();
    if (declaredLength > maxBytes) {
      throw UploadReceiver.tooLarge(maxBytes);
    }
    // Rate and quota come from the database, before a byte of the body is read.
    core.attachments().admitUpload(new AdmitUpload(actor, room, Math.max(0, declaredLength)));
    UploadReceiver.Received upload = receiver.receive(body, name, declared);
    String key = UploadKeys.newKey();
    Optional<String> stored = Optional.empty();
    Optional<String> thumbnailKey = Optional.empty();
    Attachment attachment;
    try {
      store(key, upload.tempFile());
      stored = Optional.of(key);
      thumbnailKey = thumbnail(actor, upload.tempFile(), key, upload.kind());
      attachment =
          core.attachments()
              .register(
                  new RegisterAttachment(
                      actor,
                      room,
                      upload.kind().mediaType(),
                      upload.size(),
                      name,
                      key,
                      thumbnailKey));
    } catch (IOException | RuntimeException e) {
      stored.ifPresent(this::deleteQuietly);
      thumbnailKey.ifPresent(this::deleteQuietly);
      throw e;
    } finally {
      // Before the answer: a client that sees 201 finds no temp file of its upload left.
      staging.deleteQuietly(upload.tempFile());
    }
    ObjectNode reply = call.object();
    reply.set("attachment", withThumbnailSize(attachment));
    call.created(reply);
  }

  /** Copies a checked temp file into the blob store under {@code key}. */
  private void store(String key, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      blobs.put(key, in);
    }
  }

  private void deleteQuietly(String key) {
    try {
      blobs.delete(key);
    } catch (RuntimeException e) {
      // Nothing refers to it: the upload failed before its row was written.
    }
  }

  /** A thumbnail made on the bounded pool; none when the pool is busy (see ThumbnailPool). */
  private Optional<String> thumbnail(UserId actor, Path source, String key, MediaKind kind)
      throws IOException {
    if (!kind.thumbnailed()) {
      return Optional.empty();
    }
    Path temp = staging.newTempFile();
    try {
      boolean made;
      try {
        made = thumbnails.render(actor, source, temp);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        made = false;
      }
      if (!made) {
        return Optional.empty();
      }
      String thumbnailKey = UploadKeys.thumbnailKey(key);
      store(thumbnailKey, temp);
      return Optional.of(thumbnailKey);
    } finally {
      staging.deleteQuietly(temp);
    }
  }

  private void download(Call call, boolean thumbnail) throws IOException {
    Attachment a =
        core.attachments().authorizeDownload(call.actor(), new AttachmentId(call.path("id")));
    Optional<MediaKind> kind = MediaKind.ofMediaType(a.mediaType());
    if (thumbnail && a.thumbnailKey().isPresent()) {
      FileDownload.send(
          call.exchange(),
          blobs,
          a.thumbnailKey().get(),
          "image/png",
          "thumbnail-" + a.originalName() + ".png",
          true);
      return;
    }
    // Media we accepted is shown inline; anything else (never stored by us) only as a download.
    String type = kind.map(MediaKind::mediaType).orElse("application/octet-stream");
    FileDownload.send(
        call.exchange(), blobs, a.storageKey(), type, a.originalName(), kind.isPresent());
  }

  /** The uploader's delete: 204, then the file is never served again (bytes go after a grace). */
  private void delete(Call call) {
    core.attachments().delete(call.actor(), new AttachmentId(call.path("id")));
    call.noContent();
  }

  private void info(Call call) {
    Attachment a =
        core.attachments().authorizeDownload(call.actor(), new AttachmentId(call.path("id")));
    ObjectNode body = call.object();
    body.set("attachment", withThumbnailSize(a));
    call.ok(body);
  }

  private ObjectNode withThumbnailSize(Attachment a) {
    Optional<ThumbnailSize> size = Optional.empty();
    try {
      size = a.thumbnailKey().flatMap(key -> ThumbnailSize.of(blobs, key));
    } catch (NotFoundException | UnavailableException e) {
      // A thumbnail lost on disk only costs the client its reserved size.
    }
    return ThumbnailSize.addTo(views.attachment(a), size);
  }

  /** The last path segment of the client's name, validated as a single-line name. */
  static String fileName(String raw) {
    String base = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
    if (base.isBlank()) {
      throw new InvalidInputException("give the file's name in the \"name\" query parameter");
    }
    return Text.requireName(base, "file name", MAX_FILE_NAME_LENGTH);
  }

  private static String declaredType(HttpServerExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    if (header == null || header.isBlank()) {
      throw new InvalidInputException("declare the file's type in Content-Type");
    }
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
