package io.chatterlink.core.port.out;

/**
 * Every store of one storage adapter, over one database: what {@code
 * ChatCore.builder().storage(...)} takes (users, rooms, messages, attachments, sessions) and what
 * the web adapter shares between server processes (login attempts, rate windows, single-use
 * tokens). Implemented by {@code JooqStorage} (chat-persistence-jooq) and by the test kit's {@code
 * InMemoryAdapters}; an embedder's own storage implements it too, and its storage contract tests
 * ({@code io.chatterlink.testkit.contract.StorageContract}) receive one.
 *
 * <p>Each accessor returns the same instance on every call, and all of them work on the same data:
 * a message's room and sender are found in {@link #rooms()} and {@link #users()}, and appending or
 * deleting a message changes which uploads {@link #attachments()} counts as in use. Uploaded bytes
 * are not here: they are a {@link BlobStore}, often a directory rather than a database.
 */
public interface Storage {
  /**
   * Accounts.
   *
   * @return the user store
   */
  UserStore users();

  /**
   * Rooms, memberships and read markers.
   *
   * @return the room store
   */
  RoomStore rooms();

  /**
   * The rooms' message logs; what it acknowledges is what the core acknowledges to senders.
   *
   * @return the message store
   */
  MessageStore messages();

  /**
   * The uploads' metadata.
   *
   * @return the attachment store
   */
  AttachmentStore attachments();

  /**
   * Login sessions (their digests).
   *
   * @return the session store
   */
  SessionStore sessions();

  /**
   * The login throttle's failed logins and trusted devices. Not used by the core: the web adapter
   * takes it.
   *
   * @return the login attempts store
   */
  LoginAttempts loginAttempts();

  /**
   * Sliding-window throttles (registrations, user searches). Not used by the core: the web adapter
   * takes it.
   *
   * @return the rate windows store
   */
  RateWindows rateWindows();

  /**
   * Spent single-use tokens (invite codes). Not used by the core: the web adapter takes it.
   *
   * @return the single-use token store
   */
  SingleUseTokens singleUseTokens();
}
