package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.MEMBERSHIPS;
import static io.chatterlink.persistence.internal.schema.Tables.ROOMS;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.persistence.internal.schema.tables.records.RoomsRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/**
 * Rooms and memberships. A direct room's key is unique by constraint, so two concurrent "open
 * conversation" calls store one room. Memberships keep a {@code join_order} so that "joining order"
 * is exact even when members join at the same instant.
 *
 * <p>{@link #members} is read on every send, so recently read rooms' member lists are cached
 * ({@link RoomMembersCache}); every membership write below goes through that cache, which is what
 * keeps it right for this process's writes. Another process's writes (another node on the same
 * database) reach it only through {@link #membersChangedElsewhere}, which whoever learns of them
 * (the cluster bus) must call. {@link #membership} is answered from a cached list too when its room
 * has one.
 *
 * <p>The reads of every connection and request ({@link #find}, {@link #membership}, {@link
 * #members}, {@link #membershipsOf}) run SQL rendered once ({@link JdbcReads}).
 */
final class JooqRoomStore implements RoomStore {
  /** The memberships columns the membership queries return, in this order. */
  private static final String MEMBERSHIP_COLUMNS =
      "room_id, user_id, role, joined_at, last_read_seq";

  /**
   * The PostgreSQL advisory lock key that serializes the taking of {@code join_order} values across
   * processes (the bytes of "chatjoin"; another application on the same database would have to pick
   * the same 64-bit key by chance to be slowed by it).
   */
  static final long JOIN_ORDER_LOCK = 0x63686174_6a6f696eL;

  private final DSLContext read;
  private final DSLContext write;
  private final JdbcReads reads;
  private final RoomMembersCache membersCache = new RoomMembersCache();

  /** Values: id. Columns: id, kind, name, direct_key, created_at. */
  final RenderedSql findRoom;

  /** Values: room_id, user_id. Columns: {@value #MEMBERSHIP_COLUMNS}. */
  final RenderedSql findMembership;

  /** Values: room_id. Columns: {@value #MEMBERSHIP_COLUMNS}, in joining order. */
  final RenderedSql membersOfRoom;

  /** Values: user_id. Columns: {@value #MEMBERSHIP_COLUMNS}, in joining order. */
  final RenderedSql membershipsOfUser;

  JooqRoomStore(DSLContext read, DSLContext write) {
    this.read = read;
    this.write = write;
    this.reads = new JdbcReads(read);
    this.findRoom =
        reads.sql(
            () ->
                read.select(ROOMS.ID, ROOMS.KIND, ROOMS.NAME, ROOMS.DIRECT_KEY, ROOMS.CREATED_AT)
                    .from(ROOMS)
                    .where(ROOMS.ID.eq((String) null)));
    this.findMembership =
        reads.sql(
            () ->
                selectMemberships()
                    .where(MEMBERSHIPS.ROOM_ID.eq((String) null))
                    .and(MEMBERSHIPS.USER_ID.eq((String) null)));
    this.membersOfRoom =
        reads.sql(
            () ->
                selectMemberships()
                    .where(MEMBERSHIPS.ROOM_ID.eq((String) null))
                    .orderBy(MEMBERSHIPS.JOIN_ORDER));
    this.membershipsOfUser =
        reads.sql(
            () ->
                selectMemberships()
                    .where(MEMBERSHIPS.USER_ID.eq((String) null))
                    .orderBy(MEMBERSHIPS.JOIN_ORDER));
  }

  private SelectJoinStep<?> selectMemberships() {
    return read.select(
            MEMBERSHIPS.ROOM_ID,
            MEMBERSHIPS.USER_ID,
            MEMBERSHIPS.ROLE,
            MEMBERSHIPS.JOINED_AT,
            MEMBERSHIPS.LAST_READ_SEQ)
        .from(MEMBERSHIPS);
  }

  @Override
  public Room insert(Room room, List<Membership> members) {
    // A read of the room before it existed may have cached its empty member list.
    return membersCache.write(room.id().value(), () -> insertRoom(room, members));
  }

