package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.RoomStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rooms and memberships in maps behind one lock: every method is one atomic step, which is what
 * makes the direct-key get-or-insert and the forward-only read marker safe under concurrency.
 * Memberships are indexed both by room and by user, each in joining order.
 */
final class InMemoryRoomStore implements RoomStore {
  private final Map<RoomId, Room> rooms = new HashMap<>();
  private final Map<String, Room> directRooms = new HashMap<>();
  private final Map<RoomId, LinkedHashMap<UserId, Membership>> byRoom = new HashMap<>();
  private final Map<UserId, LinkedHashMap<RoomId, Membership>> byUser = new HashMap<>();

  @Override
  public synchronized Room insert(Room room, List<Membership> members) {
    for (Membership m : members) {
      if (!m.roomId().equals(room.id())) {
        throw new IllegalArgumentException("a first member belongs to another room");
      }
    }
    Optional<Room> existing = room.directKey().map(directRooms::get);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (rooms.containsKey(room.id())) {
      throw new ConflictException("room id is taken");
    }
    rooms.put(room.id(), room);
    room.directKey().ifPresent(key -> directRooms.put(key, room));
    byRoom.put(room.id(), new LinkedHashMap<>());
    for (Membership m : members) {
      put(m);
    }
    return room;
  }

  @Override
  public synchronized Optional<Room> find(RoomId id) {
    return Optional.ofNullable(rooms.get(id));
  }

  @Override
  public synchronized void rename(RoomId id, String name) {
    Room room = rooms.get(id);
    if (room == null) {
      throw new NotFoundException("no such room");
    }
    Room renamed = room.withName(name);
    rooms.put(id, renamed);
    renamed.directKey().ifPresent(key -> directRooms.put(key, renamed));
  }

  @Override
  public synchronized List<Room> listPublic(int limit) {
    Checks.requirePositiveLimit(limit);
    return rooms.values().stream()
        .filter(r -> r.kind() == RoomKind.PUBLIC)
        .sorted(Comparator.comparing(Room::name).thenComparing(r -> r.id().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<Room> listAll(Optional<RoomId> after, int limit) {
    Checks.requirePositiveLimit(limit);
    return rooms.values().stream()
        .filter(r -> after.isEmpty() || r.id().value().compareTo(after.get().value()) > 0)
        .sorted(Comparator.comparing(r -> r.id().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized boolean addMember(Membership membership) {
    if (!rooms.containsKey(membership.roomId())) {
      throw new NotFoundException("no such room");
    }
    if (byRoom.get(membership.roomId()).containsKey(membership.userId())) {
      return false;
    }
    put(membership);
    return true;
  }

  @Override
  public synchronized boolean removeMember(RoomId room, UserId user) {
    LinkedHashMap<UserId, Membership> members = byRoom.get(room);
    if (members == null || members.remove(user) == null) {
      return false;
    }
    byUser.get(user).remove(room);
    return true;
  }

  @Override
  public synchronized Optional<Membership> membership(RoomId room, UserId user) {
    return Optional.ofNullable(byRoom.getOrDefault(room, new LinkedHashMap<>()).get(user));
  }

  @Override
  public synchronized List<Membership> members(RoomId room) {
    return List.copyOf(byRoom.getOrDefault(room, new LinkedHashMap<>()).values());
  }

  @Override
  public synchronized List<Membership> membershipsOf(UserId user) {
    return List.copyOf(byUser.getOrDefault(user, new LinkedHashMap<>()).values());
  }

  @Override
  public synchronized boolean advanceReadMarker(RoomId room, UserId user, long seq) {
    Optional<Membership> current = membership(room, user);
    if (current.isEmpty() || current.get().lastReadSeq() >= seq) {
      return false;
    }
    Membership m = current.get();
    // Replacing an existing key's value keeps its place in a LinkedHashMap: joining order stays.
    put(new Membership(m.roomId(), m.userId(), m.role(), m.joinedAt(), seq));
    return true;
  }

  private void put(Membership m) {
    byRoom.get(m.roomId()).put(m.userId(), m);
    byUser.computeIfAbsent(m.userId(), u -> new LinkedHashMap<>()).put(m.roomId(), m);
  }
}
