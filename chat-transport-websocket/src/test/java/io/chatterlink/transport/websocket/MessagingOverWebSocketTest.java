package io.chatterlink.transport.websocket;

import static io.chatterlink.transport.websocket.TestClient.logEntriesOf;
import static io.chatterlink.transport.websocket.TestClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sending, receiving, resync and dedupe through real sockets, on both hostings. */
class MessagingOverWebSocketTest {

  static String send(String room, String clientMessageId, String text) {
    return "{\"type\":\"send\",\"room\":\""
        + room
        + "\",\"clientMessageId\":\""
        + clientMessageId
        + "\",\"text\":\""
        + text
        + "\"}";
  }

  static String subscribe(String room, long afterSeq) {
    return "{\"type\":\"subscribe\",\"room\":\"" + room + "\",\"afterSeq\":" + afterSeq + "}";
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aRoomMessageReachesEveryConnectionOfEveryMemberAndNobodyElse(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      LoginResult bob = chat.user("bob");
      LoginResult bobOtherTab = chat.logInAgain("bob");
      LoginResult carol = chat.user("carol");
      LoginResult dave = chat.user("dave");
      String room = chat.publicRoom(alice, "general").id().value();
      chat.core.rooms().joinRoom(bob.user().id(), chat.publicRoom(alice, "x").id());
      chat.core.rooms().joinRoom(bob.user().id(), new io.chatterlink.core.model.RoomId(room));
      chat.core.rooms().joinRoom(carol.user().id(), new io.chatterlink.core.model.RoomId(room));
      List<TestClient> members =
          List.of(
              chat.connect(alice),
              chat.connect(bob),
              chat.connect(bobOtherTab),
              chat.connect(carol));
      TestClient outsider = chat.connect(dave);
      for (TestClient member : members) {
        assertThat(member.request(subscribe(room, 0)).path("code").asInt()).isEqualTo(200);
      }

      TestClient sender = members.get(0);
      for (int i = 1; i <= 5; i++) {
        JsonNode ack = sender.request(send(room, "c-" + i, "hello " + i));
        assertThat(ack.path("code").asInt()).isEqualTo(200);
        assertThat(ack.path("data").path("seq").asLong()).isEqualTo(i);
        assertThat(ack.path("data").path("duplicate").asBoolean()).isFalse();
      }

      for (TestClient member : members) {
        List<JsonNode> got = member.awaitCount(ofType("message"), 5);
        assertThat(got)
            .extracting(f -> f.path("message").path("text").asText())
            .containsExactly("hello 1", "hello 2", "hello 3", "hello 4", "hello 5");
        assertThat(got.get(0).path("message").path("sender").asText())
            .isEqualTo(alice.user().id().value());
      }
      assertThat(outsider.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
      assertThat(outsider.matching(logEntriesOf(room))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aDirectMessageReachesOnlyThePeopleInTheConversation(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      LoginResult bob = chat.user("bob");
      LoginResult carol = chat.user("carol");
      RoomSummary direct = chat.core.rooms().openDirect(alice.user().id(), Set.of(bob.user().id()));
      String room = direct.id().value();
      TestClient a = chat.connect(alice);
      TestClient b = chat.connect(bob);
      TestClient c = chat.connect(carol);
      a.request(subscribe(room, 0));
      b.request(subscribe(room, 0));
      assertThat(c.request(subscribe(room, 0)).path("code").asInt()).isEqualTo(404);

      a.request(send(room, "dm-1", "psst"));

      assertThat(b.await(ofType("message")).path("message").path("text").asText())
          .isEqualTo("psst");
      assertThat(c.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
      assertThat(c.matching(ofType("message"))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aClientResumingFromItsLastSeqGetsExactlyWhatItMissedWhileOthersKeepSending(Hosting hosting)
      throws Exception {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      LoginResult bob = chat.user("bob");
      String room = chat.publicRoom(alice, "general").id().value();
      chat.core.rooms().joinRoom(bob.user().id(), new io.chatterlink.core.model.RoomId(room));
      TestClient a = chat.connect(alice);
      TestClient b = chat.connect(bob);
      b.request(subscribe(room, 0));
      String first = a.request(send(room, "m1", "one")).path("data").path("messageId").asText();
      String second = a.request(send(room, "m2", "two")).path("data").path("messageId").asText();
      List<JsonNode> seen = b.awaitCount(logEntriesOf(room), 2);
      long lastSeq = seen.get(1).path("seq").asLong();
      b.close();

      a.request(send(room, "m3", "three"));
      a.request("{\"type\":\"edit\",\"messageId\":\"" + first + "\",\"text\":\"one, edited\"}");
      a.request("{\"type\":\"delete\",\"messageId\":\"" + second + "\"}");
      Thread sender =
          new Thread(
              () -> {
                for (int i = 4; i <= 60; i++) {
                  a.request(send(room, "m" + i, "n" + i));
                }
              });
      sender.start();
      TestClient back = chat.connect(bob);
      assertThat(back.request(subscribe(room, lastSeq)).path("code").asInt()).isEqualTo(200);
      sender.join();

      long end =
          chat.core
              .rooms()
              .room(alice.user().id(), new io.chatterlink.core.model.RoomId(room))
              .lastSeq();
      List<JsonNode> replayed = back.awaitCount(logEntriesOf(room), (int) (end - lastSeq));
      assertThat(replayed)
          .extracting(f -> f.path("seq").asLong())
          .containsExactlyElementsOf(
              LongStream.rangeClosed(lastSeq + 1, end).boxed().collect(Collectors.toList()));
      assertThat(replayed).extracting(f -> f.path("type").asText()).contains("edit", "delete");
      JsonNode edit = replayed.stream().filter(ofType("edit")).findFirst().orElseThrow();
      assertThat(edit.path("message").path("text").asText()).isEqualTo("one, edited");
      assertThat(back.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
      assertThat(back.matching(logEntriesOf(room))).hasSize((int) (end - lastSeq));
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void resendingWithTheSameClientMessageIdGetsTheSameAckAndStoresNothingNew(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      String room = chat.publicRoom(alice, "general").id().value();
      TestClient a = chat.connect(alice);

      JsonNode first = a.request(send(room, "same-id", "hello")).path("data");
      a.close();
      TestClient again = chat.connect(alice);
      JsonNode second = again.request(send(room, "same-id", "hello")).path("data");

      assertThat(second.path("messageId")).isEqualTo(first.path("messageId"));
      assertThat(second.path("seq")).isEqualTo(first.path("seq"));
      assertThat(second.path("sentAt")).isEqualTo(first.path("sentAt"));
      assertThat(second.path("duplicate").asBoolean()).isTrue();
      assertThat(
              chat.core
                  .history()
                  .page(
                      alice.user().id(),
                      new io.chatterlink.core.model.RoomId(room),
                      PageRequest.latest(10))
                  .messages())
          .hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aClientMessageIdReusedForAnotherRoomIsRefusedWith409AndNeverAckedAsTheFirst(
      Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      String general = chat.publicRoom(alice, "general").id().value();
      String random = chat.publicRoom(alice, "random").id().value();
      TestClient a = chat.connect(alice);

      JsonNode first = a.request(send(general, "reused-id", "hello general"));
      JsonNode second = a.request(send(random, "reused-id", "hello random"));
      JsonNode resent = a.request(send(general, "reused-id", "hello general"));

      assertThat(first.path("code").asInt()).isEqualTo(200);
      assertThat(second.path("code").asInt()).isEqualTo(409);
      assertThat(second.path("error").asText()).isEqualTo("conflict");
      assertThat(second.path("data").path("messageId").isMissingNode()).isTrue();
      assertThat(resent.path("code").asInt()).isEqualTo(200);
      assertThat(resent.path("data").path("duplicate").asBoolean()).isTrue();
      assertThat(resent.path("data").path("messageId"))
          .isEqualTo(first.path("data").path("messageId"));
      assertThat(
              chat.core
                  .history()
                  .page(
                      alice.user().id(),
                      new io.chatterlink.core.model.RoomId(random),
                      PageRequest.latest(10))
                  .messages())
          .isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void historyTypingReadMarkersAndPresenceAreServed(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      LoginResult aliceOtherTab = chat.logInAgain("alice");
      LoginResult bob = chat.user("bob");
      String room = chat.publicRoom(alice, "general").id().value();
      chat.core.rooms().joinRoom(bob.user().id(), new io.chatterlink.core.model.RoomId(room));
      TestClient a = chat.connect(alice);
      TestClient a2 = chat.connect(aliceOtherTab);
      TestClient b = chat.connect(bob);
      for (int i = 1; i <= 3; i++) {
        b.request(send(room, "h" + i, "msg " + i));
      }

      JsonNode page =
          a.request(
              "{\"type\":\"history\",\"room\":\""
                  + room
                  + "\",\"direction\":\"before\",\"seq\":3,\"limit\":1}");
      assertThat(page.path("data").path("messages")).hasSize(1);
      assertThat(page.path("data").path("messages").get(0).path("seq").asLong()).isEqualTo(2);
      assertThat(page.path("data").path("hasMore").asBoolean()).isTrue();

      b.request("{\"type\":\"typing\",\"room\":\"" + room + "\",\"typing\":true}");
      JsonNode typing = a.await(ofType("typing"));
      assertThat(typing.path("user").asText()).isEqualTo(bob.user().id().value());

      a.request("{\"type\":\"read\",\"room\":\"" + room + "\",\"seq\":3}");
      assertThat(a2.await(ofType("read")).path("seq").asLong()).isEqualTo(3);

      JsonNode presence = a.request("{\"type\":\"presence.query\",\"room\":\"" + room + "\"}");
      assertThat(presence.path("data").path("presence"))
          .extracting(p -> p.path("status").asText())
          .containsOnly("online");
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void anInviteeLearnsOfTheNewRoomAtOnceAndCanCatchUpOnIt(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      LoginResult bob = chat.user("bob");
      TestClient b = chat.connect(bob);
      RoomSummary room =
          chat.core
              .rooms()
              .createRoom(
                  new io.chatterlink.core.port.in.ManageRooms.CreateRoom(
                      alice.user().id(), "plans", io.chatterlink.core.model.RoomKind.PRIVATE));
      TestClient a = chat.connect(alice);
      a.request(send(room.id().value(), "p1", "before you came"));

      chat.core.rooms().invite(alice.user().id(), room.id(), bob.user().id());

      JsonNode joined = b.await(ofType("member.joined"));
      assertThat(joined.path("room").path("id").asText()).isEqualTo(room.id().value());
      assertThat(joined.path("room").path("kind").asText()).isEqualTo("private");
      assertThat(joined.path("member").path("user").path("id").asText())
          .isEqualTo(bob.user().id().value());
      assertThat(b.request(subscribe(room.id().value(), 0)).path("data").path("seq").asLong())
          .isEqualTo(1);
      assertThat(b.await(ofType("message")).path("message").path("text").asText())
          .isEqualTo("before you came");

      chat.core.rooms().rename(alice.user().id(), room.id(), "plans-2");
      assertThat(b.await(ofType("room.changed")).path("name").asText()).isEqualTo("plans-2");
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aNewPublicRoomIsPushedToEveryoneConnectedAsRoomCreated(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      LoginResult bob = chat.user("bob");
      TestClient b = chat.connect(bob);

      RoomSummary room = chat.publicRoom(alice, "town square");

      JsonNode created = b.await(ofType("room.created"));
      assertThat(created.path("room").path("id").asText()).isEqualTo(room.id().value());
      assertThat(created.path("room").path("name").asText()).isEqualTo("town square");
      assertThat(created.path("room").path("kind").asText()).isEqualTo("public");
      assertThat(created.path("room").path("role").isNull()).isTrue();
      assertThat(created.path("room").path("memberCount").asInt()).isEqualTo(1);
    }
  }
}
