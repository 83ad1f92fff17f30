package io.chatterlink.transport.websocket.internal.hosting;

import io.chatterlink.transport.websocket.internal.protocol.CloseCodes;
import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Follows the frame headers in a client's byte stream and finds the first frame refused by its
 * header alone. RFC 6455 section 5.1: a server must close the connection (1002) when a client frame
 * is not masked; Tyrus's parser does not check, so the bytes are checked here before Tyrus sees
 * them. A frame whose declared length is over {@code maxPayloadBytes} closes with 1009 before any
 * of it is buffered: Tyrus would buffer up to its incoming limit (1 MiB) and, past it, close with
 * 1011 and log a stack trace that any client could trigger at will. Reads only headers and skips
 * payloads, whatever the chunking. Not thread-safe: one per connection, fed its chunks in order.
 */
public final class ClientFrameMasks {
  private static final int MASK_BIT = 0x80;
  private static final int LENGTH_BITS = 0x7f;
  private static final int MASKING_KEY_BYTES = 4;

  /** Where the next byte falls: a header's first byte, its second, its extended length, its key. */
  private enum Part {
    FIRST,
    SECOND,
    EXTENDED_LENGTH,
    MASKING_KEY,
    PAYLOAD
  }

  private final long maxPayloadBytes;
  private Part part = Part.FIRST;
  private int extendedLengthBytes;
  private long extendedLength;
  private int keyBytesLeft;
  private long payloadLeft;

  /** Checks masks only. */
  public ClientFrameMasks() {
    this(Long.MAX_VALUE);
  }

  /** Checks masks, and refuses frames declaring more than {@code maxPayloadBytes}. */
  public ClientFrameMasks(long maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** A frame refused by its header: where it starts in the chunk, and the close it gets. */
  public record Refused(int offset, CloseReason reason) {}

  /**
   * Reads the headers in {@code chunk} (its position is left unchanged).
   *
   * @return the offset in {@code chunk} of the first unmasked frame (0 if it began in an earlier
   *     chunk): hand only the bytes before it to the parser, then close with 1002; empty if every
   *     frame so far is masked
   */
  public OptionalInt firstUnmasked(ByteBuffer chunk) {
    return firstRefused(chunk).stream().mapToInt(Refused::offset).findFirst();
  }

  /**
   * Reads the headers in {@code chunk} (its position is left unchanged).
   *
   * @return the first refused frame: hand only the bytes before its offset (0 if it began in an
   *     earlier chunk) to the parser, then close with its reason; empty if none so far
   */
  public Optional<Refused> firstRefused(ByteBuffer chunk) {
    int start = chunk.position();
    int frameStart = start;
    for (int i = start; i < chunk.limit(); ) {
      switch (part) {
        case FIRST:
          frameStart = i;
          i++;
          part = Part.SECOND;
          break;
        case SECOND:
          int second = chunk.get(i++) & 0xff;
          if ((second & MASK_BIT) == 0) {
            return refused(frameStart - start, CloseCodes.UNMASKED_FRAME);
          }
          int length = second & LENGTH_BITS;
          extendedLengthBytes = length == 126 ? 2 : length == 127 ? 8 : 0;
          extendedLength = 0;
          payloadLeft = length;
          keyBytesLeft = MASKING_KEY_BYTES;
          part = extendedLengthBytes > 0 ? Part.EXTENDED_LENGTH : Part.MASKING_KEY;
          if (payloadLeft > maxPayloadBytes) {
            return refused(frameStart - start, CloseCodes.TOO_BIG);
          }
          break;
        case EXTENDED_LENGTH:
          extendedLength = (extendedLength << 8) | (chunk.get(i++) & 0xff);
          if (--extendedLengthBytes == 0) {
            // A length with the top bit set is invalid; the parser refuses it, we skip all.
            payloadLeft = extendedLength < 0 ? Long.MAX_VALUE : extendedLength;
            part = Part.MASKING_KEY;
            if (payloadLeft > maxPayloadBytes) {
              return refused(frameStart - start, CloseCodes.TOO_BIG);
            }
          }
          break;
        case MASKING_KEY:
          i++;
          if (--keyBytesLeft == 0) {
            part = payloadLeft == 0 ? Part.FIRST : Part.PAYLOAD;
          }
          break;
        case PAYLOAD:
          long skip = Math.min(payloadLeft, chunk.limit() - i);
          i += (int) skip;
          payloadLeft -= skip;
          if (payloadLeft == 0) {
            part = Part.FIRST;
          }
          break;
        default:
          throw new AssertionError(part);
      }
    }
    return Optional.empty();
  }

  private static Optional<Refused> refused(int offset, CloseReason reason) {
    return Optional.of(new Refused(Math.max(0, offset), reason));
  }
}
