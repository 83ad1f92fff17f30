package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.MEMBERSHIPS;

import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.persistence.internal.schema.tables.records.MembershipsRecord;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
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

/**
 * Reads/s of a {@value #MEMBERS}-member room's members on SQLite, as a send reads them: through
 * {@link JooqStorage#rooms()} (served from its member cache once read), against the jOOQ query that
 * {@code members} ran on every call before the cache, on a read pool like the store's. Not run by
 * the {@code bench} profile's default; add its name to {@code jmh.args}, e.g. {@code -Djmh.args="-f
 * 1 -wi 2 -w 2s -i 3 -r 3s MembersBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
@Threads(1)
public class MembersBenchmark {
  /** Members of the room read: the load test's one room of 50 clients. */
  static final int MEMBERS = 50;

  private Path file;
  private JooqStorage storage;
  private ConnectionPool pool;
  private DSLContext read;
  private RoomId room;

  /** A fresh database with one room of {@value #MEMBERS} members. */
  @Setup(Level.Trial)
  public void openFreshDatabase() throws Exception {
    file = BenchmarkDatabases.freshFile("members-");
    StorageSettings settings = StorageSettings.of("jdbc:sqlite:" + file);
    storage = JooqStorage.open(settings);
    StorageFixtures fixtures = new StorageFixtures(storage);
    room = fixtures.room();
    for (int i = 0; i < MEMBERS; i++) {
      storage
          .rooms()
          .addMember(StorageFixtures.membership(room, fixtures.user("member" + i), Role.MEMBER));
    }
    DatabaseTarget target = DatabaseTarget.parse(settings);
    pool = new ConnectionPool(target.readUrl(), target.credentials(), JooqStorage.READ_CONNECTIONS);
    read =
        DSL.using(
            pool,
            target.dialect(),
            new Settings().withExecuteLogging(false).withRenderSchema(false));
  }

  /** Closes everything and deletes the database with its WAL and shared-memory files. */
  @TearDown(Level.Trial)
  public void closeAndDelete() throws Exception {
    pool.close();
    storage.close();
    BenchmarkDatabases.delete(file);
  }

  /** The store's members(room): after the first call, from its cache. */
  @Benchmark
  public List<Membership> membersThroughTheStore() {
    return storage.rooms().members(room);
  }

  /** The query members(room) ran on every call before the cache (records mapped the same way). */
  @Benchmark
  public List<Membership> membersQueryEveryTime() {
    Result<MembershipsRecord> rows =
        read.selectFrom(MEMBERSHIPS)
            .where(MEMBERSHIPS.ROOM_ID.eq(room.value()))
            .orderBy(MEMBERSHIPS.JOIN_ORDER)
            .fetch();
    return rows.map(
        row ->
            new Membership(
                new RoomId(row.getRoomId()),
                new UserId(row.getUserId()),
                Role.valueOf(row.getRole()),
                Instants.fromNanos(row.getJoinedAt()),
                row.getLastReadSeq()));
  }
}
