package io.chatterlink.transport.websocket.internal.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.transport.websocket.HandshakeRefusal;
import io.chatterlink.transport.websocket.TransportSettings;
import io.chatterlink.transport.websocket.WebSocketTransport;
import io.chatterlink.transport.websocket.internal.handshake.HandshakeConfigurator;
import io.chatterlink.transport.websocket.internal.protocol.CloseCodes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * In a container that cannot refuse before the upgrade (Jetty and other non-Tyrus containers), the
 * refusal recorded at the handshake closes the socket with that cause's own close code, so that a
 * client can tell "log in again" from "try again later".
 */
class RefusalAfterUpgradeTest {

  @ParameterizedTest
  @EnumSource(HandshakeRefusal.class)
  void aRefusedHandshakeClosesWithItsCausesOwnCode(HandshakeRefusal refusal)
      throws InstantiationException {
    WebSocketTransport transport = WebSocketTransport.create(TransportSettings.defaults());
    try {
      Map<String, Object> properties = new HashMap<>();
      properties.put(HandshakeConfigurator.REFUSAL, refusal);
      List<CloseReason> closes = new CopyOnWriteArrayList<>();

      endpoint(transport).onOpen(session(closes), config(properties));

      assertThat(closes).hasSize(1);
      assertThat(closes.get(0).getCloseCode().getCode()).isEqualTo(refusal.closeCode());
    } finally {
      transport.shutdown(java.time.Duration.ZERO);
    }
  }

  @Test
  void everyCauseHasItsOwnCloseCodeAndOnlyNotAuthenticatedSaysLogIn() {
    Map<Integer, List<HandshakeRefusal>> byCode =
        Arrays.stream(HandshakeRefusal.values())
            .collect(Collectors.groupingBy(HandshakeRefusal::closeCode));
    assertThat(byCode.values()).allSatisfy(causes -> assertThat(causes).hasSize(1));
    assertThat(byCode.get(CloseCodes.SESSION_ENDED.getCloseCode().getCode()))
        .containsExactly(HandshakeRefusal.NOT_AUTHENTICATED);
    assertThat(HandshakeRefusal.UNAVAILABLE.closeCode()).isNotEqualTo(4401);
  }

  private static ChatEndpoint endpoint(WebSocketTransport transport) throws InstantiationException {
    return transport.endpointConfig().getConfigurator().getEndpointInstance(ChatEndpoint.class);
  }

  private static EndpointConfig config(Map<String, Object> properties) {
    return (EndpointConfig)
        Proxy.newProxyInstance(
            EndpointConfig.class.getClassLoader(),
            new Class<?>[] {EndpointConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getUserProperties")) {
                return properties;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static Session session(List<CloseReason> closes) {
    return (Session)
        Proxy.newProxyInstance(
            Session.class.getClassLoader(),
            new Class<?>[] {Session.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && args != null && args.length == 1) {
                closes.add((CloseReason) args[0]);
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
