package io.chatterlink.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.RoomId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Arguments the in-memory stores refuse, as a database-backed store would. */
class InMemoryArgumentsTest {
  private final InMemoryAdapters adapters = InMemoryAdapters.create();
  private final RoomId room = new RoomId("room-1");

  @Test
  void aLimitBelowOneIsRefusedByEveryStoreThatTakesOne() {
    assertThatThrownBy(() -> adapters.users().searchByPrefix("a", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> adapters.rooms().listPublic(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> adapters.messages().entriesAfter(room, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> adapters.messages().bodiesAfter(Optional.empty(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMalformedReencryptionCursorIsInvalidInput() {
    for (String cursor : List.of("", "no-colon", ":5", "room-1:x", "room-1:-1", "bad room:1")) {
      assertThatThrownBy(() -> adapters.messages().bodiesAfter(Optional.of(cursor), 10))
          .as(cursor)
          .isInstanceOf(InvalidInputException.class);
    }
  }
}
