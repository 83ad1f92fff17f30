package io.chatterlink.transport.websocket;

import static io.chatterlink.transport.websocket.TestClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The endpoint's path is the embedder's to choose, within a rule. */
class EndpointPathTest {

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void theEndpointIsServedOnTheChosenPathAndNotOnTheDefaultOne(Hosting hosting) {
    try (ChatFixture chat =
        new ChatFixture(
            hosting,
            WebSocketTransport.builder(TransportSettings.defaults()).path("/chat/socket-1"))) {
      String cookie = ChatFixture.cookie(chat.user("alice"));
      assertThat(chat.uri().getPath()).isEqualTo("/chat/socket-1");
      TestClient client =
          TestClient.open(chat.uri(), Optional.of(cookie), Optional.empty(), true).join();
      assertThat(client.await(ofType("hello")).path("protocol").asText())
          .isEqualTo("chatterlink.v1");
      client.close();

      assertThat(
              HandshakeProbe.send(chat.uri().getPort(), "/ws", Map.of("Cookie", cookie)).status())
          .isEqualTo(404);
    }
  }

  @Test
  void theDefaultPathIsWs() {
    assertThat(WebSocketTransport.create(TransportSettings.defaults()).path()).isEqualTo("/ws");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "/", "ws", "/ws/", "/ws?x=1", "/{room}", "/a//b", "/./ws", "/../ws", "/w s"})
  void aMalformedPathIsRefusedAtOnce(String path) {
    WebSocketTransport.Builder builder = WebSocketTransport.builder(TransportSettings.defaults());
    assertThatThrownBy(() -> builder.path(path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WebSocket path");
  }

  @Test
  void aPathOverTheLimitIsRefused() {
    WebSocketTransport.Builder builder = WebSocketTransport.builder(TransportSettings.defaults());
    String longest = "/" + "a".repeat(WebSocketTransport.MAX_PATH_LENGTH - 1);
    assertThat(builder.path(longest).build().path()).isEqualTo(longest);
    assertThatThrownBy(() -> builder.path(longest + "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
