package io.chatterlink.testkit.contract;

import static io.chatterlink.testkit.contract.StorageFixtures.at;
import static io.chatterlink.testkit.contract.StorageFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.EntryKind;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.User;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reading half of the {@link io.chatterlink.core.port.out.MessageStore} rules: history pages
 * (latest, before and after an exclusive anchor, oldest first, bounded by the limit), the log after
 * a seq for resync, and unread counts. Extend {@link MessageStoreContract}, which inherits these
 * tests.
 */
public abstract class MessageHistoryContract extends MessageAppendContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected MessageHistoryContract() {}

  private User alice;
  private User bob;
  private RoomId room;

  /**
   * Called first by each test here. Not a {@code @BeforeEach}: the tests this class inherits make
   * their own users, whose names would collide.
   */
  private void createRoomAndPeople() {
    alice = fixtures.user("alice");
    bob = fixtures.user("bob");
    room = fixtures.room();
  }

  @Test
  void theLatestPageHoldsTheNewestPostsOldestFirst() {
    createRoomAndPeople();
    postTen();

    assertThat(seqsOf(PageRequest.latest(3))).containsExactly(8L, 9L, 10L);
    assertThat(seqsOf(PageRequest.latest(10)))
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(seqsOf(PageRequest.latest(100))).hasSize(10);
  }

  @Test
  void anEmptyRoomHasEmptyPages() {
    createRoomAndPeople();
    assertThat(storage.messages().page(room, PageRequest.latest(10))).isEmpty();
    assertThat(storage.messages().page(room, PageRequest.before(5, 10))).isEmpty();
    assertThat(storage.messages().page(room, PageRequest.after(0, 10))).isEmpty();
  }

  @Test
  void aPageBeforeASeqExcludesTheAnchorAndHoldsTheNewestBelowIt() {
    createRoomAndPeople();
    postTen();

    assertThat(seqsOf(PageRequest.before(5, 3))).containsExactly(2L, 3L, 4L);
    assertThat(seqsOf(PageRequest.before(3, 5))).containsExactly(1L, 2L);
    assertThat(seqsOf(PageRequest.before(1, 5))).isEmpty();
    assertThat(seqsOf(PageRequest.before(0, 5))).isEmpty();
    assertThat(seqsOf(PageRequest.before(1000, 3))).containsExactly(8L, 9L, 10L);
  }

  @Test
  void aPageAfterASeqExcludesTheAnchorAndHoldsTheOldestAboveIt() {
    createRoomAndPeople();
    postTen();

    assertThat(seqsOf(PageRequest.after(0, 3))).containsExactly(1L, 2L, 3L);
    assertThat(seqsOf(PageRequest.after(4, 2))).containsExactly(5L, 6L);
    assertThat(seqsOf(PageRequest.after(8, 5))).containsExactly(9L, 10L);
    assertThat(seqsOf(PageRequest.after(10, 5))).isEmpty();
    assertThat(seqsOf(PageRequest.after(1000, 5))).isEmpty();
  }

  @Test
  void pagingBackwardsFromTheLatestPageVisitsEveryPostOnce() {
    createRoomAndPeople();
    postTen();

    assertThat(seqsOf(PageRequest.latest(4))).containsExactly(7L, 8L, 9L, 10L);
    assertThat(seqsOf(PageRequest.before(7, 4))).containsExactly(3L, 4L, 5L, 6L);
    assertThat(seqsOf(PageRequest.before(3, 4))).containsExactly(1L, 2L);
  }

  @Test
  void pagesHoldPostsInTheirCurrentStateAndSkipEditAndDeleteEntries() {
    createRoomAndPeople();
    StoredMessage first = fixtures.post(room, alice, "first");
    StoredMessage second = fixtures.post(room, bob, "second");
    storage.messages().edit(first.id(), body("first, edited"), at(100));
    storage.messages().delete(second.id(), at(101));
    StoredMessage third = fixtures.post(room, alice, "third");

    List<StoredMessage> page = storage.messages().page(room, PageRequest.latest(10));

    assertThat(page)
        .containsExactly(first.edited(body("first, edited"), at(100)), second.tombstone(), third);
    assertThat(third.seq()).isEqualTo(5);
    assertThat(seqsOf(PageRequest.before(5, 10))).containsExactly(1L, 2L);
    assertThat(seqsOf(PageRequest.after(2, 10))).containsExactly(5L);
  }

  @Test
  void pagesNeverMixRooms() {
    createRoomAndPeople();
    RoomId other = fixtures.room();
    fixtures.post(other, alice, "elsewhere");
    StoredMessage here = fixtures.post(room, alice, "here");
    fixtures.post(other, alice, "elsewhere again");

    assertThat(storage.messages().page(room, PageRequest.latest(10))).containsExactly(here);
    assertThat(storage.messages().entriesAfter(room, 0, 10))
        .extracting(e -> e.message().id())
        .containsExactly(here.id());
  }

  @Test
  void theLogAfterASeqHoldsEveryKindOfEntryUpToTheLimit() {
    createRoomAndPeople();
    StoredMessage first = fixtures.post(room, alice, "first");
    fixtures.post(room, bob, "second");
    storage.messages().edit(first.id(), body("first, edited"), at(100));
    StoredMessage third = fixtures.post(room, bob, "third");
    storage.messages().delete(third.id(), at(101));

    List<LogEntry> afterOne = storage.messages().entriesAfter(room, 1, 3);

    assertThat(afterOne).extracting(LogEntry::seq).containsExactly(2L, 3L, 4L);
    assertThat(afterOne)
        .extracting(LogEntry::kind)
        .containsExactly(EntryKind.POSTED, EntryKind.EDITED, EntryKind.POSTED);
    assertThat(storage.messages().entriesAfter(room, 4, 10))
        .extracting(LogEntry::kind)
        .containsExactly(EntryKind.DELETED);
    assertThat(storage.messages().entriesAfter(room, 5, 10)).isEmpty();
    assertThat(storage.messages().entriesAfter(room, 1000, 10)).isEmpty();
  }

  @Test
  void everyEntryOfAMessageCarriesItsOneCurrentBodyAsHistoryDoes() {
    createRoomAndPeople();
    StoredMessage message = fixtures.post(room, alice, "v1");
    storage.messages().edit(message.id(), body("v2"), at(100));

    List<LogEntry> log = storage.messages().entriesAfter(room, 0, 10);

    StoredMessage current = message.edited(body("v2"), at(100));
    assertThat(log)
        .containsExactly(
            new LogEntry(
                room, 1, EntryKind.POSTED, current, Optional.of(body("v2")), message.sentAt()),
            new LogEntry(room, 2, EntryKind.EDITED, current, Optional.of(body("v2")), at(100)));
    assertThat(storage.messages().page(room, PageRequest.latest(10)))
        .extracting(StoredMessage::body)
        .containsExactly(Optional.of(body("v2")));
  }

  @Test
  void unreadCountsPostsOfOthersAfterTheMarkerThatAreNotDeleted() {
    createRoomAndPeople();
    fixtures.post(room, bob, "1");
    fixtures.post(room, bob, "2");
    StoredMessage deleted = fixtures.post(room, bob, "3");
    fixtures.post(room, alice, "4, my own");
    StoredMessage edited = fixtures.post(room, bob, "5");
    storage.messages().delete(deleted.id(), at(100));
    storage.messages().edit(edited.id(), body("5, edited"), at(101));

    assertThat(storage.messages().countUnread(room, 0, alice.id())).isEqualTo(3);
    assertThat(storage.messages().countUnread(room, 1, alice.id())).isEqualTo(2);
    assertThat(storage.messages().countUnread(room, 4, alice.id())).isEqualTo(1);
    assertThat(storage.messages().countUnread(room, 5, alice.id())).isZero();
    assertThat(storage.messages().countUnread(room, 7, alice.id())).isZero();
    assertThat(storage.messages().countUnread(room, 0, bob.id())).isEqualTo(1);
    assertThat(storage.messages().countUnread(fixtures.room(), 0, alice.id())).isZero();
  }

  private void postTen() {
    for (int i = 1; i <= 10; i++) {
      fixtures.post(room, i % 2 == 0 ? alice : bob, "message " + i);
    }
  }

  private List<Long> seqsOf(PageRequest request) {
    return storage.messages().page(room, request).stream().map(StoredMessage::seq).toList();
  }
}
