package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The standalone Grizzly server listens where it is told, not on every interface. */
class StandaloneHostTest {

  @Test
  void theStandaloneServerListensOnTheGivenHostOnly() throws IOException {
    // Linux answers on all of 127.0.0.0/8: a server bound to 127.0.0.2 must not answer on .1.
    WebSocketTransport transport = WebSocketTransport.create(TransportSettings.defaults());
    try (WebSocketTransport.StandaloneServer server = transport.startStandalone("127.0.0.2", -1)) {
      try (Socket bound = new Socket()) {
        bound.connect(new InetSocketAddress("127.0.0.2", server.port()), 5_000);
        assertThat(bound.isConnected()).isTrue();
      }
      assertThatThrownBy(
              () -> {
                try (Socket other = new Socket()) {
                  other.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                }
              })
          .isInstanceOf(ConnectException.class);
    } finally {
      transport.shutdown(Duration.ZERO);
    }
  }

  @Test
  void aHostThatIsNotOursFailsTheStartWithTheAddressInTheMessage() {
    WebSocketTransport transport = WebSocketTransport.create(TransportSettings.defaults());
    try {
      assertThatThrownBy(() -> transport.startStandalone("192.0.2.1", -1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("192.0.2.1");
    } finally {
      transport.shutdown(Duration.ZERO);
    }
  }
}
