package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.Username;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One character rule for usernames, room names and display names. */
class NameCharactersTest {
  private final CoreFixture f = new CoreFixture();
  private final UserId owner = f.register("owner");

  /**
   * RIGHT-TO-LEFT OVERRIDE, LEFT-TO-RIGHT ISOLATE, LEFT-TO-RIGHT MARK, ZERO WIDTH JOINER (the ones
   * the report found), then ARABIC LETTER MARK, POP DIRECTIONAL ISOLATE, ZERO WIDTH NON-JOINER,
   * BYTE ORDER MARK, LINE SEPARATOR, PARAGRAPH SEPARATOR, BELL, DELETE and a private-use character.
   */
  @ParameterizedTest
  @ValueSource(
      ints = {
        0x202E, 0x2066, 0x200E, 0x200D, 0x061C, 0x2069, 0x200C, 0xFEFF, 0x2028, 0x2029, 0x07, 0x7F,
        0xE000
      })
  void everyNameFieldRefusesTheCharacter(int codePoint) {
    String name = "ab" + Character.toString(codePoint) + "cd";
    RoomId room = f.publicRoom(owner, "lobby");

    assertThatThrownBy(() -> Username.of(name)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> f.core.rooms().createRoom(new CreateRoom(owner, name, RoomKind.PUBLIC)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("room name");
    assertThatThrownBy(() -> f.core.rooms().rename(owner, room, name))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("room name");
    assertThatThrownBy(
            () ->
                f.core
                    .accounts()
                    .register(new RegisterUser("dora", "plum tree at dusk", Optional.of(name))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("display name");
    assertThat(f.core.rooms().room(owner, room).name()).isEqualTo("lobby");
  }

  @Test
  void roomAndDisplayNamesKeepSpacesBetweenWordsAndLoseThemAtTheEnds() {
    String room =
        f.core
            .rooms()
            .createRoom(new CreateRoom(owner, "  Book club\u00A0night ", RoomKind.PUBLIC))
            .name();
    String display =
        f.core
            .accounts()
            .register(
                new RegisterUser("dora", "plum tree at dusk", Optional.of(" Dora  Explorer ")))
            .displayName();

    assertThat(room).isEqualTo("Book club\u00A0night");
    assertThat(display).isEqualTo("Dora  Explorer");
  }

  @Test
  void usernamesStillRefuseSpaces() {
    assertThatThrownBy(() -> Username.of("dora explorer"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void emojiAndScriptsOtherThanLatinAreWelcomeInNames() {
    String name = "Café ☕ Ελληνικά 日本 مرحبا";

    assertThat(f.core.rooms().createRoom(new CreateRoom(owner, name, RoomKind.PUBLIC)).name())
        .isEqualTo(name);
  }

  @Test
  void aRoomStoredUnderTheOlderRuleStillLoads() {
    Room stored =
        new Room(
            new RoomId("r-old"),
            RoomKind.PUBLIC,
            "old\u200Ename",
            Optional.empty(),
            Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(stored.name()).isEqualTo("old\u200Ename");
  }
}
