package io.chatterlink.testkit.contract;

import static io.chatterlink.testkit.contract.StorageFixtures.T0;
import static io.chatterlink.testkit.contract.StorageFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.model.Session;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.SessionToken;
import io.chatterlink.core.model.User;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules every {@link io.chatterlink.core.port.out.SessionStore} follows. */
public abstract class SessionStoreContract extends StorageContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected SessionStoreContract() {}

  @Test
  void anInsertedSessionIsFound() {
    Session session = session(fixtures.user("alice"));

    storage.sessions().insert(session);

    assertThat(storage.sessions().find(session.id())).contains(session);
    assertThat(storage.sessions().find(SessionToken.random().id())).isEmpty();
  }

  @Test
  void aTakenIdIsRejectedAndTheFirstSessionKept() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    Session first = session(alice);
    storage.sessions().insert(first);

    assertThatThrownBy(() -> storage.sessions().insert(new Session(first.id(), bob.id(), T0, T0)))
        .isInstanceOf(ConflictException.class);
    assertThat(storage.sessions().find(first.id())).contains(first);
  }

  @Test
  void touchingASessionRecordsItsUse() {
    Session session = session(fixtures.user("alice"));
    storage.sessions().insert(session);

    storage.sessions().touch(session.id(), at(3600));

    assertThat(storage.sessions().find(session.id()))
        .contains(new Session(session.id(), session.userId(), session.createdAt(), at(3600)));
  }

  @Test
  void touchingAnUnknownSessionCreatesNothing() {
    SessionId unknown = SessionToken.random().id();

    storage.sessions().touch(unknown, at(1));

    assertThat(storage.sessions().find(unknown)).isEmpty();
  }

  @Test
  void aDeletedSessionIsGoneAndDeletingItAgainReportsSo() {
    Session session = session(fixtures.user("alice"));
    storage.sessions().insert(session);

    assertThat(storage.sessions().delete(session.id())).isTrue();
    assertThat(storage.sessions().delete(session.id())).isFalse();
    assertThat(storage.sessions().find(session.id())).isEmpty();
  }

  @Test
  void deletingAllSessionsOfAUserLeavesOtherUsersSessions() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    Session laptop = session(alice);
    Session phone = session(alice);
    Session bobs = session(bob);
    storage.sessions().insert(laptop);
    storage.sessions().insert(bobs);
    storage.sessions().insert(phone);

    assertThat(storage.sessions().deleteAllOf(alice.id()))
        .containsExactlyInAnyOrder(laptop.id(), phone.id());

    assertThat(storage.sessions().find(laptop.id())).isEmpty();
    assertThat(storage.sessions().find(phone.id())).isEmpty();
    assertThat(storage.sessions().find(bobs.id())).contains(bobs);
    assertThat(storage.sessions().deleteAllOf(alice.id())).isEmpty();
  }

  @Test
  void findingManySessionsAnswersTheStoredOnesAsTheyAreNow() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    Session laptop = session(alice);
    Session phone = session(alice);
    Session bobs = session(bob);
    List.of(laptop, phone, bobs).forEach(storage.sessions()::insert);
    storage.sessions().touch(phone.id(), at(60));
    storage.sessions().delete(laptop.id());
    SessionId neverStored = SessionToken.random().id();

    assertThat(storage.sessions().findAll(Set.of(laptop.id(), phone.id(), bobs.id(), neverStored)))
        .containsExactlyInAnyOrder(
            new Session(phone.id(), alice.id(), T0, at(60)),
            new Session(bobs.id(), bob.id(), T0, T0));
    assertThat(storage.sessions().findAll(Set.of())).isEmpty();
  }

  @Test
  void findingMoreSessionsThanOneQueryBindsFindsThemAll() {
    User alice = fixtures.user("alice");
    Set<SessionId> asked = new HashSet<>();
    Set<Session> stored = new HashSet<>();
    for (int i = 0; i < 1_200; i++) {
      Session s = session(alice);
      storage.sessions().insert(s);
      stored.add(s);
      asked.add(s.id());
      asked.add(SessionToken.random().id());
    }

    assertThat(storage.sessions().findAll(asked)).containsExactlyInAnyOrderElementsOf(stored);
  }

  private static Session session(User user) {
    return new Session(SessionToken.random().id(), user.id(), T0, T0);
  }
}
