package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.port.out.AttachmentStore;
import io.chatterlink.core.port.out.BlobStore;
import io.chatterlink.core.port.out.LoginAttempts;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.core.port.out.PasswordHasher;
import io.chatterlink.core.port.out.RateWindows;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.core.port.out.SessionStore;
import io.chatterlink.core.port.out.SingleUseTokens;
import io.chatterlink.core.port.out.Storage;
import io.chatterlink.core.port.out.UserStore;

/**
 * Every outbound port of the core, in memory: for tests (ours and an embedder's) and for trying
 * ChatterLink out without a database. It is a {@link Storage}, like the database adapter, plus a
 * {@link #blobs() blob store} and a {@link #delivery() recording delivery}. The stores are
 * thread-safe and pass the same contract tests as the real adapters; nothing survives the JVM, and
 * nothing is shared with another process.
 *
 * <pre>{@code
 * InMemoryAdapters adapters = InMemoryAdapters.create();
 * ChatCore core =
 *     adapters.coreBuilderWithTestOnlyCrypto().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
 * // ... act on core, then assert on adapters.delivery().eventsFor(bob)
 * }</pre>
 */
public final class InMemoryAdapters implements Storage {
  private final UserStore users = new InMemoryUserStore();
  private final RoomStore rooms = new InMemoryRoomStore();
  private final InMemoryAttachmentStore attachments = new InMemoryAttachmentStore();
  private final MessageStore messages = new InMemoryMessageStore(attachments);
  private final SessionStore sessions = new InMemorySessionStore();
  private final RecordingDelivery delivery = new RecordingDelivery();
  private final LoginAttempts loginAttempts = new InMemoryLoginAttempts();
  private final RateWindows rateWindows = new InMemoryRateWindows();
  private final SingleUseTokens singleUseTokens = new InMemorySingleUseTokens();
  private final BlobStore blobs = new InMemoryBlobStore();

  private InMemoryAdapters() {}

  /** {@return a fresh set of empty stores and an empty recording delivery} */
  public static InMemoryAdapters create() {
    return new InMemoryAdapters();
  }

  /** {@return the user store; the same instance on every call} */
  @Override
  public UserStore users() {
    return users;
  }

  /** {@return the room and membership store; the same instance on every call} */
  @Override
  public RoomStore rooms() {
    return rooms;
  }

  /**
   * {@return the message store; the same instance on every call} Appending or deleting a message
   * updates which uploads are in use in {@link #attachments()}, as the database adapter does.
   */
  @Override
  public MessageStore messages() {
    return messages;
  }

  /**
   * {@return the attachment metadata store (not the bytes: see {@link #blobs()}); the same instance
   * on every call}
   */
  @Override
  public AttachmentStore attachments() {
    return attachments;
  }

  /**
   * {@return the login throttle's memory (failed logins, trusted devices) for this process only;
   * the same instance on every call} Not used by the core: hand it to the web adapter.
   */
  @Override
  public LoginAttempts loginAttempts() {
    return loginAttempts;
  }

  /**
   * {@return sliding-window throttles (registrations, searches) for this process only; the same
   * instance on every call} Not used by the core: hand it to the web adapter.
   */
  @Override
  public RateWindows rateWindows() {
    return rateWindows;
  }

  /**
   * {@return spent single-use tokens (invite codes) for this process only, forgotten at exit; the
   * same instance on every call} Not used by the core: hand it to the web adapter.
   */
  @Override
  public SingleUseTokens singleUseTokens() {
    return singleUseTokens;
  }

  /**
   * {@return uploaded bytes held in this process's memory (small files, tests); the same instance
   * on every call} Not used by the core: hand it to the web adapter.
   */
  public BlobStore blobs() {
    return blobs;
  }

  /** {@return the session store; the same instance on every call} */
  @Override
  public SessionStore sessions() {
    return sessions;
  }

  /**
   * {@return the delivery that records events instead of sending them, for assertions; the same
   * instance on every call}
   */
  public RecordingDelivery delivery() {
    return delivery;
  }

  /**
   * {@return a new {@link TestOnlyCipher} with key version 1} <strong>Test only: it provides no
   * secrecy.</strong>
   */
  public static MessageCipher testOnlyCipher() {
    return new TestOnlyCipher();
  }

  /**
   * {@return a new {@link TestOnlyFastHasher}} <strong>Test only: one fast SHA-256, easy to
   * brute-force.</strong>
   */
  public static PasswordHasher testOnlyFastHasher() {
    return new TestOnlyFastHasher();
  }

  /**
   * {@return a new {@link ChatCore.Builder} with this instance's stores and delivery, and the
   * cipher and hasher the caller chose} Use it to run the in-memory stores with real cryptography
   * (say, {@code ChatCrypto.cipherFromSetting(...)} and {@code ChatCrypto.passwordHasher()} from
   * chat-crypto). The clock and ids are the builder's defaults. Each call returns a new builder
   * over the same stores, so cores built from two calls share their data.
   *
   * @param cipher encrypts message bodies at rest
   * @param hasher hashes passwords
   */
  public ChatCore.Builder coreBuilder(MessageCipher cipher, PasswordHasher hasher) {
    return ChatCore.builder()
        .storage(this)
        .cipher(cipher)
        .passwordHasher(hasher)
        .delivery(delivery);
  }

  /**
   * {@return a new {@link ChatCore.Builder} with this instance's stores and delivery, the {@link
   * #testOnlyCipher() test-only cipher} and the {@link #testOnlyFastHasher() test-only hasher}}
   * <strong>Test only: messages are not secret and passwords are easy to brute-force.</strong> The
   * clock and ids are the builder's defaults; tests usually set {@code clock(Clock.fixed(...))}.
   * Each call returns a new builder over the same stores, so cores built from two calls share their
   * data.
   */
  public ChatCore.Builder coreBuilderWithTestOnlyCrypto() {
    return coreBuilder(testOnlyCipher(), testOnlyFastHasher());
  }
}
