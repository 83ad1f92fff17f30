package io.chatterlink.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.model.User;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.Username;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link io.chatterlink.core.port.out.UserStore} follows: lookup by id and by
 * canonical username, uniqueness of the canonical username (atomic, also under concurrent
 * registrations), password changes and prefix search.
 */
public abstract class UserStoreContract extends StorageContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected UserStoreContract() {}

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> storage.users().searchByPrefix("a", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInsertedUserIsFoundByIdAndByUsername() {
    User alice = fixtures.user("Alice");

    assertThat(storage.users().findById(alice.id())).contains(alice);
    assertThat(storage.users().findByUsername(Username.of("Alice"))).contains(alice);
  }

  @Test
  void unknownUsersAreNotFound() {
    fixtures.user("Alice");

    assertThat(storage.users().findById(new UserId("nobody"))).isEmpty();
    assertThat(storage.users().findByUsername(Username.of("Bob"))).isEmpty();
  }

  @Test
  void aUsernameIsFoundInAnyFormWithTheSameCanonicalName() {
    User alice = fixtures.user("Alice");

    assertThat(storage.users().findByUsername(Username.of("ALICE"))).contains(alice);
    assertThat(storage.users().findByUsername(Username.of("alice"))).contains(alice);
    assertThat(storage.users().findByUsername(Username.of("Ａｌｉｃｅ"))).contains(alice);
  }

  @Test
  void namesThatCollideAfterCanonicalisationAreRejectedAndNotStored() {
    User alice = fixtures.user("Alice");

    for (String collision : List.of("ALICE", "alice", "Ａｌｉｃｅ")) {
      User other = fixtures.newUser(collision);
      assertThatThrownBy(() -> storage.users().insert(other)).isInstanceOf(ConflictException.class);
      assertThat(storage.users().findById(other.id())).isEmpty();
    }
    assertThat(storage.users().findByUsername(Username.of("alice"))).contains(alice);
  }

  @Test
  void aTakenIdIsRejectedAndTheFirstUserKept() {
    User alice = fixtures.user("Alice");
    User impostor =
        new User(
            alice.id(),
            Username.of("Mallory"),
            "Mallory",
            new PasswordHash("x"),
            alice.createdAt());

    assertThatThrownBy(() -> storage.users().insert(impostor))
        .isInstanceOf(ConflictException.class);
    assertThat(storage.users().findById(alice.id())).contains(alice);
    assertThat(storage.users().findByUsername(Username.of("Mallory"))).isEmpty();
  }

  @Test
  void concurrentRegistrationsOfOneCanonicalNameLetExactlyOneWin() {
    List<String> spellings = List.of("Bob", "BOB", "bob", "bOb", "Ｂｏｂ", "BoB", "boB", "ＢＯＢ");
    List<User> candidates = spellings.stream().map(fixtures::newUser).toList();

    List<Boolean> won =
        Concurrently.run(
            candidates.size(),
            i -> {
              try {
                storage.users().insert(candidates.get(i));
                return true;
              } catch (ConflictException e) {
                return false;
              }
            });

    assertThat(won).containsOnlyOnce(true);
    User winner = candidates.get(won.indexOf(true));
    assertThat(storage.users().findByUsername(Username.of("bob"))).contains(winner);
    for (User candidate : candidates) {
      if (candidate != winner) {
        assertThat(storage.users().findById(candidate.id())).isEmpty();
      }
    }
  }

  @Test
  void updatingThePasswordHashChangesOnlyTheHash() {
    User alice = fixtures.user("Alice");
    User bob = fixtures.user("Bob");
    PasswordHash newHash = new PasswordHash("a-new-hash");

    storage.users().updatePasswordHash(alice.id(), newHash);

    assertThat(storage.users().findById(alice.id())).contains(alice.withPasswordHash(newHash));
    assertThat(storage.users().findByUsername(Username.of("alice")))
        .contains(alice.withPasswordHash(newHash));
    assertThat(storage.users().findById(bob.id())).contains(bob);
  }

  @Test
  void updatingThePasswordOfAnUnknownUserFails() {
    assertThatThrownBy(
            () -> storage.users().updatePasswordHash(new UserId("nobody"), new PasswordHash("h")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void prefixSearchReturnsMatchingUsersByCanonicalNameUpToTheLimit() {
    User anna = fixtures.user("Anna");
    User alice = fixtures.user("ALICE");
    User albert = fixtures.user("albert");
    fixtures.user("Bob");
    fixtures.user("xal");

    assertThat(storage.users().searchByPrefix("al", 10)).containsExactly(albert, alice);
    assertThat(storage.users().searchByPrefix("a", 2)).containsExactly(albert, alice);
    assertThat(storage.users().searchByPrefix("a", 10)).containsExactly(albert, alice, anna);
    assertThat(storage.users().searchByPrefix("alicia", 10)).isEmpty();
  }

  @Test
  void prefixSearchTreatsLikeWildcardsAsPlainCharacters() {
    User underscored = fixtures.user("a_b");
    fixtures.user("axb");
    User percent = fixtures.user("a%c");

    assertThat(storage.users().searchByPrefix("a_", 10)).containsExactly(underscored);
    assertThat(storage.users().searchByPrefix("a%", 10)).containsExactly(percent);
  }

  @Test
  void lastSeenIsRecordedPerUserOverwrittenByLaterVisitsAndAbsentForTheNeverSeen() {
    User alice = fixtures.user("Alice");
    User bob = fixtures.user("Bob");
    User carol = fixtures.user("Carol");
    Instant first = Instant.parse("2026-11-28T17:00:00.123456789Z");
    Instant later = first.plusSeconds(90);

    storage.users().recordLastSeen(alice.id(), first);
    storage.users().recordLastSeen(bob.id(), first);
    storage.users().recordLastSeen(bob.id(), later);
    storage.users().recordLastSeen(new UserId("nobody"), later);

    assertThat(
            storage
                .users()
                .lastSeen(List.of(alice.id(), bob.id(), carol.id(), new UserId("nobody"))))
        .containsExactlyInAnyOrderEntriesOf(Map.of(alice.id(), first, bob.id(), later));
    assertThat(storage.users().lastSeen(List.of())).isEmpty();
    assertThat(storage.users().findById(bob.id())).contains(bob);
  }
}
