package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.event.MessageEdited;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.FetchHistory.HistoryPage;
import io.chatterlink.core.port.in.SendMessages.EditMessage;
import io.chatterlink.testkit.inmemory.TestOnlyCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A body no configured key opens is served flagged unreadable, and the page around it still loads.
 */
class UnreadableMessagesTest {
  private final CoreFixture oldKey =
      new CoreFixture(b -> b.cipher(new TestOnlyCipher(1, Set.of())));
  private final ChatCore newKeyOnly =
      oldKey
          .adapters
          .coreBuilderWithTestOnlyCrypto()
          .clock(oldKey.clock)
          .cipher(new TestOnlyCipher(2, Set.of()))
          .build();
  private final UserId alice = oldKey.register("alice");
  private final RoomId general = oldKey.publicRoom(alice, "general");

  @Test
  void anUndecryptableBodyBecomesAnUnreadablePlaceholderAndTheRestOfThePageLoads() {
    MessageView lost = oldKey.post(alice, general, "under the old key");
    MessageView readable =
        newKeyOnly.messages().send(oldKey.send(alice, general, "under the new key")).message();

    HistoryPage page = newKeyOnly.history().page(alice, general, PageRequest.latest(10));

    assertThat(page.messages()).hasSize(2);
    MessageView unreadable = page.messages().get(0);
    assertThat(unreadable.id()).isEqualTo(lost.id());
    assertThat(unreadable.unreadable()).isTrue();
    assertThat(unreadable.text()).isEmpty();
    assertThat(unreadable.deleted()).isFalse();
    assertThat(page.messages().get(1)).isEqualTo(readable);
  }

  @Test
  void resyncAlsoServesUnreadableEntriesAsPlaceholders() {
    MessageView lost = oldKey.post(alice, general, "under the old key");
    MessageView rewritten = oldKey.post(alice, general, "to be re-written");
    newKeyOnly
        .messages()
        .edit(new EditMessage(alice, rewritten.id(), "re-written under the new key"));

    var events = newKeyOnly.history().resync(alice, general, 0, 10).events();

    assertThat(events.get(0))
        .isInstanceOfSatisfying(
            MessagePosted.class,
            e -> {
              assertThat(e.message().id()).isEqualTo(lost.id());
              assertThat(e.message().unreadable()).isTrue();
            });
    assertThat(events.get(2))
        .isInstanceOfSatisfying(
            MessageEdited.class,
            e -> {
              assertThat(e.message().unreadable()).isFalse();
              assertThat(e.message().text()).isEqualTo("re-written under the new key");
            });
  }

  @Test
  void eachUnreadableMessageIsReportedOnceAndWithoutItsToken() {
    MessageView lost = oldKey.post(alice, general, "under the old key");
    StoredMessage stored = oldKey.adapters.messages().find(lost.id()).orElseThrow();
    RecordingLogger logger = new RecordingLogger();
    MessageViews views = new MessageViews(new TestOnlyCipher(2, Set.of()), logger);

    views.current(stored);
    views.current(stored);

    assertThat(logger.lines).hasSize(1);
    assertThat(logger.lines.get(0))
        .contains(lost.id().value())
        .doesNotContain(stored.body().orElseThrow().token());
  }

  @Test
  void theMemoryOfReportedMessagesIsBoundedAndForgetsTheOldestFirst() {
    RecordingLogger logger = new RecordingLogger();
    MessageViews views = new MessageViews(new TestOnlyCipher(2, Set.of()), logger);
    List<StoredMessage> lost = new ArrayList<>();
    for (int i = 0; i <= MessageViews.MAX_REPORTED_UNREADABLE; i++) {
      lost.add(unreadable("m" + i));
    }
    lost.forEach(views::current);

    views.current(lost.get(lost.size() - 1));
    assertThat(logger.lines).hasSize(MessageViews.MAX_REPORTED_UNREADABLE + 1);
    views.current(lost.get(0));

    assertThat(logger.lines).hasSize(MessageViews.MAX_REPORTED_UNREADABLE + 2);
  }

  private StoredMessage unreadable(String id) {
    return new StoredMessage(
        new io.chatterlink.core.model.MessageId(id),
        general,
        1,
        alice,
        new io.chatterlink.core.model.ClientMessageId(id),
        Optional.of(new EncryptedBody("not a token of any key")),
        List.of(),
        Optional.empty(),
        CoreFixture.START,
        Optional.empty(),
        false);
  }

  /** Keeps what was logged, formatted, so the test can read it. */
  private static final class RecordingLogger implements System.Logger {
    final List<String> lines = new ArrayList<>();

    @Override
    public String getName() {
      return "io.chatterlink.core";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(msg + (thrown == null ? "" : " " + thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(java.text.MessageFormat.format(format, params));
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
      lines.add(msgSupplier.get());
    }
  }
}
