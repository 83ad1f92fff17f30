package io.chatterlink.persistence;

import io.chatterlink.core.model.Membership;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The member lists of recently read rooms, so that a send, which reads its room's members to check
 * the sender and to address the recipients, does not query the database every time.
 *
 * <p>The {@link JooqRoomStore} that owns this cache runs each of its membership writes through
 * {@link #write}. While a room has a write in progress its list is neither served nor stored, and a
 * read that began before a write ended never stores what it read (each room's version moves at the
 * start and at the end of every write), so a stale list cannot be installed after the write. Writes
 * by other processes on the same database are announced by {@link #changedElsewhere}, which moves
 * the version the same way: until then this cache serves what it read before them.
 *
 * <p>Limits: at most {@value #MAX_ROOMS} rooms and {@value #MAX_MEMBERSHIPS} memberships in all;
 * past either, the least recently read rooms are dropped (rooms with a write in progress stay until
 * it ends). A room with more than {@value #MAX_MEMBERSHIPS} members is read from the database every
 * time. Thread-safe: one lock, held only for map updates, never during a query.
 */
final class RoomMembersCache {
  /** Most rooms whose member lists are kept. */
  static final int MAX_ROOMS = 1_024;

  /** Most memberships kept, counted over every cached room (about 200 bytes each). */
  static final int MAX_MEMBERSHIPS = 65_536;

  /** One room's cached list (null if none), its version, and its writes in progress. */
  private static final class Slot {
    List<Membership> members;
    long version;
    int writesInProgress;
  }

  private final int maxRooms;
  private final int maxMemberships;
  // Access order: iteration starts at the least recently read room.
  private final LinkedHashMap<String, Slot> slots = new LinkedHashMap<>(16, 0.75f, true);
  private int cachedMemberships;

  RoomMembersCache() {
    this(MAX_ROOMS, MAX_MEMBERSHIPS);
  }

  /** With other limits, for tests of the bounds. */
  RoomMembersCache(int maxRooms, int maxMemberships) {
    this.maxRooms = maxRooms;
    this.maxMemberships = maxMemberships;
  }

  /**
   * The room's members: the cached list, or else what {@code load} reads from the database, stored
   * unless a write to the room began or ended meanwhile.
   */
  List<Membership> members(String room, Supplier<List<Membership>> load) {
    Slot slot;
    long version;
    synchronized (this) {
      slot = slots.get(room);
      if (slot == null) {
        slot = new Slot();
        slots.put(room, slot);
        dropOverLimits();
      } else if (slot.members != null && slot.writesInProgress == 0) {
        return slot.members;
      }
      version = slot.version;
    }
    List<Membership> loaded = List.copyOf(load.get());
    synchronized (this) {
      boolean unchanged =
          slots.get(room) == slot && slot.version == version && slot.writesInProgress == 0;
      if (unchanged && slot.members == null && loaded.size() <= maxMemberships) {
        slot.members = loaded;
        cachedMemberships += loaded.size();
        dropOverLimits();
      }
    }
    return loaded;
  }

  /**
   * The room's cached list, if it has one and no write to it is in progress: then it is the list as
   * it is in the database. Never queries; a room without a list stays without one.
   */
  synchronized Optional<List<Membership>> cached(String room) {
    Slot slot = slots.get(room);
    return slot != null && slot.members != null && slot.writesInProgress == 0
        ? Optional.of(slot.members)
        : Optional.empty();
  }

  /**
   * Runs a write that changes who is in the room (or their roles); the room's cached list is
   * dropped once it ends, whether it succeeded or not.
   */
  <T> T write(String room, Supplier<T> write) {
    return write(room, write, (result, cached) -> null);
  }

  /**
   * Runs a write to the room's memberships; once it ended successfully, {@code update} turns its
   * result and the cached list (if any) into the list as it now is in the database, or returns null
   * to drop it. If the write throws, the list is dropped.
   */
  <T> T write(
      String room, Supplier<T> write, BiFunction<T, List<Membership>, List<Membership>> update) {
    Slot slot = beginWrite(room);
    UnaryOperator<List<Membership>> after = cached -> null;
    try {
      T result = write.get();
      after = cached -> update.apply(result, cached);
      return result;
    } finally {
      endWrite(slot, after);
    }
  }

  /**
   * Another process changed (or may have changed) the room's members: drops the room's list, and a
   * read that began before this call does not store what it read (it may predate that change).
   */
  synchronized void changedElsewhere(String room) {
    Slot slot = slots.get(room);
    if (slot == null) {
      return; // no list and no read under way (a read under way has a slot)
    }
    slot.version++;
    if (slot.members != null) {
      cachedMemberships -= slot.members.size();
      slot.members = null;
    }
  }

  private synchronized Slot beginWrite(String room) {
    Slot slot = slots.get(room);
    if (slot == null) {
      slot = new Slot();
      slots.put(room, slot);
    }
    slot.writesInProgress++;
    slot.version++;
    return slot;
  }

  private synchronized void endWrite(Slot slot, UnaryOperator<List<Membership>> update) {
    // A slot with a write in progress is never dropped, so it is still the room's.
    slot.writesInProgress--;
    slot.version++;
    if (slot.members != null) {
      cachedMemberships -= slot.members.size();
      slot.members = update.apply(slot.members);
      if (slot.members != null) {
        cachedMemberships += slot.members.size();
      }
    }
    dropOverLimits();
  }

  private void dropOverLimits() {
    Iterator<Map.Entry<String, Slot>> oldestFirst = slots.entrySet().iterator();
    while ((slots.size() > maxRooms || cachedMemberships > maxMemberships)
        && oldestFirst.hasNext()) {
      Slot slot = oldestFirst.next().getValue();
      if (slot.writesInProgress == 0) {
        if (slot.members != null) {
          cachedMemberships -= slot.members.size();
        }
        oldestFirst.remove();
      }
    }
  }

  /** Rooms with a cached list (for tests of the bounds). */
  synchronized int cachedRooms() {
    return (int) slots.values().stream().filter(slot -> slot.members != null).count();
  }

  /** Memberships cached in all (for tests of the bounds). */
  synchronized int cachedMemberships() {
    return cachedMemberships;
  }
}
