package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ReencryptMessages;
import io.chatterlink.core.port.in.ReencryptMessages.Progress;
import io.chatterlink.core.port.in.SendMessages.DeleteMessage;
import io.chatterlink.core.port.in.SendMessages.EditMessage;
import io.chatterlink.testkit.inmemory.TestOnlyCipher;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Key rotation, with the test-only cipher's key versions standing in for Fernet keys. */
class ReencryptionTest {
  private final CoreFixture before =
      new CoreFixture(b -> b.cipher(new TestOnlyCipher(1, Set.of())));
  private final ChatCore rotating = coreWith(new TestOnlyCipher(2, Set.of(1)));
  private final ReencryptMessages reencryption = rotating.reencryption();
  private final UserId alice = before.register("alice");
  private final RoomId general = before.publicRoom(alice, "general");

  @Test
  void afterAFullRunTheOldKeyIsNoLongerNeeded() {
    MessageView edited = before.post(alice, general, "one");
    before.post(alice, general, "two");
    before.core.messages().edit(new EditMessage(alice, edited.id(), "one, edited"));

    Progress progress = reencryption.reencryptBatch(Optional.empty(), 100);

    // Two bodies: each message's current one (the store keeps no copy of the text before the edit).
    assertThat(progress.examined()).isEqualTo(2);
    assertThat(progress.rewritten()).isEqualTo(2);
    assertThat(progress.done()).isTrue();
    ChatCore newKeyOnly = coreWith(new TestOnlyCipher(2, Set.of()));
    assertThat(newKeyOnly.history().page(alice, general, PageRequest.latest(10)).messages())
        .extracting(MessageView::text, MessageView::unreadable)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("one, edited", false),
            org.assertj.core.groups.Tuple.tuple("two", false));
    assertThat(newKeyOnly.history().resync(alice, general, 0, 10).events()).hasSize(3);
  }

  @Test
  void bodiesAlreadyUnderThePrimaryKeyAreSkippedSoARunCanSimplyStartAgain() {
    before.post(alice, general, "one");
    rotating.messages().send(before.send(alice, general, "already current"));

    Progress first = reencryption.reencryptBatch(Optional.empty(), 100);
    Progress again = reencryption.reencryptBatch(Optional.empty(), 100);

    assertThat(first.rewritten()).isEqualTo(1);
    assertThat(again.examined()).isEqualTo(2);
    assertThat(again.rewritten()).isZero();
  }

  @Test
  void aRunGoesBatchByBatchFromTheCursorUntilDone() {
    for (int i = 0; i < 5; i++) {
      before.post(alice, general, "m" + i);
    }

    Progress one = reencryption.reencryptBatch(Optional.empty(), 2);
    Progress two = reencryption.reencryptBatch(one.cursor(), 2);
    Progress three = reencryption.reencryptBatch(two.cursor(), 2);

    assertThat(one.done()).isFalse();
    assertThat(two.rewritten()).isEqualTo(2);
    assertThat(three.examined()).isEqualTo(1);
    assertThat(three.done()).isTrue();
    assertThat(reencryption.reencryptBatch(Optional.empty(), 10).rewritten()).isZero();
  }

  @Test
  void deletedBodiesAreGoneAndNeverRewritten() {
    MessageView gone = before.post(alice, general, "gone");
    before.core.messages().delete(new DeleteMessage(alice, gone.id()));

    Progress progress = reencryption.reencryptBatch(Optional.empty(), 10);

    assertThat(progress.examined()).isZero();
    assertThat(progress.done()).isTrue();
  }

  @Test
  void bodiesNoKeyOpensAreLeftAloneAndTheRunGoesOn() {
    before.post(alice, general, "under key 1");
    ChatCore unrelated = coreWith(new TestOnlyCipher(3, Set.of()));
    unrelated.messages().send(before.send(alice, general, "under key 3"));

    Progress progress = reencryption.reencryptBatch(Optional.empty(), 10);

    assertThat(progress.examined()).isEqualTo(2);
    assertThat(progress.rewritten()).isEqualTo(1);
    assertThat(progress.done()).isTrue();
  }

  @Test
  void theBatchSizeMustBeBetweenOneAndTenThousand() {
    assertThatThrownBy(() -> reencryption.reencryptBatch(Optional.empty(), 0))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> reencryption.reencryptBatch(Optional.empty(), 10_001))
        .isInstanceOf(InvalidInputException.class);
    assertThat(reencryption.reencryptBatch(Optional.empty(), 10_000).done()).isTrue();
  }

  private ChatCore coreWith(TestOnlyCipher cipher) {
    return before
        .adapters
        .coreBuilderWithTestOnlyCrypto()
        .clock(before.clock)
        .cipher(cipher)
        .build();
  }
}
