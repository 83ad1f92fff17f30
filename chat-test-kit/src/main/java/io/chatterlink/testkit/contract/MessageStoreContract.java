package io.chatterlink.testkit.contract;

import static io.chatterlink.testkit.contract.StorageFixtures.at;
import static io.chatterlink.testkit.contract.StorageFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.User;
import io.chatterlink.core.port.out.MessageStore.BodyRecord;
import io.chatterlink.core.port.out.MessageStore.BodyRewrite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link io.chatterlink.core.port.out.MessageStore}: <strong>extend this
 * class</strong> to run every message store rule. It inherits the rules of appending, editing and
 * deleting ({@link MessageAppendContract}) and of reading ({@link MessageHistoryContract}), kept in
 * files of their own for length, and adds those of re-encryption: {@code bodiesAfter} walks every
 * stored body once with a stable cursor, and {@code replaceBodies} rewrites bodies in place with
 * compare-and-set semantics, never touching seqs or the log.
 */
public abstract class MessageStoreContract extends MessageHistoryContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected MessageStoreContract() {}

  private static final int BATCH = 2;

  @Test
  void aLimitBelowOneIsRefusedByEveryReadThatTakesOne() {
    RoomId room = fixtures.room();
    assertThatThrownBy(() -> storage.messages().entriesAfter(room, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> storage.messages().bodiesAfter(Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> storage.messages().unfingerprintedBodiesAfter(Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyStoreHasNoBodies() {
    assertThat(storage.messages().bodiesAfter(Optional.empty(), 10)).isEmpty();
  }

  @Test
  void walkingWithTheCursorVisitsEveryStoredBodyOnceAndNoErasedOrSupersededOne() {
    Scenario s = scenario();

    List<BodyRecord> walked = walk();

    assertThat(walked).extracting(BodyRecord::cursor).doesNotHaveDuplicates();
    assertThat(walked)
        .extracting(BodyRecord::body)
        .doesNotContain(body("deleted"), body("deleted, edited"), body("to edit"))
        .hasSize(3);
    assertThat(new HashSet<>(walked.stream().map(BodyRecord::body).toList()))
        .isEqualTo(s.visible)
        .contains(body("kept"), body("edited"), body("other room"));
  }

  @Test
  void aBatchHoldsAtMostTheLimit() {
    scenario();

    assertThat(storage.messages().bodiesAfter(Optional.empty(), 1)).hasSize(1);
    assertThat(storage.messages().bodiesAfter(Optional.empty(), 3)).hasSize(3);
  }

  @Test
  void rewritingEveryBodyChangesBodiesOnlyAndLogsNothing() {
    Scenario s = scenario();
    List<List<LogEntry>> logsBefore = s.rooms.stream().map(this::allEntries).toList();
    List<BodyRecord> records = walk();

    int replaced = storage.messages().replaceBodies(records.stream().map(this::rewrite).toList());

    assertThat(replaced).isEqualTo(records.size());
    for (int i = 0; i < s.rooms.size(); i++) {
      RoomId room = s.rooms.get(i);
      List<LogEntry> before = logsBefore.get(i);
      List<LogEntry> after = allEntries(room);
      assertThat(storage.messages().lastSeq(room)).isEqualTo(before.size());
      assertThat(after).extracting(LogEntry::seq).containsExactlyElementsOf(seqs(before));
      assertThat(after)
          .extracting(LogEntry::kind)
          .containsExactlyElementsOf(before.stream().map(LogEntry::kind).toList());
      for (int j = 0; j < after.size(); j++) {
        assertThat(after.get(j).body()).isEqualTo(before.get(j).body().map(this::reencrypted));
        assertThat(after.get(j).message().body())
            .isEqualTo(before.get(j).message().body().map(this::reencrypted));
      }
    }
    assertThat(storage.messages().find(s.kept.id()).orElseThrow().body())
        .contains(reencrypted(body("kept")));
  }

  @Test
  void aBodyChangedSinceItWasReadIsLeftAlone() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    StoredMessage untouched = fixtures.post(room, alice, "untouched");
    StoredMessage edited = fixtures.post(room, alice, "before edit");
    StoredMessage deleted = fixtures.post(room, alice, "before delete");
    List<BodyRecord> read = walk();

    storage.messages().edit(edited.id(), body("after edit"), at(100));
    storage.messages().delete(deleted.id(), at(101));
    storage.messages().replaceBodies(read.stream().map(this::rewrite).toList());

    assertThat(storage.messages().find(untouched.id()).orElseThrow().body())
        .contains(reencrypted(body("untouched")));
    assertThat(storage.messages().find(edited.id()).orElseThrow().body())
        .contains(body("after edit"));
    assertThat(storage.messages().find(deleted.id()).orElseThrow().deleted()).isTrue();
    assertThat(allEntries(room))
        .filteredOn(e -> e.message().id().equals(deleted.id()))
        .allSatisfy(e -> assertThat(e.body()).isEmpty());
    assertThat(walk()).extracting(BodyRecord::body).contains(body("after edit"));
  }

  @Test
  void aRewriteWhoseExpectedBodyIsWrongReplacesNothing() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    StoredMessage message = fixtures.post(room, alice, "original");
    BodyRecord record = walk().get(0);

    int replaced =
        storage
            .messages()
            .replaceBodies(
                List.of(new BodyRewrite(record.cursor(), body("not what is stored"), body("new"))));

    assertThat(replaced).isZero();
    assertThat(storage.messages().find(message.id()).orElseThrow().body())
        .contains(body("original"));
  }

  @Test
  void aWalkGoesOnFromItsCursorWhileMessagesArrive() {
    Scenario s = scenario();
    List<BodyRecord> firstBatch = storage.messages().bodiesAfter(Optional.empty(), BATCH);
    User late = fixtures.user("latecomer");
    for (RoomId room : s.rooms) {
      fixtures.post(room, late, "late in " + room.value());
    }

    List<BodyRecord> all = new ArrayList<>(firstBatch);
    all.addAll(walkFrom(Optional.of(firstBatch.get(BATCH - 1).cursor())));

    assertThat(all).extracting(BodyRecord::cursor).doesNotHaveDuplicates();
    assertThat(all).extracting(BodyRecord::body).containsAll(s.visible);
  }

  /** Three rooms: one with a kept, an edited and a deleted message; one with a post; one empty. */
  private Scenario scenario() {
    User alice = fixtures.user("alice");
    RoomId first = fixtures.room();
    RoomId second = fixtures.room();
    RoomId empty = fixtures.room();
    StoredMessage kept = fixtures.post(first, alice, "kept");
    StoredMessage edited = fixtures.post(first, alice, "to edit");
    StoredMessage deleted = fixtures.post(first, alice, "deleted");
    storage.messages().edit(edited.id(), body("edited"), at(100));
    storage.messages().edit(deleted.id(), body("deleted, edited"), at(101));
    storage.messages().delete(deleted.id(), at(102));
    fixtures.post(second, alice, "other room");
    return new Scenario(List.of(first, second, empty), kept, visibleBodies(List.of(first, second)));
  }

  private record Scenario(List<RoomId> rooms, StoredMessage kept, Set<EncryptedBody> visible) {}

  /** Every body a reader can see: the current ones and those the log entries set. */
  private Set<EncryptedBody> visibleBodies(List<RoomId> rooms) {
    Set<EncryptedBody> bodies = new HashSet<>();
    for (RoomId room : rooms) {
      for (LogEntry e : allEntries(room)) {
        e.body().ifPresent(bodies::add);
        e.message().body().ifPresent(bodies::add);
      }
    }
    return bodies;
  }

  private List<BodyRecord> walk() {
    return walkFrom(Optional.empty());
  }

  private List<BodyRecord> walkFrom(Optional<String> start) {
    List<BodyRecord> all = new ArrayList<>();
    Optional<String> cursor = start;
    List<BodyRecord> batch;
    do {
      batch = storage.messages().bodiesAfter(cursor, BATCH);
      assertThat(batch).hasSizeLessThanOrEqualTo(BATCH);
      all.addAll(batch);
      if (!batch.isEmpty()) {
        cursor = Optional.of(batch.get(batch.size() - 1).cursor());
      }
    } while (!batch.isEmpty());
    return all;
  }

  private BodyRewrite rewrite(BodyRecord record) {
    return new BodyRewrite(record.cursor(), record.body(), reencrypted(record.body()));
  }

  private EncryptedBody reencrypted(EncryptedBody body) {
    return new EncryptedBody("re:" + body.token());
  }

  private static List<Long> seqs(List<LogEntry> entries) {
    return entries.stream().map(LogEntry::seq).toList();
  }
}
