package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body is stored once (in {@code messages}), so history and resync can never disagree about it: a
 * body tampered with in the database reads as unreadable in both, and the messages beside it read
 * normally in both.
 */
class OneBodyCopyTest {
  @TempDir Path folder;

  @Test
  void aTamperedBodyReadsTheSameUnreadableWayInHistoryAndInResyncOnSqlite() throws SQLException {
    String url = "jdbc:sqlite:" + folder.resolve("chat.db");
    tamperedBodyReadsTheSameInHistoryAndResync(url, () -> DriverManager.getConnection(url));
  }

  @Test
  void aTamperedBodyReadsTheSameUnreadableWayInHistoryAndInResyncOnPostgres() throws SQLException {
    String url = EmbeddedPostgresServer.freshDatabaseUrl();
    URI uri = URI.create(url);
    String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    tamperedBodyReadsTheSameInHistoryAndResync(
        url, () -> DriverManager.getConnection(jdbc, "postgres", ""));
  }

  private interface RawConnection {
    Connection open() throws SQLException;
  }

  private static void tamperedBodyReadsTheSameInHistoryAndResync(String url, RawConnection raw)
      throws SQLException {
    try (JooqStorage storage = JooqStorage.open(StorageSettings.of(url))) {
      ChatCore core = coreOn(storage);
      UserId alice =
          core.accounts()
              .register(new RegisterUser("alice", "correct horse", Optional.empty()))
              .id();
      RoomId room = core.rooms().createRoom(new CreateRoom(alice, "Lobby", RoomKind.PUBLIC)).id();
      MessageView before = send(core, alice, room, "1", "before");
      MessageView tampered = send(core, alice, room, "2", "to be tampered with");
      MessageView after = send(core, alice, room, "3", "after");
      try (Connection c = raw.open();
          PreparedStatement update =
              c.prepareStatement("UPDATE messages SET body = ? WHERE id = ?")) {
        update.setString(1, "test-only:v1:dGFtcGVyZWQ:0000000000000000");
        update.setString(2, tampered.id().value());
        assertThat(update.executeUpdate()).isEqualTo(1);
      }

      List<MessageView> history =
          core.history().page(alice, room, PageRequest.latest(10)).messages();
      List<MessageView> resync =
          core.history().resync(alice, room, 0, 10).events().stream()
              .map(e -> ((MessagePosted) e).message())
              .toList();

      assertThat(resync).isEqualTo(history);
      assertThat(history).extracting(MessageView::unreadable).containsExactly(false, true, false);
      assertThat(history.get(0).text()).isEqualTo(before.text());
      assertThat(history.get(2).text()).isEqualTo(after.text());
    }
  }

  private static MessageView send(
      ChatCore core, UserId actor, RoomId room, String clientId, String text) {
    return core.messages()
        .send(
            new SendMessage(
                actor, room, new ClientMessageId(clientId), text, List.of(), Optional.empty()))
        .message();
  }

  private static ChatCore coreOn(JooqStorage storage) {
    return InMemoryAdapters.create()
        .coreBuilderWithTestOnlyCrypto()
        .storage(storage)
        .clock(Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC))
        .build();
  }
}
