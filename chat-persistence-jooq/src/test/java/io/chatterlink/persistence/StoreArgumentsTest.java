package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.RoomId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments the stores refuse, exactly as the in-memory stores do. */
class StoreArgumentsTest {
  @TempDir Path folder;
  private JooqStorage storage;
  private final RoomId room = new RoomId("room-1");

  @BeforeEach
  void open() {
    storage = JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + folder.resolve("chat.db")));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void aMalformedReencryptionCursorIsInvalidInput() {
    for (String cursor :
        List.of("", ":5", "room-1:x", "log:room-1:1", "msg:m-1", "bad id", "x".repeat(65))) {
      assertThatThrownBy(() -> storage.messages().bodiesAfter(Optional.of(cursor), 10))
          .as(cursor)
          .isInstanceOf(InvalidInputException.class);
    }
  }
}
