package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RFC 6455 section 5.1: a client frame that is not masked closes the connection with 1002. Checked
 * on the Undertow hosting, where the transport reads the bytes itself (the server's own hosting);
 * Tyrus on Grizzly does not check.
 */
class UnmaskedFramesTest {
  @Test
  void anUnmaskedTextFrameClosesTheConnectionWith1002AndIsNotAnswered() {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW);
        RawWebSocket socket =
            RawWebSocket.open(
                chat, Optional.of(ChatFixture.cookie(chat.user("alice"))), Map.of())) {
      assertThat(socket.status()).isEqualTo(101);
      assertThat(socket.readFrame().orElseThrow().text()).contains("\"type\":\"hello\"");
      socket.sendText("{\"id\":\"m\",\"type\":\"ping\"}", true);
      assertThat(textsUntil(socket, 0x1, "\"id\":\"m\"")).isNotEmpty();

      socket.sendText("{\"id\":\"u\",\"type\":\"ping\"}", false);

      List<RawWebSocket.Frame> after = socket.framesUntilClose();
      assertThat(after).isNotEmpty();
      assertThat(after.get(after.size() - 1).closeCode()).isEqualTo(1002);
      assertThat(after)
          .filteredOn(f -> f.opcode() == 0x1)
          .noneMatch(f -> f.text().contains("\"id\":\"u\""));
    }
  }

  /** Frames up to the first text frame containing {@code needle}. */
  private static List<RawWebSocket.Frame> textsUntil(
      RawWebSocket socket, int opcode, String needle) {
    List<RawWebSocket.Frame> seen = new ArrayList<>();
    for (RawWebSocket.Frame f = socket.readFrame().orElseThrow();
        ;
        f = socket.readFrame().orElseThrow()) {
      seen.add(f);
      if (f.opcode() == opcode && f.text().contains(needle)) {
        return seen;
      }
    }
  }
}