  private Room insertRoom(Room room, List<Membership> members) {
    return Storage.guard(
        "storing the room",
        () ->
            write.transactionResult(
                tx -> {
                  DSLContext dsl = tx.dsl();
                  int inserted =
                      dsl.insertInto(ROOMS)
                          .set(ROOMS.ID, room.id().value())
                          .set(ROOMS.KIND, room.kind().name())
                          .set(ROOMS.NAME, room.name())
                          .set(ROOMS.DIRECT_KEY, room.directKey().orElse(null))
                          .set(ROOMS.CREATED_AT, Instants.toNanos(room.createdAt()))
                          .onConflictDoNothing()
                          .execute();
                  if (inserted == 0) {
                    return existingDirectRoom(dsl, room);
                  }
                  for (Membership member : members) {
                    insertMember(dsl, member);
                  }
                  return room;
                }));
  }

  private static Room existingDirectRoom(DSLContext dsl, Room room) {
    if (dsl.fetchExists(ROOMS, ROOMS.ID.eq(room.id().value())) || room.directKey().isEmpty()) {
      throw new ConflictException("room id is taken");
    }
    return dsl.selectFrom(ROOMS)
        .where(ROOMS.DIRECT_KEY.eq(room.directKey().get()))
        .fetchOptional()
        .map(JooqRoomStore::toRoom)
        .orElseThrow(() -> new ConflictException("room id is taken"));
  }

  /**
   * Inserts unless already a member; true if inserted. The new membership's {@code join_order} is
   * one past the largest, read under a lock held until the transaction ends, so that two processes
   * adding members at once never take the same one: on PostgreSQL a transaction-scoped advisory
   * lock ({@link #JOIN_ORDER_LOCK}); on SQLite the write transaction itself, which begins IMMEDIATE
   * and so holds the database's only write lock.
   */
  private static boolean insertMember(DSLContext dsl, Membership member) {
    if (dsl.dialect().family() == SQLDialect.POSTGRES) {
      dsl.fetch("select pg_advisory_xact_lock(?)", JOIN_ORDER_LOCK);
    }
    long nextOrder =
        dsl.select(DSL.coalesce(DSL.max(MEMBERSHIPS.JOIN_ORDER), 0L))
                .from(MEMBERSHIPS)
                .fetchOne()
                .value1()
            + 1;
    return dsl.insertInto(MEMBERSHIPS)
            .set(MEMBERSHIPS.ROOM_ID, member.roomId().value())
            .set(MEMBERSHIPS.USER_ID, member.userId().value())
            .set(MEMBERSHIPS.ROLE, member.role().name())
            .set(MEMBERSHIPS.JOINED_AT, Instants.toNanos(member.joinedAt()))
            .set(MEMBERSHIPS.JOIN_ORDER, nextOrder)
            .set(MEMBERSHIPS.LAST_READ_SEQ, member.lastReadSeq())
            .onConflictDoNothing()
            .execute()
        > 0;
  }

  @Override
  public Optional<Room> find(RoomId id) {
    return Storage.guard(
        "reading the room", () -> reads.one(findRoom, JooqRoomStore::readRoom, id.value()));
  }

  @Override
  public void rename(RoomId id, String name) {
    int updated =
        Storage.guard(
            "renaming the room",
            () ->
                write.update(ROOMS).set(ROOMS.NAME, name).where(ROOMS.ID.eq(id.value())).execute());
    if (updated == 0) {
      throw new NotFoundException("no such room");
    }
  }

  @Override
  public List<Room> listPublic(int limit) {
    Limit.requirePositive(limit);
    return Storage.guard(
        "listing rooms",
        () ->
            read.selectFrom(ROOMS)
                .where(ROOMS.KIND.eq(RoomKind.PUBLIC.name()))
                .orderBy(Collations.binary(ROOMS.NAME, read.dialect()), ROOMS.ID)
                .limit(limit)
                .fetch(JooqRoomStore::toRoom));
  }

  @Override
  public List<Room> listAll(Optional<RoomId> after, int limit) {
    Limit.requirePositive(limit);
    return Storage.guard(
        "listing all rooms",
        () ->
            read.selectFrom(ROOMS)
                // Compared as the order is: byte-wise, whatever the database's collation.
                .where(
                    after
                        .map(a -> Collations.binary(ROOMS.ID, read.dialect()).gt(a.value()))
                        .orElse(DSL.noCondition()))
                .orderBy(Collations.binary(ROOMS.ID, read.dialect()))
                .limit(limit)
                .fetch(JooqRoomStore::toRoom));
  }

