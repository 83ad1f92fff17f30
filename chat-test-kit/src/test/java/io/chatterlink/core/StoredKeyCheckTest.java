package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ReencryptMessages.Progress;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.core.port.out.MessageStore.BodyRecord;
import io.chatterlink.core.port.out.MessageStore.BodyRewrite;
import io.chatterlink.testkit.inmemory.TestOnlyCipher;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The start's key check on the in-memory store, with the test-only cipher's key versions standing
 * in for keys (the same check runs on SQLite and PostgreSQL in chat-persistence-jooq).
 */
class StoredKeyCheckTest {
  private static final TestOnlyCipher OLD = new TestOnlyCipher(1, Set.of());
  private static final TestOnlyCipher NEW_AND_OLD = new TestOnlyCipher(2, Set.of(1));
  private static final TestOnlyCipher NEW_ONLY = new TestOnlyCipher(2, Set.of());

  private final CoreFixture server = new CoreFixture(b -> b.cipher(OLD));
  private final MessageStore store = server.adapters.messages();
  private final UserId alice = server.register("alice");
  private final RoomId general = server.publicRoom(alice, "general");

  @Test
  void anEmptyStorePasses() {
    assertThat(StoredKeyCheck.run(store, NEW_ONLY).problem()).isEmpty();
  }

