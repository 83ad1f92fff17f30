package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A graceful shutdown while a client has sent more than the server has read (its sends hang in the
 * store, so the server stops reading after them). The server drops what it never read instead of
 * closing on it: a socket closed with unread bytes answers with a reset, which can destroy the
 * answers and the 1001 close frame waiting in the client's buffers (a CI run saw 1006). Checked on
 * the Undertow hosting, where the transport reads the bytes itself.
 */
class ShutdownWithUnreadFramesTest {
  private static final int UNREAD_PINGS = 3_000;

  @Test
  void theAnswersAndThe1001CloseReachAClientWhoseLaterFramesWereNeverRead() throws IOException {
    CompletableFuture<Void> never = new CompletableFuture<>();
    AtomicInteger appending = new AtomicInteger();
    ChatFixture chat =
        new ChatFixture(
            Hosting.UNDERTOW,
            store -> PipelinedSendsOverWebSocketTest.heldUntil(never, appending, store));
    LoginResult alice = chat.user("alice");
    String room = chat.publicRoom(alice, "general").id().value();
    try (RawWebSocket socket =
        RawWebSocket.open(chat, Optional.of(ChatFixture.cookie(alice)), Map.of())) {
      assertThat(socket.readFrame().orElseThrow().text()).contains("\"type\":\"hello\"");
      for (int i = 0; i < 3; i++) {
        socket.sendText(
            "{\"id\":\"s"
                + i
                + "\",\"type\":\"send\",\"room\":\""
                + room
                + "\",\"clientMessageId\":\"c"
                + i
                + "\",\"text\":\"x\"}",
            true);
      }
      // A liveness bound, not a timing: the three sends are in the store, none answered.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (appending.get() < 3 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(appending).hasValue(3);
      // A ping waits for the sends before it, and the server reads nothing while it waits.
      for (int i = 0; i < UNREAD_PINGS; i++) {
        socket.sendText("{\"id\":\"p" + i + "\",\"type\":\"ping\"}", true);
      }

      chat.close();

      List<RawWebSocket.Frame> frames = socket.framesUntilClose();
      assertThat(frames.get(frames.size() - 1).closeCode()).isEqualTo(1001);
      assertThat(frames)
          .filteredOn(f -> f.opcode() == 0x1 && f.text().contains("\"id\":\"s"))
          .hasSize(3)
          .allMatch(f -> f.text().contains("\"code\":503"));
    }
  }
}
