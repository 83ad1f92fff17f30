package com.example.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's users, holding its bearer tokens, talk over ChatterLink's protocol on Jetty;
 * Jetty upgrades before the transport can refuse, so refusals are close codes (docs/protocol.md).
 */
class JettyChatServerTest {
  @TempDir static Path data;
  private static final AppTokens tokens = new AppTokens();
  private static JettyChatServer server;
  private static UserView alice;
  private static UserView bob;
  private static RoomId room;

  /** One server for the class: registering hashes each password with Argon2id, on purpose slow. */
  @BeforeAll
  static void start() throws Exception {
    server = JettyChatServer.start(data, tokens, "127.0.0.1", 0);
    alice =
        server.core().accounts().register(new RegisterUser("alice", "secret-1", Optional.empty()));
    bob = server.core().accounts().register(new RegisterUser("bob", "secret-2", Optional.empty()));
    room =
        server
            .core()
            .rooms()
            .createRoom(new CreateRoom(alice.id(), "general", RoomKind.PUBLIC))
            .id();
    server.core().rooms().joinRoom(bob.id(), room);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aMessageSentByOneUserReachesTheOtherAfterItsAck() throws Exception {
    try (Socket alices =
            Socket.open(server.port(), Optional.of(tokens.issue(alice.id()).secret()));
        Socket bobs = Socket.open(server.port(), Optional.of(tokens.issue(bob.id()).secret()))) {
      alices.await(frame -> frame.contains("\"type\":\"hello\""));
      bobs.await(frame -> frame.contains("\"type\":\"hello\""));
      bobs.send(
          "{\"id\":\"1\",\"type\":\"subscribe\",\"room\":\"" + room.value() + "\",\"afterSeq\":0}");
      bobs.await(frame -> frame.contains("\"id\":\"1\"") && frame.contains("\"code\":200"));

      alices.send(
          "{\"id\":\"2\",\"type\":\"send\",\"room\":\""
              + room.value()
              + "\",\"clientMessageId\":\"c-1\",\"text\":\"Hello over Jetty\"}");

      assertThat(alices.await(frame -> frame.contains("\"id\":\"2\""))).contains("\"code\":200");
      assertThat(bobs.await(frame -> frame.contains("\"type\":\"message\"")))
          .contains("Hello over Jetty");
    }
  }

  @Test
  void anUpgradeWithoutAValidTokenIsClosedWith4401BeforeHello() throws Exception {
    try (Socket anonymous = Socket.open(server.port(), Optional.empty());
        Socket forged = Socket.open(server.port(), Optional.of("not-a-token"))) {
      assertThat(anonymous.awaitClose()).isEqualTo(4401);
      assertThat(forged.awaitClose()).isEqualTo(4401);
      assertThat(anonymous.received()).noneMatch(frame -> frame.contains("\"hello\""));
    }
  }

  @Test
  void revokingTheApplicationsTokenClosesItsSocketWith4401() throws Exception {
    AppTokens.Issued token = tokens.issue(alice.id());
    try (Socket alices = Socket.open(server.port(), Optional.of(token.secret()))) {
      alices.await(frame -> frame.contains("\"type\":\"hello\""));

      tokens.revoke(token);

      assertThat(alices.awaitClose()).isEqualTo(4401);
    }
  }
}
