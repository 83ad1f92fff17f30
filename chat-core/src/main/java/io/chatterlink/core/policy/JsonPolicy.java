package io.chatterlink.core.policy;

/**
 * The one set of rules every JSON request obeys, whether it arrives as an HTTP body or as a
 * WebSocket frame; the adapters configure their parsers from these numbers, and a test runs the
 * same table of documents through both. A document is refused (HTTP {@code 400}, WebSocket error
 * {@code 400}) when it is not a single JSON object, when anything but whitespace follows that
 * object, when an object repeats a key (at any depth), or when it passes one of the limits below
 * anywhere, including inside fields the server ignores. Documented in {@code docs/protocol.md} and
 * {@code docs/http-api.md}.
 */
public final class JsonPolicy {
  /** Deepest nesting of objects and arrays. */
  public static final int MAX_NESTING_DEPTH = 16;

  /** Longest number literal, in characters (a long has 19 digits and a sign). */
  public static final int MAX_NUMBER_LENGTH = 24;

  /** Longest property name, in characters. */
  public static final int MAX_NAME_LENGTH = 64;

  /** Longest string value, in characters (a message text is at most 4,000). */
  public static final int MAX_STRING_LENGTH = 16 * 1024;

  private JsonPolicy() {}
}
