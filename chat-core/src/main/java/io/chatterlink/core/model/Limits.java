package io.chatterlink.core.model;

/**
 * Every size and count limit the core enforces, in one place so that adapters can document and
 * advertise them. A request over a limit fails with {@link
 * io.chatterlink.core.error.InvalidInputException} (or {@link
 * io.chatterlink.core.error.LimitExceededException} for counts); nothing is truncated silently.
 */
public final class Limits {
  /** Most characters (UTF-16 code units, as browsers count) in one message's text. */
  public static final int MAX_MESSAGE_LENGTH = 4000;

  /** Most attachments on one message. */
  public static final int MAX_ATTACHMENTS_PER_MESSAGE = 10;

  /** Most messages in one history page; larger requests are refused, not clipped. */
  public static final int MAX_PAGE_SIZE = 100;

  /** Page size when the client does not ask for one. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  /** Most events returned by one resync call; the caller continues from the last seq returned. */
  public static final int MAX_RESYNC_BATCH = 500;

  /** Most characters in a room name. */
  public static final int MAX_ROOM_NAME_LENGTH = 80;

  /** Most characters in a display name. */
  public static final int MAX_DISPLAY_NAME_LENGTH = 64;

  /** Fewest characters in a password. */
  public static final int MIN_PASSWORD_LENGTH = 8;

  /** Most characters in a password (bounds the hashing work an attacker can ask for). */
  public static final int MAX_PASSWORD_LENGTH = 1024;

  /** Most people in a direct conversation, the acting user included. */
  public static final int MAX_DIRECT_MEMBERS = 8;

  /** Most results of a user search. */
  public static final int MAX_USER_SEARCH_RESULTS = 20;

  /** Most rooms listed by a public-room listing (the first ones by name). */
  public static final int MAX_PUBLIC_ROOMS_LISTED = 200;

  /** Seconds after the last "typing" signal at which the server declares that the user stopped. */
  public static final int TYPING_EXPIRY_SECONDS = 6;

  private Limits() {}
}
