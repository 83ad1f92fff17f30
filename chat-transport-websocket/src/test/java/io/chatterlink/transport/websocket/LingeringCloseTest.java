package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A frame over the ceiling is refused on its header, while the client is still writing it. The
 * server then reads and drops the rest instead of closing at once: a socket closed with unread
 * bytes answers with a reset, the client's writes fail, and its stack may drop our close frame
 * unread (the client in CI saw an abnormal close instead of 1009). Checked on the Undertow hosting,
 * where the transport reads the bytes itself.
 */
class LingeringCloseTest {
  private static final long EIGHT_MEBIBYTES = 8L * 1024 * 1024;

  @Test
  void aClientStillWritingATooLongFrameFinishesAndThenReadsTheCloseFrame() throws IOException {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW);
        RawWebSocket socket =
            RawWebSocket.open(
                chat, Optional.of(ChatFixture.cookie(chat.user("alice"))), Map.of())) {
      assertThat(socket.readFrame().orElseThrow().text()).contains("\"type\":\"hello\"");

      // Far more than the socket buffers hold: a reset would fail this write.
      socket.sendLongText(EIGHT_MEBIBYTES);

      assertThat(socket.closeCode()).isEqualTo(1009);
      socket.shutdownOutput();
      assertThat(socket.readFrame()).as("the server closes once the client has").isEmpty();
    }
  }
}
