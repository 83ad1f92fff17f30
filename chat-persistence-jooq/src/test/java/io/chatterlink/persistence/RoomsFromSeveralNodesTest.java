package io.chatterlink.persistence;

import static io.chatterlink.testkit.contract.StorageFixtures.membership;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.User;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.testkit.contract.Concurrently;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two {@link JooqStorage} instances on one PostgreSQL database, as two nodes: members added on both
 * at once take distinct joining orders, and a node's cached member list is served until it hears
 * (through {@link RoomStore#membersChangedElsewhere}) that the other node changed the room.
 */
@Timeout(300)
class RoomsFromSeveralNodesTest {
  private static final int JOINERS_PER_NODE = 4;
  private static final int JOINS_PER_JOINER = 15;

  @Test
  void membersAddedOnTwoNodesAtOnceTakeDistinctJoiningOrders() throws SQLException {
    try (PostgresNodes nodes = PostgresNodes.open(2)) {
      StorageFixtures fixtures = nodes.fixtures(0);
      List<Room> rooms = List.of(fixtures.publicRoom("Lobby"), fixtures.publicRoom("Games"));
      int joiners = 2 * JOINERS_PER_NODE;
      List<User> users = new ArrayList<>();
      for (int i = 0; i < joiners * JOINS_PER_JOINER; i++) {
        users.add(fixtures.user("user" + i));
      }

      Concurrently.run(
          joiners,
          joiner -> {
            RoomStore store = nodes.node(joiner % 2).rooms();
            for (int i = 0; i < JOINS_PER_JOINER; i++) {
              User user = users.get(joiner * JOINS_PER_JOINER + i);
              Room room = rooms.get((joiner + i) % rooms.size());
              assertThat(store.addMember(membership(room.id(), user, Role.MEMBER))).isTrue();
            }
            return null;
          });

      try (Connection c = nodes.jdbc();
          Statement s = c.createStatement();
          ResultSet counts =
              s.executeQuery(
                  "select count(*), count(distinct join_order), count(distinct user_id)"
                      + " from memberships")) {
        counts.next();
        assertThat(counts.getLong(1)).isEqualTo(users.size());
        assertThat(counts.getLong(2)).as("distinct join orders").isEqualTo(users.size());
        assertThat(counts.getLong(3)).isEqualTo(users.size());
      }
    }
  }

  @Test
  void aNodeServesItsCachedMembersUntilTheOtherNodesChangeIsAnnounced() {
    try (PostgresNodes nodes = PostgresNodes.open(2)) {
      StorageFixtures fixtures = nodes.fixtures(0);
      User alice = fixtures.user("alice");
      User bob = fixtures.user("bob");
      Room room = fixtures.publicRoom("Lobby", alice);
      RoomStore a = nodes.node(0).rooms();
      RoomStore b = nodes.node(1).rooms();
      Membership bobs = membership(room.id(), bob, Role.MEMBER);
      assertThat(b.members(room.id())).extracting(Membership::userId).containsExactly(alice.id());

      a.addMember(bobs);

      // What the hook exists for: B's cache cannot know of A's write by itself.
      assertThat(b.members(room.id())).extracting(Membership::userId).containsExactly(alice.id());
      assertThat(b.membership(room.id(), bob.id())).isEmpty();
      b.membersChangedElsewhere(room.id());
      assertThat(b.membership(room.id(), bob.id())).contains(bobs);
      assertThat(b.members(room.id()))
          .extracting(Membership::userId)
          .containsExactly(alice.id(), bob.id());

      a.removeMember(room.id(), bob.id());

      assertThat(b.membership(room.id(), bob.id())).contains(bobs);
      b.membersChangedElsewhere(room.id());
      assertThat(b.membership(room.id(), bob.id())).isEmpty();
      assertThat(b.members(room.id())).extracting(Membership::userId).containsExactly(alice.id());
    }
  }
}
