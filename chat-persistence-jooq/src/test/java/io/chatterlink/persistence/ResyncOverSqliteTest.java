package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.FetchHistory.ResyncBatch;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's resync over the real store, which clips a read of the log to one resync batch: a
 * backlog longer than one batch must say so ({@code hasMore}) so that the WebSocket subscribe, the
 * export and any embedder go on reading, instead of stopping after the first batch.
 */
class ResyncOverSqliteTest {
  @TempDir Path folder;

  @Test
  void aBacklogOneEntryLongerThanABatchIsReadInTwoBatches() {
    try (JooqStorage storage =
        JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + folder.resolve("chat.db")))) {
      ChatCore core =
          InMemoryAdapters.create()
              .coreBuilderWithTestOnlyCrypto()
              .storage(storage)
              .clock(Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC))
              .build();
      UserId alice =
          core.accounts()
              .register(new RegisterUser("alice", "correct horse", Optional.empty()))
              .id();
      RoomId room = core.rooms().createRoom(new CreateRoom(alice, "Lobby", RoomKind.PUBLIC)).id();
      int backlog = Limits.MAX_RESYNC_BATCH + 1;
      for (int i = 1; i <= backlog; i++) {
        core.messages()
            .send(
                new SendMessage(
                    alice,
                    room,
                    new ClientMessageId("c" + i),
                    "n" + i,
                    List.of(),
                    Optional.empty()));
      }

      ResyncBatch first = core.history().resync(alice, room, 0, Limits.MAX_RESYNC_BATCH);
      ResyncBatch second =
          core.history().resync(alice, room, first.lastSeq(), Limits.MAX_RESYNC_BATCH);

      assertThat(first.events()).hasSize(Limits.MAX_RESYNC_BATCH);
      assertThat(first.hasMore()).isTrue();
      assertThat(second.events()).hasSize(1);
      assertThat(second.lastSeq()).isEqualTo(backlog);
      assertThat(second.hasMore()).isFalse();
    }
  }
}
