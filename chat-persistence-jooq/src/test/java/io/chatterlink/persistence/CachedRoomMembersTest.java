package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.User;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every membership write of {@link JooqRoomStore} reaches its cached member lists: after each one,
 * the store's answer, read twice (so the second time from the cache), is what the database holds,
 * and so is each member's {@code membership}, which is answered from the cached list.
 */
class CachedRoomMembersTest {
  @TempDir Path folder;
  private JooqStorage storage;
  private StorageFixtures fixtures;
  private RoomStore rooms;
  private User alice;
  private User bob;

  @BeforeEach
  void openStorage() {
    storage = JooqStorage.open(StorageSettings.of(url()));
    fixtures = new StorageFixtures(storage);
    rooms = storage.rooms();
    alice = fixtures.user("alice");
    bob = fixtures.user("bob");
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void aRoomReadBeforeItExistedShowsTheMembersItWasCreatedWith() throws SQLException {
    RoomId id = fixtures.newRoomId();
    assertThat(rooms.members(id)).isEmpty();

    rooms.insert(
        new Room(id, RoomKind.PUBLIC, "general", Optional.empty(), StorageFixtures.T0),
        List.of(StorageFixtures.membership(id, alice, Role.OWNER)));

    assertMembersAsStored(id);
    assertThat(rooms.members(id)).hasSize(1);
  }

  @Test
  void joiningAndLeavingShowAtOnce() throws SQLException {
    RoomId id = fixtures.publicRoom("general", alice).id();
    assertMembersAsStored(id);

    assertThat(rooms.addMember(StorageFixtures.membership(id, bob, Role.MEMBER))).isTrue();
    assertMembersAsStored(id);
    assertThat(rooms.members(id)).hasSize(2);

    assertThat(rooms.removeMember(id, alice.id())).isTrue();
    assertMembersAsStored(id);
    assertThat(rooms.members(id)).extracting(Membership::userId).containsExactly(bob.id());
    assertThat(rooms.membership(id, alice.id())).isEmpty();
  }

  @Test
  void aMembershipReadBeforeItsRoomIsCachedComesFromTheDatabase() throws SQLException {
    RoomId id = fixtures.publicRoom("general", alice).id();

    assertThat(rooms.membership(id, alice.id())).map(Membership::role).contains(Role.OWNER);
    assertThat(rooms.membership(id, bob.id())).isEmpty();
    assertMembersAsStored(id);
  }

  @Test
  void aMovedReadMarkerShowsAndOneThatCouldNotMoveChangesNothing() throws SQLException {
    RoomId id = fixtures.publicRoom("general", alice, bob).id();
    assertMembersAsStored(id);

    assertThat(rooms.advanceReadMarker(id, bob.id(), 7)).isTrue();
    assertMembersAsStored(id);
    assertThat(rooms.advanceReadMarker(id, bob.id(), 3)).isFalse();
    assertMembersAsStored(id);

    assertThat(rooms.members(id)).extracting(Membership::lastReadSeq).containsExactly(0L, 7L);
  }

  private void assertMembersAsStored(RoomId id) throws SQLException {
    List<Membership> first = rooms.members(id);
    List<Membership> cached = rooms.members(id);
    assertThat(cached).isEqualTo(first);
    assertThat(
            cached.stream().map(m -> m.userId().value() + " " + m.role() + " " + m.lastReadSeq()))
        .containsExactlyElementsOf(stored(id));
    for (User user : List.of(alice, bob)) {
      assertThat(rooms.membership(id, user.id()))
          .isEqualTo(cached.stream().filter(m -> m.userId().equals(user.id())).findFirst());
    }
  }

  /** The room's memberships as the database holds them, in joining order. */
  private List<String> stored(RoomId id) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url());
        PreparedStatement select =
            c.prepareStatement(
                "select user_id, role, last_read_seq from memberships where room_id = ?"
                    + " order by join_order")) {
      select.setString(1, id.value());
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getLong(3));
        }
      }
    }
    return rows;
  }

  private String url() {
    return "jdbc:sqlite:" + folder.resolve("chat.db");
  }
}
