package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.event.MessageDeleted;
import io.chatterlink.core.event.MessageEdited;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.FetchHistory;
import io.chatterlink.core.port.in.FetchHistory.HistoryPage;
import io.chatterlink.core.port.in.FetchHistory.ResyncBatch;
import io.chatterlink.core.port.in.SendMessages.DeleteMessage;
import io.chatterlink.core.port.in.SendMessages.EditMessage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HistoryTest {
  private final CoreFixture f = new CoreFixture();
  private final FetchHistory history = f.core.history();
  private final UserId alice = f.register("alice");
  private final UserId bob = f.register("bob");
  private final UserId outsider = f.register("outsider");
  private final RoomId general = f.publicRoom(alice, "general");

  HistoryTest() {
    f.core.rooms().joinRoom(bob, general);
  }

  @Test
  void theLatestPageIsOldestFirstAndSaysWhetherThereIsMore() {
    postNumbered(5);

    HistoryPage page = history.page(bob, general, PageRequest.latest(3));

    assertThat(page.messages()).extracting(MessageView::text).containsExactly("m3", "m4", "m5");
    assertThat(page.hasMore()).isTrue();
    assertThat(history.page(bob, general, PageRequest.latest(5)).hasMore()).isFalse();
  }

  @Test
  void pagesBeforeAndAfterASeqWalkTheWholeHistory() {
    postNumbered(5);

    HistoryPage before = history.page(bob, general, PageRequest.before(3, 10));
    HistoryPage after = history.page(bob, general, PageRequest.after(3, 1));
    HistoryPage last = history.page(bob, general, PageRequest.after(4, 10));

    assertThat(before.messages()).extracting(MessageView::seq).containsExactly(1L, 2L);
    assertThat(before.hasMore()).isFalse();
    assertThat(after.messages()).extracting(MessageView::seq).containsExactly(4L);
    assertThat(after.hasMore()).isTrue();
    assertThat(last.messages()).extracting(MessageView::seq).containsExactly(5L);
    assertThat(last.hasMore()).isFalse();
  }

  @Test
  void aPageOfTheLargestSizeStillKnowsWhetherThereIsMore() {
    postNumbered(Limits.MAX_PAGE_SIZE + 1);

    HistoryPage latest = history.page(bob, general, PageRequest.latest(Limits.MAX_PAGE_SIZE));
    HistoryPage first = history.page(bob, general, PageRequest.after(0, Limits.MAX_PAGE_SIZE));
    HistoryPage rest = history.page(bob, general, PageRequest.after(1, Limits.MAX_PAGE_SIZE));

    assertThat(latest.messages()).hasSize(Limits.MAX_PAGE_SIZE);
    assertThat(latest.hasMore()).isTrue();
    assertThat(first.hasMore()).isTrue();
    assertThat(rest.messages()).hasSize(Limits.MAX_PAGE_SIZE);
    assertThat(rest.hasMore()).isFalse();
  }

  @Test
  void aNonMemberCannotReadHistoryEvenOfAPublicRoom() {
    postNumbered(1);
    RoomId secret = f.privateRoom(alice, "secret");

    assertThatThrownBy(() -> history.page(outsider, general, PageRequest.latest(10)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> history.page(outsider, secret, PageRequest.latest(10)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> history.resync(outsider, secret, 0, 10))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void pagesShowTombstonesAndEditedText() {
    MessageView kept = f.post(alice, general, "typo");
    MessageView gone = f.post(alice, general, "regret");
    f.core.messages().edit(new EditMessage(alice, kept.id(), "fixed"));
    f.core.messages().delete(new DeleteMessage(alice, gone.id()));

    HistoryPage page = history.page(bob, general, PageRequest.latest(10));

    assertThat(page.messages()).hasSize(2);
    assertThat(page.messages().get(0).text()).isEqualTo("fixed");
    assertThat(page.messages().get(0).editedAt()).isPresent();
    assertThat(page.messages().get(1).deleted()).isTrue();
    assertThat(page.messages().get(1).text()).isEmpty();
  }

  @Test
  void resyncAfterNSeesEditsAndDeletesWithTheirOwnSeqs() {
    MessageView first = f.post(alice, general, "first");
    MessageView second = f.post(bob, general, "second");
    long seenUpTo = 2;
    f.core.messages().edit(new EditMessage(alice, first.id(), "first, edited"));
    f.core.messages().delete(new DeleteMessage(bob, second.id()));
    MessageView third = f.post(alice, general, "third");

    ResyncBatch batch = history.resync(bob, general, seenUpTo, 10);

    assertThat(batch.events()).extracting(SequencedEvent::seq).containsExactly(3L, 4L, 5L);
    assertThat(batch.events().get(0))
        .isInstanceOfSatisfying(
            MessageEdited.class,
            e -> {
              assertThat(e.message().id()).isEqualTo(first.id());
              assertThat(e.message().text()).isEqualTo("first, edited");
            });
    assertThat(batch.events().get(1))
        .isInstanceOfSatisfying(
            MessageDeleted.class, e -> assertThat(e.messageId()).isEqualTo(second.id()));
    assertThat(batch.events().get(2))
        .isInstanceOfSatisfying(MessagePosted.class, e -> assertThat(e.message()).isEqualTo(third));
    assertThat(batch.lastSeq()).isEqualTo(5);
    assertThat(batch.hasMore()).isFalse();
  }

  @Test
  void aReplayedPostOfAMessageEditedSinceShowsItAsTheHistoryPageDoes() {
    MessageView posted = f.post(alice, general, "typo");
    f.core.messages().edit(new EditMessage(alice, posted.id(), "fixed"));

    ResyncBatch batch = history.resync(bob, general, 0, 10);
    MessageView current = history.page(bob, general, PageRequest.latest(10)).messages().get(0);

    assertThat(current.editedAt()).isPresent();
    assertThat(batch.events().get(0))
        .isInstanceOfSatisfying(
            MessagePosted.class, e -> assertThat(e.message()).isEqualTo(current));
  }

  @Test
  void resyncComesInBatchesThatContinueFromTheLastSeq() {
    postNumbered(5);

    ResyncBatch one = history.resync(bob, general, 0, 2);
    ResyncBatch two = history.resync(bob, general, one.lastSeq(), 2);
    ResyncBatch three = history.resync(bob, general, two.lastSeq(), 2);
    ResyncBatch none = history.resync(bob, general, three.lastSeq(), 2);

    assertThat(one.hasMore()).isTrue();
    assertThat(two.events()).extracting(SequencedEvent::seq).containsExactly(3L, 4L);
    assertThat(three.events()).extracting(SequencedEvent::seq).containsExactly(5L);
    assertThat(three.hasMore()).isFalse();
    assertThat(none.events()).isEmpty();
    assertThat(none.lastSeq()).isEqualTo(5);
  }

  @Test
  void resyncRefusesLimitsOutsideTheDocumentedRange() {
    assertThatThrownBy(() -> history.resync(bob, general, 0, 0))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> history.resync(bob, general, 0, Limits.MAX_RESYNC_BATCH + 1))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> history.resync(bob, general, -1, 10))
        .isInstanceOf(InvalidInputException.class);
    assertThat(history.resync(bob, general, 0, Limits.MAX_RESYNC_BATCH).events()).isEmpty();
  }

  @Test
  void aDeletedMessageReplaysAsATombstoneWithoutItsOldText() {
    MessageView gone = f.post(alice, general, "secret plan");
    f.core.messages().delete(new DeleteMessage(alice, gone.id()));

    ResyncBatch batch = history.resync(bob, general, 0, 10);

    assertThat(batch.events().get(0))
        .isInstanceOfSatisfying(
            MessagePosted.class,
            e -> {
              assertThat(e.message().deleted()).isTrue();
              assertThat(e.message().text()).isEmpty();
            });
    assertThat(batch.events().get(1)).isInstanceOf(MessageDeleted.class);
  }

  private void postNumbered(int count) {
    IntStream.rangeClosed(1, count).forEach(i -> f.post(alice, general, "m" + i));
  }
}