  @Override
  public boolean addMember(Membership membership) {
    return membersCache.write(
        membership.roomId().value(),
        () ->
            Storage.guard(
                "adding the member",
                () -> write.transactionResult(tx -> insertMember(tx.dsl(), membership))));
  }

  @Override
  public boolean removeMember(RoomId room, UserId user) {
    return membersCache.write(
        room.value(),
        () ->
            Storage.guard(
                "removing the member",
                () ->
                    write
                            .deleteFrom(MEMBERSHIPS)
                            .where(MEMBERSHIPS.ROOM_ID.eq(room.value()))
                            .and(MEMBERSHIPS.USER_ID.eq(user.value()))
                            .execute()
                        > 0));
  }

  @Override
  public Optional<Membership> membership(RoomId room, UserId user) {
    Optional<List<Membership>> cached = membersCache.cached(room.value());
    if (cached.isPresent()) {
      for (Membership member : cached.get()) {
        if (member.userId().equals(user)) {
          return Optional.of(member);
        }
      }
      return Optional.empty();
    }
    return Storage.guard(
        "reading the membership",
        () -> reads.one(findMembership, JooqRoomStore::readMembership, room.value(), user.value()));
  }

  @Override
  public List<Membership> members(RoomId room) {
    return membersCache.members(
        room.value(),
        () ->
            Storage.guard(
                "listing members",
                () -> reads.list(membersOfRoom, JooqRoomStore::readMembership, room.value())));
  }

  @Override
  public List<Membership> membershipsOf(UserId user) {
    return Storage.guard(
        "listing memberships",
        () -> reads.list(membershipsOfUser, JooqRoomStore::readMembership, user.value()));
  }

  @Override
  public boolean advanceReadMarker(RoomId room, UserId user, long seq) {
    // Markers move often; the cached list is updated as the row was, rather than dropped.
    return membersCache.write(
        room.value(),
        () ->
            Storage.guard(
                "moving the read marker",
                () ->
                    write
                            .update(MEMBERSHIPS)
                            .set(MEMBERSHIPS.LAST_READ_SEQ, seq)
                            .where(MEMBERSHIPS.ROOM_ID.eq(room.value()))
                            .and(MEMBERSHIPS.USER_ID.eq(user.value()))
                            .and(MEMBERSHIPS.LAST_READ_SEQ.lt(seq))
                            .execute()
                        > 0),
        (moved, cached) -> moved ? withReadMarker(cached, user, seq) : cached);
  }

  /**
   * Drops the room's cached member list; a read already under way does not store what it read (see
   * {@link RoomMembersCache#changedElsewhere}). {@link #membershipsOf} is never cached.
   */
  @Override
  public void membersChangedElsewhere(RoomId room) {
    membersCache.changedElsewhere(room.value());
  }

  private static List<Membership> withReadMarker(List<Membership> members, UserId user, long seq) {
    List<Membership> moved = new ArrayList<>(members.size());
    for (Membership m : members) {
      moved.add(
          m.userId().equals(user)
              ? new Membership(m.roomId(), m.userId(), m.role(), m.joinedAt(), seq)
              : m);
    }
    return List.copyOf(moved);
  }

  private static Room toRoom(RoomsRecord row) {
    return new Room(
        new RoomId(row.getId()),
        RoomKind.valueOf(row.getKind()),
        row.getName(),
        Optional.ofNullable(row.getDirectKey()),
        Instants.fromNanos(row.getCreatedAt()));
  }

  private static Room readRoom(ResultSet row) throws SQLException {
    return new Room(
        new RoomId(row.getString(1)),
        RoomKind.valueOf(row.getString(2)),
        row.getString(3),
        Optional.ofNullable(row.getString(4)),
        Instants.fromNanos(row.getLong(5)));
  }

  private static Membership readMembership(ResultSet row) throws SQLException {
    return new Membership(
        new RoomId(row.getString(1)),
        new UserId(row.getString(2)),
        Role.valueOf(row.getString(3)),
        Instants.fromNanos(row.getLong(4)),
        row.getLong(5));
  }
}
