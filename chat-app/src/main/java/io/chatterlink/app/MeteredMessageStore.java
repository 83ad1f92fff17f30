package io.chatterlink.app;

import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.MessageStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The message store, counting what it stores: the rate of the stored counter is messages per
 * second, whichever way a message came in. Latency is measured where the client feels it, from
 * frame to ack, by {@link MicrometerTransportMetrics}.
 */
final class MeteredMessageStore implements MessageStore {
  private final MessageStore store;
  private final Counter stored;
  private final Counter duplicates;

  MeteredMessageStore(MessageStore store, MeterRegistry registry) {
    this.store = store;
    this.stored =
        Counter.builder("chatterlink.messages.stored")
            .description("Messages durably stored; rate() of it is messages per second")
            .register(registry);
    this.duplicates =
        Counter.builder("chatterlink.messages.duplicates")
            .description("Resends recognised by their client message id and not stored again")
            .register(registry);
  }

  @Override
  public AppendOutcome append(NewMessage message) {
    AppendOutcome outcome = store.append(message);
    (outcome.duplicate() ? duplicates : stored).increment();
    return outcome;
  }

  @Override
  public CompletionStage<AppendOutcome> appendAsync(NewMessage message) {
    return store
        .appendAsync(message)
        .thenApply(
            outcome -> {
              (outcome.duplicate() ? duplicates : stored).increment();
              return outcome;
            });
  }

  @Override
  public Optional<StoredMessage> find(MessageId id) {
    return store.find(id);
  }

  @Override
  public LogEntry edit(MessageId id, EncryptedBody body, Instant at) {
    return store.edit(id, body, at);
  }

  @Override
  public LogEntry delete(MessageId id, Instant at) {
    return store.delete(id, at);
  }

  @Override
  public List<StoredMessage> page(RoomId room, PageRequest request) {
    return store.page(room, request);
  }

  @Override
  public List<LogEntry> entriesAfter(RoomId room, long afterSeq, int limit) {
    return store.entriesAfter(room, afterSeq, limit);
  }

  @Override
  public long lastSeq(RoomId room) {
    return store.lastSeq(room);
  }

  @Override
  public long countUnread(RoomId room, long afterSeq, UserId reader) {
    return store.countUnread(room, afterSeq, reader);
  }

  @Override
  public List<BodyRecord> bodiesAfter(Optional<String> cursor, int limit) {
    return store.bodiesAfter(cursor, limit);
  }

  @Override
  public List<BodyRecord> unfingerprintedBodiesAfter(Optional<String> cursor, int limit) {
    return store.unfingerprintedBodiesAfter(cursor, limit);
  }

  @Override
  public Set<KeyFingerprint> bodyKeys() {
    return store.bodyKeys();
  }

  @Override
  public int replaceBodies(List<BodyRewrite> rewrites) {
    return store.replaceBodies(rewrites);
  }
}
