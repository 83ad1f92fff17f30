package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.ForbiddenException;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.event.MemberJoined;
import io.chatterlink.core.event.MemberLeft;
import io.chatterlink.core.event.MemberRemoved;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.event.PublicRoomCreated;
import io.chatterlink.core.event.RoomChanged;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.MemberView;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageRooms;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoomsTest {
  private final CoreFixture f = new CoreFixture();
  private final ManageRooms rooms = f.core.rooms();
  private final UserId alice = f.register("alice");
  private final UserId bob = f.register("bob");
  private final UserId carol = f.register("carol");

  @Test
  void theCreatorOwnsANewRoom() {
    RoomSummary room = rooms.createRoom(new CreateRoom(alice, "  general ", RoomKind.PUBLIC));

    assertThat(room.name()).isEqualTo("general");
    assertThat(room.role()).contains(Role.OWNER);
    assertThat(room.memberCount()).isEqualTo(1);
    assertThat(room.lastSeq()).isZero();
  }

  @Test
  void roomsCannotBeCreatedAsDirectConversationsOrWithBadNames() {
    assertThatThrownBy(() -> rooms.createRoom(new CreateRoom(alice, "dm", RoomKind.DIRECT)))
        .isInstanceOf(InvalidInputException.class);
    String tooLong = "n".repeat(Limits.MAX_ROOM_NAME_LENGTH + 1);
    assertThatThrownBy(() -> rooms.createRoom(new CreateRoom(alice, tooLong, RoomKind.PUBLIC)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anyoneMayJoinAPublicRoomAndTheMembersAreTold() {
    RoomId general = f.publicRoom(alice, "general");

    RoomSummary joined = rooms.joinRoom(bob, general);
    RoomSummary again = rooms.joinRoom(bob, general);

    assertThat(joined.role()).contains(Role.MEMBER);
    assertThat(again.memberCount()).isEqualTo(2);
    assertThat(f.eventsFor(alice, MemberJoined.class))
        .singleElement()
        .satisfies(e -> assertThat(e.member().user().id()).isEqualTo(bob));
    assertThat(f.eventsFor(bob, MemberJoined.class)).hasSize(1);
  }

  @Test
  void aNewPublicRoomIsPushedToEveryoneConnectedButAPrivateOneToNobody() {
    f.core.presence().connected(bob, "bob-tab");
    f.core.presence().connected(alice, "alice-tab");

    rooms.createRoom(new CreateRoom(alice, "secret", RoomKind.PRIVATE));
    RoomSummary general = rooms.createRoom(new CreateRoom(alice, "general", RoomKind.PUBLIC));

    assertThat(f.eventsFor(bob, PublicRoomCreated.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.room().id()).isEqualTo(general.id());
              assertThat(e.room().name()).isEqualTo("general");
              assertThat(e.room().role()).isEmpty();
              assertThat(e.room().memberCount()).isEqualTo(1);
            });
    assertThat(f.eventsFor(alice, PublicRoomCreated.class)).as("the creator has it").isEmpty();
    assertThat(f.eventsFor(carol, PublicRoomCreated.class)).as("carol is offline").isEmpty();
  }

  @Test
  void aPrivateRoomCannotBeJoinedAndLooksExactlyLikeAMissingOne() {
    RoomId secret = f.privateRoom(alice, "secret");
    RoomId missing = new RoomId("no-such-room");

    Throwable joinPrivate = catching(() -> rooms.joinRoom(bob, secret));
    Throwable joinMissing = catching(() -> rooms.joinRoom(bob, missing));

    assertThat(joinPrivate).isInstanceOf(NotFoundException.class);
    assertThat(joinMissing)
        .isInstanceOf(NotFoundException.class)
        .hasMessage(joinPrivate.getMessage());
    assertThat(catching(() -> rooms.room(bob, secret)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage(joinMissing.getMessage());
    assertThat(catching(() -> rooms.members(bob, secret))).isInstanceOf(NotFoundException.class);
    assertThat(rooms.publicRooms(bob)).extracting(RoomSummary::id).doesNotContain(secret);
    assertThat(rooms.myRooms(bob)).isEmpty();
  }

  @Test
  void onlyOwnersMayInviteToAPrivateRoom() {
    RoomId secret = f.privateRoom(alice, "secret");
    rooms.invite(alice, secret, bob);

    assertThatThrownBy(() -> rooms.invite(bob, secret, carol))
        .isInstanceOf(ForbiddenException.class);
    assertThat(rooms.members(alice, secret))
        .extracting(m -> m.user().id())
        .containsExactly(alice, bob);
    assertThat(rooms.room(bob, secret).role()).contains(Role.MEMBER);
  }

  @Test
  void anyMemberOfAPublicRoomMayInvite() {
    RoomId general = f.publicRoom(alice, "general");
    rooms.joinRoom(bob, general);

    rooms.invite(bob, general, carol);

    assertThat(rooms.members(carol, general)).extracting(m -> m.user().id()).contains(carol);
    assertThat(f.eventsFor(carol, MemberJoined.class))
        .singleElement()
        .satisfies(e -> assertThat(e.room().id()).isEqualTo(general));
  }

  @Test
  void aNonMemberCannotInviteAndAnUnknownUserCannotBeInvited() {
    RoomId secret = f.privateRoom(alice, "secret");

    assertThatThrownBy(() -> rooms.invite(bob, secret, carol))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rooms.invite(alice, secret, new UserId("ghost")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theLastOwnerCannotLeaveWhileOthersRemainButMayLeaveAlone() {
    RoomId general = f.publicRoom(alice, "general");
    rooms.joinRoom(bob, general);

    assertThatThrownBy(() -> rooms.leaveRoom(alice, general)).isInstanceOf(ConflictException.class);
    rooms.leaveRoom(bob, general);
    rooms.leaveRoom(alice, general);

    assertThat(rooms.myRooms(alice)).isEmpty();
    assertThat(f.eventsFor(alice, MemberLeft.class))
        .extracting(MemberLeft::userId)
        .containsExactly(bob, alice);
  }

  @Test
  void leavingARoomYouAreNotInIsNotFound() {
    RoomId general = f.publicRoom(alice, "general");

    assertThatThrownBy(() -> rooms.leaveRoom(bob, general)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aRemovedMemberGetsOneLastEventAndThenNothingFromTheRoom() {
    RoomId general = f.publicRoom(alice, "general");
    rooms.joinRoom(bob, general);

    rooms.removeMember(alice, general, bob);
    f.post(alice, general, "after bob left");

    assertThat(f.delivery().eventsFor(bob).get(f.delivery().eventsFor(bob).size() - 1))
        .isEqualTo(new MemberRemoved(general, bob, alice));
    assertThat(f.eventsFor(bob, MessagePosted.class)).isEmpty();
    assertThat(f.eventsFor(alice, MessagePosted.class)).hasSize(1);
  }

  @Test
  void onlyOwnersRemoveAndOwnersCannotBeRemoved() {
    RoomId general = f.publicRoom(alice, "general");
    rooms.joinRoom(bob, general);
    rooms.joinRoom(carol, general);

    assertThatThrownBy(() -> rooms.removeMember(bob, general, carol))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> rooms.removeMember(alice, general, alice))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> rooms.removeMember(alice, general, new UserId("ghost")))
        .isInstanceOf(NotFoundException.class);
    assertThat(rooms.members(alice, general)).hasSize(3);
  }

  @Test
  void ownersRenameAndMembersAreTold() {
    RoomId general = f.publicRoom(alice, "general");
    rooms.joinRoom(bob, general);

    RoomSummary renamed = rooms.rename(alice, general, "lobby");

    assertThat(renamed.name()).isEqualTo("lobby");
    assertThat(f.eventsFor(bob, RoomChanged.class))
        .containsExactly(new RoomChanged(general, "lobby"));
    assertThatThrownBy(() -> rooms.rename(bob, general, "mine now"))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> rooms.rename(carol, general, "mine now"))
        .isInstanceOf(NotFoundException.class);
    assertThat(rooms.room(carol, general).name()).isEqualTo("lobby");
  }

  @Test
  void myRoomsCountsWhatOthersPostedAfterTheReadMarker() {
    RoomId general = f.publicRoom(alice, "general");
    rooms.joinRoom(bob, general);
    f.post(alice, general, "one");
    f.post(alice, general, "two");
    f.post(bob, general, "mine do not count");

    assertThat(rooms.myRooms(bob))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.unread()).isEqualTo(2);
              assertThat(r.lastSeq()).isEqualTo(3);
            });
    assertThat(rooms.myRooms(alice))
        .singleElement()
        .satisfies(r -> assertThat(r.unread()).isEqualTo(1));
  }

  @Test
  void publicRoomsListsPublicRoomsWithTheViewersRole() {
    RoomId general = f.publicRoom(alice, "general");
    f.privateRoom(alice, "secret");

    assertThat(rooms.publicRooms(bob))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo(general);
              assertThat(r.role()).isEqualTo(Optional.empty());
              assertThat(r.unread()).isZero();
            });
    assertThat(rooms.publicRooms(alice))
        .singleElement()
        .satisfies(r -> assertThat(r.role()).contains(Role.OWNER));
  }

  @Test
  void thePublicListingShowsAtMostTheDocumentedNumberOfRooms() {
    for (int i = 0; i <= Limits.MAX_PUBLIC_ROOMS_LISTED; i++) {
      f.publicRoom(alice, "room " + i);
    }

    assertThat(rooms.publicRooms(bob)).hasSize(Limits.MAX_PUBLIC_ROOMS_LISTED);
  }

  @Test
  void membersOfAPublicRoomAreVisibleToAnyoneWithTheirRoles() {
    RoomId general = f.publicRoom(alice, "general");
    rooms.joinRoom(bob, general);

    assertThat(rooms.members(carol, general))
        .extracting(MemberView::role)
        .containsExactly(Role.OWNER, Role.MEMBER);
  }

  private static Throwable catching(Runnable action) {
    try {
      action.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
