package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.EntryKind;
import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every room's log in memory, behind one lock. One lock for the whole store is the simplest design
 * that is obviously right: seqs are gap-free because the next seq is taken and used in one step,
 * and idempotency is atomic because the (sender, client message id) check and the insert happen
 * under the same lock. A body is stored once, in its message: log entries name the message, and
 * history and resync read the same body.
 */
final class InMemoryMessageStore implements MessageStore {
  private record ClientKey(UserId sender, ClientMessageId clientMessageId) {}

  /** Sorted by room id: the stable order in which {@link #bodiesAfter} walks the rooms. */
  private final TreeMap<String, RoomLog> logs = new TreeMap<>();

  private final Map<MessageId, StoredMessage> messages = new HashMap<>();
  private final Map<ClientKey, MessageId> byClientKey = new HashMap<>();
  private final InMemoryAttachmentStore attachments;

  /**
   * @param attachments told which attachments each append lists and each delete releases, as the
   *     SQL adapter does in the message's transaction
   */
  InMemoryMessageStore(InMemoryAttachmentStore attachments) {
    this.attachments = attachments;
  }

  @Override
  public synchronized AppendOutcome append(NewMessage message) {
    ClientKey key = new ClientKey(message.sender(), message.clientMessageId());
    MessageId original = byClientKey.get(key);
    if (original != null) {
      return new AppendOutcome(messages.get(original), true);
    }
    if (messages.containsKey(message.id())) {
      throw new ConflictException("message id is taken");
    }
    RoomLog log = logs.computeIfAbsent(message.roomId().value(), r -> new RoomLog());
    long seq = log.append(EntryKind.POSTED, message.id(), message.sentAt());
    StoredMessage stored = StoredMessage.posted(message, seq);
    messages.put(message.id(), stored);
    byClientKey.put(key, message.id());
    attachments.listed(message.attachments());
    return new AppendOutcome(stored, false);
  }

  @Override
  public synchronized Optional<StoredMessage> find(MessageId id) {
    return Optional.ofNullable(messages.get(id));
  }

  @Override
  public synchronized LogEntry edit(MessageId id, EncryptedBody body, Instant at) {
    StoredMessage current = requireLive(id);
    long seq = log(current.roomId()).append(EntryKind.EDITED, id, at);
    StoredMessage edited = current.edited(body, at);
    messages.put(id, edited);
    return new LogEntry(current.roomId(), seq, EntryKind.EDITED, edited, Optional.of(body), at);
  }

  @Override
  public synchronized LogEntry delete(MessageId id, Instant at) {
    StoredMessage current = requireLive(id);
    long seq = log(current.roomId()).append(EntryKind.DELETED, id, at);
    StoredMessage tombstone = current.tombstone();
    messages.put(id, tombstone);
    attachments.unlisted(current.attachments(), at);
    return new LogEntry(current.roomId(), seq, EntryKind.DELETED, tombstone, Optional.empty(), at);
  }

  @Override
  public synchronized List<StoredMessage> page(RoomId room, PageRequest request) {
    RoomLog log = logs.get(room.value());
    if (log == null) {
      return List.of();
    }
    return log.page(request).stream().map(messages::get).toList();
  }

  @Override
  public synchronized List<LogEntry> entriesAfter(RoomId room, long afterSeq, int limit) {
    Checks.requirePositiveLimit(limit);
    RoomLog log = logs.get(room.value());
    if (log == null) {
      return List.of();
    }
    return log.entriesAfter(afterSeq, limit).stream()
        .map(
            e -> {
              StoredMessage message = messages.get(e.messageId());
              return new LogEntry(room, e.seq(), e.kind(), message, message.body(), e.at());
            })
        .toList();
  }

  @Override
  public synchronized long lastSeq(RoomId room) {
    RoomLog log = logs.get(room.value());
    return log == null ? 0 : log.lastSeq();
  }