  @Test
  void droppingTheOldKeyAfterAnInterruptedRotationIsRefusedNamingTheMissingFingerprint() {
    postSome(3);
    ChatCore rotating = coreWith(NEW_AND_OLD);
    rotating.reencryption().reencryptBatch(Optional.empty(), 1); // then interrupted

    StoredKeyCheck.Result result = StoredKeyCheck.run(store, NEW_ONLY);

    assertThat(result.missing()).containsExactly(TestOnlyCipher.fingerprint(1));
    assertThat(result.problem())
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .contains("missing key fingerprint " + TestOnlyCipher.fingerprint(1).value())
                    .contains("FERNET_KEY holds " + TestOnlyCipher.fingerprint(2).value())
                    .contains("Put the old key back in FERNET_KEY after the new one")
                    .contains("rotate-keys"));
    assertThat(StoredKeyCheck.run(store, NEW_AND_OLD).problem()).as("old key back").isEmpty();
  }

  @Test
  void afterACompleteRotationTheOldKeyMayGo() {
    postSome(3);
    ChatCore rotating = coreWith(NEW_AND_OLD);
    Progress progress = rotating.reencryption().reencryptBatch(Optional.empty(), 2);
    progress = rotating.reencryption().reencryptBatch(progress.cursor(), 2);
    assertThat(progress.done()).isTrue();

    assertThat(StoredKeyCheck.run(store, NEW_ONLY).problem()).isEmpty();
  }

  @Test
  void oneCorruptBodyPassesAndOnlyThatMessageIsUnreadable() {
    postSome(3);
    BodyRecord second = store.bodiesAfter(Optional.empty(), 10).get(1);
    String token = second.body().token();
    EncryptedBody corrupt =
        new EncryptedBody(token.substring(0, token.length() - 3) + "xyz", second.body().key());
    assertThat(
            store.replaceBodies(List.of(new BodyRewrite(second.cursor(), second.body(), corrupt))))
        .isOne();

    assertThat(StoredKeyCheck.run(store, OLD).problem()).isEmpty();
    assertThat(server.core.history().page(alice, general, PageRequest.latest(10)).messages())
        .extracting(MessageView::unreadable)
        .containsExactly(false, true, false);
  }

  @Test
  void bodiesStoredWithoutAFingerprintHaveTheirKeyIdentifiedAndRecordedOnce() {
    postSome(3);
    forgetFingerprints();

    StoredKeyCheck.Result first = StoredKeyCheck.run(store, NEW_AND_OLD);
    StoredKeyCheck.Result second = StoredKeyCheck.run(store, NEW_ONLY);

    assertThat(first.identified()).isEqualTo(3);
    assertThat(first.problem()).isEmpty();
    assertThat(store.bodyKeys()).containsExactly(TestOnlyCipher.fingerprint(1));
    assertThat(second.identified()).isZero();
    assertThat(second.missing()).containsExactly(TestOnlyCipher.fingerprint(1));
  }

  @Test
  void unfingerprintedBodiesNoKeyVerifiesAreCorruptUpToTheLimitAndAMissingKeyBeyondIt() {
    postSome(StoredKeyCheck.MAX_UNIDENTIFIED);
    forgetFingerprints();

    StoredKeyCheck.Result atTheLimit = StoredKeyCheck.run(store, NEW_ONLY);
    postSome(1);
    forgetFingerprints();
    StoredKeyCheck.Result beyond = StoredKeyCheck.run(store, NEW_ONLY);

    assertThat(atTheLimit.unidentified()).isEqualTo(StoredKeyCheck.MAX_UNIDENTIFIED);
    assertThat(atTheLimit.problem()).isEmpty();
    assertThat(beyond.unidentified()).isEqualTo(StoredKeyCheck.MAX_UNIDENTIFIED + 1);
    assertThat(beyond.problem())
        .hasValueSatisfying(p -> assertThat(p).contains("opened by no key in FERNET_KEY"));
  }

  @Test
  void requiringAReadableStoreRefusesACipherWithoutTheStoredKeyNamingWhereTheKeysCameFrom() {
    postSome(2);

    assertThatThrownBy(
            () -> StoredKeyCheck.requireReadable(store, NEW_ONLY, "/srv/chat/fernet.key"))
        .isInstanceOfSatisfying(
            UnreadableStoreException.class,
            e -> assertThat(e.result().missing()).containsExactly(TestOnlyCipher.fingerprint(1)))
        .hasMessageContaining("missing key fingerprint " + TestOnlyCipher.fingerprint(1).value())
        .hasMessageContaining("not in /srv/chat/fernet.key")
        .hasMessageNotContaining("FERNET_KEY");
  }

  @Test
  void requiringAReadableStoreRefusesTooManyBodiesNoKeyVerifies() {
    postSome(StoredKeyCheck.MAX_UNIDENTIFIED + 1);
    forgetFingerprints();

    assertThatThrownBy(() -> StoredKeyCheck.requireReadable(store, NEW_ONLY, "APP_KEYS"))
        .isInstanceOf(UnreadableStoreException.class)
        .hasMessageContaining("opened by no key in APP_KEYS");
  }

  @Test
  void requiringAReadableStorePassesWithTheKeysAndReturnsWhatItFound() {
    postSome(2);
    forgetFingerprints();

    StoredKeyCheck.Result result = StoredKeyCheck.requireReadable(store, NEW_AND_OLD, "APP_KEYS");

    assertThat(result.identified()).isEqualTo(2);
    assertThat(result.missing()).isEmpty();
    assertThat(StoredKeyCheck.requireReadable(store, OLD, "APP_KEYS").problem()).isEmpty();
  }

  /** Makes every stored body look as if it was stored before fingerprints were recorded. */
  private void forgetFingerprints() {
    List<BodyRewrite> strip =
        store.bodiesAfter(Optional.empty(), 100).stream()
            .map(r -> new BodyRewrite(r.cursor(), r.body(), new EncryptedBody(r.body().token())))
            .toList();
    store.replaceBodies(strip);
    assertThat(store.bodyKeys()).isEmpty();
  }

  private void postSome(int count) {
    for (int i = 0; i < count; i++) {
      server.post(alice, general, "message " + i);
    }
  }

  private ChatCore coreWith(MessageCipher cipher) {
    return server
        .adapters
        .coreBuilderWithTestOnlyCrypto()
        .clock(server.clock)
        .cipher(cipher)
        .build();
  }
}
