package io.chatterlink.testkit.contract;

import static io.chatterlink.testkit.contract.StorageFixtures.T0;
import static io.chatterlink.testkit.contract.StorageFixtures.membership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link io.chatterlink.core.port.out.RoomStore} follows: rooms with their first
 * members stored atomically, one direct room per direct key (also under concurrent inserts),
 * memberships in joining order, and read markers that never move back.
 */
public abstract class RoomStoreContract extends StorageContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected RoomStoreContract() {}

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> storage.rooms().listPublic(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInsertedRoomIsFoundWithItsFirstMembersInOrder() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");

    Room room = fixtures.privateRoom("Plans", alice, bob);

    assertThat(storage.rooms().find(room.id())).contains(room);
    assertThat(storage.rooms().members(room.id()))
        .containsExactly(
            membership(room.id(), alice, Role.OWNER), membership(room.id(), bob, Role.MEMBER));
  }

  @Test
  void unknownRoomsAreNotFoundAndHaveNoMembers() {
    RoomId unknown = new RoomId("no-such-room");

    assertThat(storage.rooms().find(unknown)).isEmpty();
    assertThat(storage.rooms().members(unknown)).isEmpty();
  }

  @Test
  void aTakenRoomIdIsRejectedAndNothingOfTheSecondRoomIsStored() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    Room first = fixtures.publicRoom("First", alice);
    Room second = new Room(first.id(), RoomKind.PUBLIC, "Second", Optional.empty(), T0);

    assertThatThrownBy(
            () -> storage.rooms().insert(second, List.of(membership(first.id(), bob, Role.OWNER))))
        .isInstanceOf(ConflictException.class);
    assertThat(storage.rooms().find(first.id())).contains(first);
    assertThat(storage.rooms().members(first.id()))
        .containsExactly(membership(first.id(), alice, Role.OWNER));
  }

  @Test
  void insertingADirectRoomWhoseKeyIsTakenReturnsTheExistingRoom() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    Room first = direct(alice, bob);
    Room again = direct(alice, bob);

    assertThat(storage.rooms().insert(first, directMembers(first, alice, bob))).isEqualTo(first);
    assertThat(storage.rooms().insert(again, directMembers(again, alice, bob))).isEqualTo(first);

    assertThat(storage.rooms().find(again.id())).isEmpty();
    assertThat(storage.rooms().members(first.id())).hasSize(2);
    assertThat(storage.rooms().membershipsOf(alice.id())).hasSize(1);
  }

  @Test
  void concurrentInsertsOfOneDirectKeyYieldOneRoom() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    List<Room> candidates = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      candidates.add(direct(alice, bob));
    }

    List<Room> stored =
        Concurrently.run(
            candidates.size(),
            i ->
                storage
                    .rooms()
                    .insert(candidates.get(i), directMembers(candidates.get(i), alice, bob)));

    Room winner = stored.get(0);
    assertThat(stored).containsOnly(winner);
    assertThat(candidates).contains(winner);
    long roomsStored =
        candidates.stream().filter(c -> storage.rooms().find(c.id()).isPresent()).count();
    assertThat(roomsStored).isEqualTo(1);
    assertThat(storage.rooms().membershipsOf(bob.id())).hasSize(1);
  }

  @Test
  void renamingKeepsEverythingButTheName() {
    User alice = fixtures.user("alice");
    Room room = fixtures.publicRoom("Old name", alice);

    storage.rooms().rename(room.id(), "New name");

    assertThat(storage.rooms().find(room.id())).contains(room.withName("New name"));
    assertThatThrownBy(() -> storage.rooms().rename(new RoomId("no-such-room"), "x"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void publicRoomsAreListedByNameUpToTheLimit() {
    User alice = fixtures.user("alice");
    Room zoo = fixtures.publicRoom("Zoo");
    Room art = fixtures.publicRoom("Art");
    Room music = fixtures.publicRoom("Music");
    fixtures.privateRoom("Secret");
    Room dm = direct(alice, fixtures.user("bob"));
    storage.rooms().insert(dm, List.of(membership(dm.id(), alice, Role.MEMBER)));

    assertThat(storage.rooms().listPublic(10)).containsExactly(art, music, zoo);
    assertThat(storage.rooms().listPublic(2)).containsExactly(art, music);
  }

  @Test
  void everyRoomOfEveryKindIsListedByIdAPageAtATime() {
    User alice = fixtures.user("alice");
    Room open = fixtures.publicRoom("Open");
    Room closed = fixtures.privateRoom("Closed");
    Room dm = direct(alice, fixtures.user("bob"));
    storage.rooms().insert(dm, List.of(membership(dm.id(), alice, Role.MEMBER)));
    List<Room> byId =
        java.util.stream.Stream.of(open, closed, dm)
            .sorted(java.util.Comparator.comparing(r -> r.id().value()))
            .toList();

    List<Room> firstPage = storage.rooms().listAll(Optional.empty(), 2);
    List<Room> rest = storage.rooms().listAll(Optional.of(firstPage.get(1).id()), 2);

    assertThat(firstPage).containsExactlyElementsOf(byId.subList(0, 2));
    assertThat(rest).containsExactly(byId.get(2));
    assertThat(storage.rooms().listAll(Optional.of(byId.get(2).id()), 5)).isEmpty();
    assertThatThrownBy(() -> storage.rooms().listAll(Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addingAMemberTwiceChangesNothingTheSecondTime() {
    User alice = fixtures.user("alice");
    Room room = fixtures.publicRoom("Lobby");
    Membership first = membership(room.id(), alice, Role.MEMBER);

    assertThat(storage.rooms().addMember(first)).isTrue();
    assertThat(storage.rooms().addMember(new Membership(room.id(), alice.id(), Role.OWNER, T0, 7)))
        .isFalse();

    assertThat(storage.rooms().membership(room.id(), alice.id())).contains(first);
  }

  @Test
  void membersAndMembershipsAreListedInJoiningOrder() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    User carol = fixtures.user("carol");
    Room lobby = fixtures.publicRoom("Lobby", bob);
    Room games = fixtures.publicRoom("Games");

    storage.rooms().addMember(membership(games.id(), carol, Role.MEMBER));
    storage.rooms().addMember(membership(lobby.id(), carol, Role.MEMBER));
    storage.rooms().addMember(membership(games.id(), alice, Role.MEMBER));
    storage.rooms().addMember(membership(lobby.id(), alice, Role.MEMBER));

    assertThat(storage.rooms().members(lobby.id()))
        .extracting(Membership::userId)
        .containsExactly(bob.id(), carol.id(), alice.id());
    assertThat(storage.rooms().members(games.id()))
        .extracting(Membership::userId)
        .containsExactly(carol.id(), alice.id());
    assertThat(storage.rooms().membershipsOf(carol.id()))
        .extracting(Membership::roomId)
        .containsExactly(games.id(), lobby.id());
  }

  @Test
  void aRemovedMemberIsGoneAndRejoinsAtTheEnd() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    Room room = fixtures.publicRoom("Lobby", alice, bob);

    assertThat(storage.rooms().removeMember(room.id(), alice.id())).isTrue();
    assertThat(storage.rooms().removeMember(room.id(), alice.id())).isFalse();
    assertThat(storage.rooms().membership(room.id(), alice.id())).isEmpty();
    assertThat(storage.rooms().membershipsOf(alice.id())).isEmpty();

    storage.rooms().addMember(membership(room.id(), alice, Role.MEMBER));
    assertThat(storage.rooms().members(room.id()))
        .extracting(Membership::userId)
        .containsExactly(bob.id(), alice.id());
  }

  @Test
  void afterAChangeElsewhereIsAnnouncedMembersAndMembershipsAreStillAnsweredAsStored() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    Room room = fixtures.publicRoom("Lobby", alice);
    storage.rooms().members(room.id()); // a store with a cache has the list now
    storage.rooms().membership(room.id(), alice.id());

    storage.rooms().membersChangedElsewhere(room.id());
    assertThat(storage.rooms().members(room.id()))
        .containsExactly(membership(room.id(), alice, Role.OWNER));

    storage.rooms().addMember(membership(room.id(), bob, Role.MEMBER));
    storage.rooms().membersChangedElsewhere(room.id());
    assertThat(storage.rooms().members(room.id()))
        .extracting(Membership::userId)
        .containsExactly(alice.id(), bob.id());
    assertThat(storage.rooms().membership(room.id(), bob.id()))
        .contains(membership(room.id(), bob, Role.MEMBER));
    assertThat(storage.rooms().membershipsOf(bob.id()))
        .extracting(Membership::roomId)
        .containsExactly(room.id());

    storage.rooms().removeMember(room.id(), bob.id());
    storage.rooms().membersChangedElsewhere(room.id());
    assertThat(storage.rooms().membership(room.id(), bob.id())).isEmpty();
    assertThat(storage.rooms().members(room.id()))
        .extracting(Membership::userId)
        .containsExactly(alice.id());
  }

  @Test
  void aChangeElsewhereAnnouncedForAnUnknownRoomChangesNothing() {
    RoomId unknown = new RoomId("no-such-room");

    storage.rooms().membersChangedElsewhere(unknown);

    assertThat(storage.rooms().find(unknown)).isEmpty();
    assertThat(storage.rooms().members(unknown)).isEmpty();
  }

  @Test
  void theReadMarkerMovesForwardButNeverBack() {
    User alice = fixtures.user("alice");
    Room room = fixtures.publicRoom("Lobby", alice);

    assertThat(storage.rooms().advanceReadMarker(room.id(), alice.id(), 5)).isTrue();
    assertThat(storage.rooms().advanceReadMarker(room.id(), alice.id(), 3)).isFalse();
    assertThat(storage.rooms().advanceReadMarker(room.id(), alice.id(), 5)).isFalse();
    assertThat(storage.rooms().membership(room.id(), alice.id()).orElseThrow().lastReadSeq())
        .isEqualTo(5);

    assertThat(storage.rooms().advanceReadMarker(room.id(), alice.id(), 9)).isTrue();
    assertThat(storage.rooms().membership(room.id(), alice.id()).orElseThrow().lastReadSeq())
        .isEqualTo(9);
  }

  @Test
  void theReadMarkerOfANonMemberDoesNotMove() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    Room room = fixtures.publicRoom("Lobby", alice);

    assertThat(storage.rooms().advanceReadMarker(room.id(), bob.id(), 4)).isFalse();
    assertThat(storage.rooms().membership(room.id(), bob.id())).isEmpty();
  }

  @Test
  void concurrentReadMarkerMovesEndAtTheHighestSeq() {
    User alice = fixtures.user("alice");
    Room room = fixtures.publicRoom("Lobby", alice);
    List<Long> seqs = new ArrayList<>(LongStream.rangeClosed(1, 64).boxed().toList());
    Collections.shuffle(seqs, new Random(42));

    int threads = 8;

    List<Integer> movesPerThread =
        Concurrently.run(
            threads,
            t -> {
              int moves = 0;
              for (int i = t; i < seqs.size(); i += threads) {
                moves +=
                    storage.rooms().advanceReadMarker(room.id(), alice.id(), seqs.get(i)) ? 1 : 0;
              }
              return moves;
            });

    assertThat(movesPerThread.stream().mapToInt(Integer::intValue).sum()).isBetween(1, 64);
    assertThat(storage.rooms().membership(room.id(), alice.id()).orElseThrow().lastReadSeq())
        .isEqualTo(64);
  }

  /** A direct room of {@code a} and {@code b} under a fresh id, not yet stored. */
  private Room direct(User a, User b) {
    List<String> ids = new ArrayList<>(List.of(a.id().value(), b.id().value()));
    Collections.sort(ids);
    return new Room(
        fixtures.newRoomId(), RoomKind.DIRECT, "Direct", Optional.of(String.join(",", ids)), T0);
  }

  private static List<Membership> directMembers(Room room, User a, User b) {
    return List.of(membership(room.id(), a, Role.MEMBER), membership(room.id(), b, Role.MEMBER));
  }
}