  @Override
  public synchronized long countUnread(RoomId room, long afterSeq, UserId reader) {
    RoomLog log = logs.get(room.value());
    if (log == null) {
      return 0;
    }
    return log.postsAfter(afterSeq).stream()
        .map(messages::get)
        .filter(m -> !m.deleted() && !m.sender().equals(reader))
        .count();
  }

  /** Walks the rooms in id order, each room's posts in seq order; the cursor names the post. */
  @Override
  public synchronized List<BodyRecord> bodiesAfter(Optional<String> cursor, int limit) {
    Checks.requirePositiveLimit(limit);
    Optional<BodyCursor> from = cursor.map(BodyCursor::parse);
    String firstRoom = from.map(c -> c.room().value()).orElse("");
    List<BodyRecord> found = new ArrayList<>();
    for (Map.Entry<String, RoomLog> room : logs.tailMap(firstRoom, true).entrySet()) {
      RoomId roomId = new RoomId(room.getKey());
      long afterSeq = from.filter(c -> c.room().equals(roomId)).map(BodyCursor::seq).orElse(0L);
      for (Map.Entry<Long, MessageId> post : room.getValue().postSeqsAfter(afterSeq).entrySet()) {
        if (found.size() == limit) {
          return List.copyOf(found);
        }
        Optional<EncryptedBody> body = messages.get(post.getValue()).body();
        if (body.isPresent()) {
          found.add(new BodyRecord(new BodyCursor(roomId, post.getKey()).format(), body.get()));
        }
      }
    }
    return List.copyOf(found);
  }

  @Override
  public synchronized List<BodyRecord> unfingerprintedBodiesAfter(
      Optional<String> cursor, int limit) {
    Checks.requirePositiveLimit(limit);
    List<BodyRecord> found = new ArrayList<>();
    Optional<String> from = cursor;
    List<BodyRecord> batch;
    do {
      batch = bodiesAfter(from, limit);
      for (BodyRecord record : batch) {
        if (record.body().key().isEmpty() && found.size() < limit) {
          found.add(record);
        }
      }
      if (!batch.isEmpty()) {
        from = Optional.of(batch.get(batch.size() - 1).cursor());
      }
    } while (found.size() < limit && batch.size() == limit);
    return List.copyOf(found);
  }

  @Override
  public synchronized Set<KeyFingerprint> bodyKeys() {
    Set<KeyFingerprint> keys = new HashSet<>();
    for (StoredMessage message : messages.values()) {
      message.body().flatMap(EncryptedBody::key).ifPresent(keys::add);
    }
    return Set.copyOf(keys);
  }

  @Override
  public synchronized int replaceBodies(List<BodyRewrite> rewrites) {
    int replaced = 0;
    for (BodyRewrite rewrite : rewrites) {
      BodyCursor at = BodyCursor.parse(rewrite.cursor());
      RoomLog log = logs.get(at.room().value());
      Optional<StoredMessage> message =
          Optional.ofNullable(log).flatMap(l -> l.post(at.seq())).map(messages::get);
      if (message.isEmpty()
          || !message
              .get()
              .body()
              .map(EncryptedBody::token)
              .equals(Optional.of(rewrite.expected().token()))) {
        continue; // changed (or erased) since it was read: the newer body wins
      }
      StoredMessage m = message.get();
      messages.put(
          m.id(),
          new StoredMessage(
              m.id(),
              m.roomId(),
              m.seq(),
              m.sender(),
              m.clientMessageId(),
              Optional.of(rewrite.replacement()),
              m.attachments(),
              m.replyTo(),
              m.sentAt(),
              m.editedAt(),
              false));
      replaced++;
    }
    return replaced;
  }

  private StoredMessage requireLive(MessageId id) {
    StoredMessage current = messages.get(id);
    if (current == null || current.deleted()) {
      throw new NotFoundException("no such message");
    }
    return current;
  }

  private RoomLog log(RoomId room) {
    return logs.get(room.value());
  }
}
