package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.UnreadableStoreException;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.core.port.out.Delivery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite chat keeps its messages, encrypted, across restarts, and only with its key. */
class SqliteChatTest {
  @TempDir Path data;

  @Test
  void messagesSurviveARestartAndAreStoredEncrypted() throws Exception {
    RoomId room;
    UserView alice;
    try (SqliteChat chat = SqliteChat.open(data, Delivery.none())) {
      assertThat(chat.keyCreated()).isTrue();
      alice =
          chat.core().accounts().register(new RegisterUser("alice", "secret-1", Optional.empty()));
      room =
          chat.core()
              .rooms()
              .createRoom(new CreateRoom(alice.id(), "general", RoomKind.PUBLIC))
              .id();
      chat.core()
          .messages()
          .send(
              new SendMessage(
                  alice.id(),
                  room,
                  new ClientMessageId("a-1"),
                  "a canary in plain text",
                  List.of(),
                  Optional.empty()));
    }
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("fernet.key"))))
        .isEqualTo("rw-------");
    assertThat(new String(Files.readAllBytes(data.resolve("chat.db")), "ISO-8859-1"))
        .doesNotContain("a canary in plain text");

    try (SqliteChat chat = SqliteChat.open(data, Delivery.none())) {
      assertThat(chat.keyCreated()).isFalse();
      assertThat(chat.core().history().page(alice.id(), room, PageRequest.latest(10)).messages())
          .extracting(MessageView::text)
          .containsExactly("a canary in plain text");
    }
  }

  @Test
  void aDatabaseWhoseKeyIsLostRefusesToOpen() throws Exception {
    try (SqliteChat chat = SqliteChat.open(data, Delivery.none())) {
      UserView alice =
          chat.core().accounts().register(new RegisterUser("alice", "secret-1", Optional.empty()));
      RoomId room =
          chat.core()
              .rooms()
              .createRoom(new CreateRoom(alice.id(), "general", RoomKind.PUBLIC))
              .id();
      chat.core()
          .messages()
          .send(
              new SendMessage(
                  alice.id(),
                  room,
                  new ClientMessageId("a-1"),
                  "hello",
                  List.of(),
                  Optional.empty()));
    }
    Files.delete(data.resolve("fernet.key"));

    assertThatThrownBy(() -> SqliteChat.open(data, Delivery.none()))
        .isInstanceOf(UnreadableStoreException.class)
        .hasMessageContaining("fernet.key");
  }
}
