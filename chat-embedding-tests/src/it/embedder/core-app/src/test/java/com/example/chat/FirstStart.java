package com.example.chat;

import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.core.port.out.Delivery;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The application's first start, run by {@link QuietFirstStartTest} in a JVM of its own. */
final class FirstStart {
  private FirstStart() {}

  public static void main(String[] args) {
    try (SqliteChat chat = SqliteChat.open(Path.of(args[0]), Delivery.none())) {
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
  }
}
