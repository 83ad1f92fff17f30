package io.chatterlink.transport.websocket.internal.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ClientFrameMasksTest {
  private final ClientFrameMasks masks = new ClientFrameMasks();

  @Test
  void maskedFramesOfEveryLengthEncodingPassWhateverTheChunking() {
    byte[] stream = concat(frame(5, true), frame(300, true), frame(70_000, true), frame(0, true));

    for (int chunkSize : new int[] {1, 2, 3, 7, 1000, stream.length}) {
      ClientFrameMasks fresh = new ClientFrameMasks();
      for (int from = 0; from < stream.length; from += chunkSize) {
        byte[] chunk = Arrays.copyOfRange(stream, from, Math.min(stream.length, from + chunkSize));
        assertThat(fresh.firstUnmasked(ByteBuffer.wrap(chunk)))
            .as("chunks of " + chunkSize)
            .isEmpty();
      }
    }
  }

  @Test
  void anUnmaskedFrameIsFoundAtItsFirstByte() {
    byte[] masked = frame(300, true);
    ByteBuffer chunk = ByteBuffer.wrap(concat(masked, frame(10, false), frame(3, true)));

    assertThat(masks.firstUnmasked(chunk)).isEqualTo(OptionalInt.of(masked.length));
    assertThat(chunk.position()).isZero();
  }

  @Test
  void anUnmaskedFrameWhoseHeaderSpansTwoChunksIsFoundInTheSecond() {
    byte[] masked = frame(4, true);
    byte[] stream = concat(masked, frame(4, false));

    assertThat(masks.firstUnmasked(ByteBuffer.wrap(stream, 0, masked.length + 1))).isEmpty();
    ByteBuffer rest = ByteBuffer.wrap(stream, masked.length + 1, 5).slice();
    assertThat(masks.firstUnmasked(rest)).isEqualTo(OptionalInt.of(0));
  }

  @Test
  void theChunksPositionIsWhereCountingStarts() {
    ByteBuffer chunk = ByteBuffer.wrap(concat(new byte[] {9, 9}, frame(1, false)));
    chunk.position(2);

    assertThat(masks.firstUnmasked(chunk)).isEqualTo(OptionalInt.of(0));
  }

  /** A final text frame with a payload of {@code length} bytes, masked or not. */
  private static byte[] frame(int length, boolean masked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x81);
    int maskBit = masked ? 0x80 : 0;
    if (length < 126) {
      out.write(maskBit | length);
    } else if (length <= 0xffff) {
      out.write(maskBit | 126);
      out.write(length >>> 8);
      out.write(length & 0xff);
    } else {
      out.write(maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (((long) length >>> shift) & 0xff));
      }
    }
    if (masked) {
      out.writeBytes(new byte[] {1, 2, 3, 4});
    }
    out.writeBytes(new byte[length]);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
