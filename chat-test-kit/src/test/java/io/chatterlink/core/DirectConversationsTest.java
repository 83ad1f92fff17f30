package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ForbiddenException;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.LimitExceededException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.event.MemberJoined;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.port.in.ManageRooms;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DirectConversationsTest {
  private final CoreFixture f = new CoreFixture();
  private final ManageRooms rooms = f.core.rooms();
  private final UserId alice = f.register("alice");
  private final UserId bob = f.register("bob");
  private final UserId carol = f.register("carol");

  @Test
  void openingTheSameConversationTwiceFromEitherSideReturnsOneRoom() {
    RoomSummary first = rooms.openDirect(alice, Set.of(bob));
    RoomSummary second = rooms.openDirect(alice, Set.of(bob));
    RoomSummary fromBob = rooms.openDirect(bob, Set.of(alice));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(fromBob.id()).isEqualTo(first.id());
    assertThat(first.kind()).isEqualTo(RoomKind.DIRECT);
    assertThat(first.directMembers())
        .extracting(UserView::id)
        .containsExactlyInAnyOrder(alice, bob);
    assertThat(f.adapters.rooms().find(first.id()).orElseThrow().directKey())
        .contains(String.join(",", new java.util.TreeSet<>(List.of(alice.value(), bob.value()))));
  }

  @Test
  void concurrentOpensOfTheSameConversationYieldOneRoom() throws Exception {
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<RoomId>> results = new java.util.ArrayList<>();
      for (int i = 0; i < callers; i++) {
        UserId actor = i % 2 == 0 ? alice : bob;
        UserId other = i % 2 == 0 ? bob : alice;
        Callable<RoomId> open =
            () -> {
              start.await();
              return rooms.openDirect(actor, Set.of(other)).id();
            };
        results.add(pool.submit(open));
      }
      start.countDown();
      Set<RoomId> ids = new HashSet<>();
      for (Future<RoomId> r : results) {
        ids.add(r.get(10, TimeUnit.SECONDS));
      }

      assertThat(ids).hasSize(1);
      assertThat(rooms.myRooms(alice)).hasSize(1);
      assertThat(f.eventsFor(alice, MemberJoined.class))
          .as("only the opening that created the room announces it")
          .extracting(e -> e.member().user().id())
          .containsExactlyInAnyOrder(alice, bob);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aGroupConversationIsDistinctFromTheOneToOne() {
    RoomId pair = rooms.openDirect(alice, Set.of(bob)).id();
    RoomSummary group = rooms.openDirect(alice, Set.of(bob, carol));

    assertThat(group.id()).isNotEqualTo(pair);
    assertThat(group.memberCount()).isEqualTo(3);
    assertThat(rooms.openDirect(carol, Set.of(alice, bob)).id()).isEqualTo(group.id());
  }

  @Test
  void aConversationHasAtMostTheDocumentedNumberOfPeople() {
    Set<UserId> others = new HashSet<>();
    for (int i = 0; i < Limits.MAX_DIRECT_MEMBERS - 1; i++) {
      others.add(f.register("friend" + i));
    }
    assertThat(rooms.openDirect(alice, others).memberCount()).isEqualTo(Limits.MAX_DIRECT_MEMBERS);

    others.add(f.register("one-too-many"));
    assertThatThrownBy(() -> rooms.openDirect(alice, others))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void aConversationNeedsRealOtherPeople() {
    assertThatThrownBy(() -> rooms.openDirect(alice, Set.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> rooms.openDirect(alice, Set.of(alice)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> rooms.openDirect(alice, Set.of(new UserId("ghost"))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aConversationTakesNoInvitesAndOutsidersCannotSeeOrJoinIt() {
    RoomId dm = rooms.openDirect(alice, Set.of(bob)).id();

    assertThatThrownBy(() -> rooms.invite(alice, dm, carol)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> rooms.joinRoom(carol, dm)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rooms.room(carol, dm)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.post(carol, dm, "let me in")).isInstanceOf(NotFoundException.class);
    assertThat(rooms.publicRooms(carol)).isEmpty();
  }

  @Test
  void reopeningAConversationYouLeftBringsYouBack() {
    RoomId dm = rooms.openDirect(alice, Set.of(bob)).id();
    f.post(bob, dm, "hello?");
    rooms.leaveRoom(alice, dm);

    RoomSummary reopened = rooms.openDirect(bob, Set.of(alice));

    assertThat(reopened.id()).isEqualTo(dm);
    assertThat(rooms.myRooms(alice)).extracting(RoomSummary::id).containsExactly(dm);
  }

  @Test
  void theConversationSharesTheMessageMachineryOfRooms() {
    RoomId dm = rooms.openDirect(alice, Set.of(bob)).id();
    f.post(alice, dm, "psst");

    assertThat(rooms.myRooms(bob))
        .singleElement()
        .satisfies(r -> assertThat(r.unread()).isEqualTo(1));
    assertThat(
            f.core
                .history()
                .page(bob, dm, io.chatterlink.core.model.PageRequest.latest(10))
                .messages())
        .extracting(m -> m.text())
        .containsExactly("psst");
  }
}
