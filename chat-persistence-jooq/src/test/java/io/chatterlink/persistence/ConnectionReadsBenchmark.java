package io.chatterlink.persistence;

import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.Session;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.User;
import io.chatterlink.core.model.UserId;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The store reads a WebSocket client causes when it connects, on SQLite, through {@link
 * JooqStorage}'s public stores only (so the same benchmark runs against older builds of the
 * module): the handshake's session and user lookup, the hello frame's room list with each room's
 * summary reads, the subscribe's membership check, and the resync of {@value #REPLAYED} log
 * entries. Run with {@code -prof gc} for bytes allocated per operation ({@code
 * gc.alloc.rate.norm}), e.g. {@code -Djmh.args="-f 1 -wi 2 -w 2s -i 3 -r 2s -prof gc
 * ConnectionReadsBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
@Threads(1)
public class ConnectionReadsBenchmark {
  /** Rooms the connecting user is in; each has {@value #MEMBERS} members. */
  static final int ROOMS = 5;

  static final int MEMBERS = 10;

  /** Log entries replayed by one resync, of the first room's {@value #POSTS} posts. */
  static final int REPLAYED = 50;

  static final int POSTS = 60;

  private Path file;
  private JooqStorage storage;
  private SessionId session;
  private UserId user;
  private RoomId firstRoom;
  private RoomId cachedRoom;

  /** A fresh database: the user's session, their rooms with other members, posts in one room. */
  @Setup(Level.Trial)
  public void openFreshDatabase() throws Exception {
    file = BenchmarkDatabases.freshFile("connection-reads-");
    storage = JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + file));
    StorageFixtures fixtures = new StorageFixtures(storage);
    User alice = fixtures.user("alice");
    List<User> others = new ArrayList<>();
    for (int i = 1; i < MEMBERS; i++) {
      others.add(fixtures.user("member" + i));
    }
    List<User> members = new ArrayList<>(List.of(alice));
    members.addAll(others);
    for (int r = 0; r < ROOMS; r++) {
      RoomId room = fixtures.publicRoom("room" + r, members.toArray(User[]::new)).id();
      if (r == 0) {
        firstRoom = room;
      } else if (r == 1) {
        cachedRoom = room;
      }
    }
    for (int i = 0; i < POSTS; i++) {
      fixtures.post(firstRoom, others.get(i % others.size()), "message " + i);
    }
    user = alice.id();
    session = new SessionId("s".repeat(43));
    storage.sessions().insert(new Session(session, user, StorageFixtures.T0, StorageFixtures.T0));
    // As after a send to the room: its member list is cached (the first room's is not).
    storage.rooms().members(cachedRoom);
  }

  /** Closes the storage and deletes the database with its WAL and shared-memory files. */
  @TearDown(Level.Trial)
  public void closeAndDelete() throws Exception {
    storage.close();
    BenchmarkDatabases.delete(file);
  }

  /** The handshake: AccountService.authenticate's session and user lookups. */
  @Benchmark
  public Object authenticate() {
    Session found = storage.sessions().find(session).orElseThrow();
    return storage.users().findById(found.userId()).orElseThrow();
  }

  /** The hello frame: RoomService.myRooms, with the reads RoomAccess.summarize makes per room. */
  @Benchmark
  public void myRooms(Blackhole summaries) {
    for (Membership mine : storage.rooms().membershipsOf(user)) {
      RoomId room = mine.roomId();
      summaries.consume(storage.rooms().find(room).orElseThrow());
      summaries.consume(storage.rooms().members(room).size());
      summaries.consume(storage.messages().countUnread(room, mine.lastReadSeq(), user));
      summaries.consume(storage.messages().lastSeq(room));
    }
  }

  /** The subscribe's RoomAccess.requireMember, in a room whose member list is not cached. */
  @Benchmark
  public Optional<Membership> membership() {
    return storage.rooms().membership(firstRoom, user);
  }

  /** The same in a room whose member list is cached (someone sent to it since it was changed). */
  @Benchmark
  public Optional<Membership> membershipInACachedRoom() {
    return storage.rooms().membership(cachedRoom, user);
  }

  /** The subscribe's resync of {@value #REPLAYED} log entries. */
  @Benchmark
  public List<LogEntry> entriesAfter() {
    return storage.messages().entriesAfter(firstRoom, POSTS - REPLAYED, REPLAYED);
  }
}
