package io.chatterlink.transport.websocket.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bytes of a text frame as RFC 6455 section 5.2 lays them out, encoded once. */
class OutboundFrameTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 125, 126, 127, 65_535, 65_536, 200_000})
  void theHeaderCarriesThePayloadLengthInTheShortestForm(int length) {
    String text = "x".repeat(length);
    ByteBuffer wire = OutboundFrame.plain(text).wire();

    assertThat(wire.get()).isEqualTo((byte) 0x81); // FIN, text
    int lengthField = wire.get() & 0xFF;
    assertThat(lengthField & 0x80).as("a server's frames are not masked").isZero();
    long decoded;
    if (length <= 125) {
      decoded = lengthField;
    } else if (length <= 65_535) {
      assertThat(lengthField).isEqualTo(126);
      decoded = wire.getShort() & 0xFFFF;
    } else {
      assertThat(lengthField).isEqualTo(127);
      decoded = wire.getLong();
    }
    assertThat(decoded).isEqualTo(length);
    assertThat(wire.remaining()).isEqualTo(length);
  }

  @Test
  void thePayloadIsTheTextInUtf8() {
    String text = "{\"text\":\"héllo 👋 мир\"}";
    ByteBuffer wire = OutboundFrame.plain(text).wire();
    wire.position(2);
    byte[] payload = new byte[wire.remaining()];
    wire.get(payload);

    assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void everyRecipientGetsItsOwnReadOnlyViewOfTheSameBytes() {
    OutboundFrame frame = OutboundFrame.plain("{\"type\":\"message\"}");
    ByteBuffer first = frame.wire();
    first.position(first.limit()); // one socket took all of it

    ByteBuffer second = frame.wire();
    assertThat(second.position()).isZero();
    assertThat(second.isReadOnly()).isTrue();
    assertThat(second).isEqualTo(frame.wire());
  }
}
