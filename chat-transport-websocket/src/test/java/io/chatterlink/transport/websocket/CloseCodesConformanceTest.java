package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Close codes of docs/protocol.md section 6 that a client's own mistakes cause. */
class CloseCodesConformanceTest {
  @Test
  void aTextFrameThatIsNotUtf8ClosesWith1007() {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW);
        RawWebSocket socket =
            RawWebSocket.open(
                chat, Optional.of(ChatFixture.cookie(chat.user("alice"))), Map.of())) {
      assertThat(socket.readFrame().orElseThrow().text()).contains("\"type\":\"hello\"");

      socket.sendText(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, true);

      assertThat(socket.closeCode()).isEqualTo(1007);
    }
  }

  @Test
  void aFrameWithAReservedBitSetClosesWith1002() {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW);
        RawWebSocket socket =
            RawWebSocket.open(
                chat, Optional.of(ChatFixture.cookie(chat.user("alice"))), Map.of())) {
      assertThat(socket.readFrame().orElseThrow().text()).contains("\"type\":\"hello\"");

      socket.sendFrame(0x81 | 0x40, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), true);

      assertThat(socket.closeCode()).isEqualTo(1002);
    }
  }
}
