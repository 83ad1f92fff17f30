package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Caps on sockets per user and per client address, and the request budget per user. */
class ConnectionCapsOverWebSocketTest {

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aUserAtTheCapIsRefusedWith429UntilOneOfTheirSocketsCloses(Hosting hosting) {
    TransportSettings settings = TransportSettings.defaults().withConnectionCaps(3, 100);
    try (ChatFixture chat = new ChatFixture(hosting, settings)) {
      LoginResult alice = chat.user("alice");
      LoginResult bob = chat.user("bob");
      List<TestClient> open = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        open.add(chat.connect(alice));
      }

      try (RawWebSocket fourth = upgrade(chat, alice, Map.of())) {
        assertThat(fourth.status()).isEqualTo(429);
      }
      try (RawWebSocket bobs = upgrade(chat, bob, Map.of())) {
        assertThat(bobs.status()).as("another user is not counted").isEqualTo(101);
      }
      open.get(0).close();
      ChatFixture.eventually(() -> chat.transport.openConnections(alice.user().id()) == 2);

      assertThat(chat.connect(alice).request("{\"type\":\"ping\"}").path("code").asInt())
          .isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void helloAdvertisesTheCaps(Hosting hosting) {
    TransportSettings settings = TransportSettings.defaults().withConnectionCaps(3, 7);
    try (ChatFixture chat = new ChatFixture(hosting, settings)) {
      TestClient client = chat.connect(chat.user("alice"));

      var limits = client.await(TestClient.ofType("hello")).path("limits");
      assertThat(limits.path("maxConnectionsPerUser").asInt()).isEqualTo(3);
      assertThat(limits.path("maxConnectionsPerAddress").asInt()).isEqualTo(7);
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void anAddressAtTheCapIsRefusedWith429WhateverTheUser(Hosting hosting) {
    TransportSettings settings = TransportSettings.defaults().withConnectionCaps(100, 3);
    try (ChatFixture chat = new ChatFixture(hosting, settings)) {
      for (String name : List.of("u1", "u2", "u3")) {
        chat.connect(chat.user(name));
      }

      try (RawWebSocket fourth = upgrade(chat, chat.user("u4"), Map.of())) {
        assertThat(fourth.status()).isEqualTo(429);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void behindATrustedProxyTheAddressIsTheLastForwardedEntry(Hosting hosting) {
    TransportSettings settings =
        TransportSettings.defaults().withConnectionCaps(100, 1).withTrustProxyHeaders(true);
    try (ChatFixture chat = new ChatFixture(hosting, settings)) {
      LoginResult alice = chat.user("alice");
      try (RawWebSocket first = upgrade(chat, alice, forwardedFor("10.0.0.1"));
          RawWebSocket second = upgrade(chat, alice, forwardedFor("10.0.0.2"));
          RawWebSocket forged = upgrade(chat, alice, forwardedFor("10.0.0.9, 10.0.0.1"))) {
        assertThat(first.status()).isEqualTo(101);
        assertThat(second.status()).isEqualTo(101);
        assertThat(forged.status())
            .as("only the entry the proxy added counts; the client's own are ignored")
            .isEqualTo(429);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void withoutTrustedProxyHeadersForwardedAddressesAreIgnored(Hosting hosting) {
    TransportSettings settings = TransportSettings.defaults().withConnectionCaps(100, 1);
    try (ChatFixture chat = new ChatFixture(hosting, settings)) {
      LoginResult alice = chat.user("alice");
      try (RawWebSocket first = upgrade(chat, alice, forwardedFor("10.0.0.1"));
          RawWebSocket second = upgrade(chat, alice, forwardedFor("10.0.0.2"))) {
        assertThat(first.status()).isEqualTo(101);
        assertThat(second.status()).isEqualTo(429);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void theRequestBudgetIsSharedByAllSocketsOfAUser(Hosting hosting) {
    TransportSettings settings = TransportSettings.defaults().withRequestRate(1, 3, 1000);
    try (ChatFixture chat = new ChatFixture(hosting, settings)) {
      LoginResult alice = chat.user("alice");
      TestClient first = chat.connect(alice);
      TestClient second = chat.connect(alice);
      TestClient bobs = chat.connect(chat.user("bob"));

      for (int i = 0; i < 3; i++) {
        assertThat(first.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
      }

      assertThat(second.request("{\"type\":\"ping\"}").path("code").asInt())
          .as("the burst was spent on the first socket")
          .isEqualTo(429);
      assertThat(bobs.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
    }
  }

  private static RawWebSocket upgrade(
      ChatFixture chat, LoginResult who, Map<String, String> headers) {
    return RawWebSocket.open(chat, Optional.of(ChatFixture.cookie(who)), headers);
  }

  private static Map<String, String> forwardedFor(String value) {
    return Map.of("X-Forwarded-For", value);
  }
}
