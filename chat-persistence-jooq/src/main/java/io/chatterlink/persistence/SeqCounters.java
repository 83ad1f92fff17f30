package io.chatterlink.persistence;

import static io.chatterlink.persistence.schema.Tables.ROOM_SEQS;

import io.chatterlink.persistence.schema.tables.records.RoomSeqsRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep2;
import org.jooq.impl.DSL;

/**
 * The rooms' seq counters during one group's transaction: read once per group (one query for every
 * room the group announced), counted in memory, written back with one statement. The unique (room,
 * seq) keys of the log are what make a wrong count impossible to store.
 */
final class SeqCounters {
  private final DSLContext dsl;
  private final Set<String> announcedRooms = new LinkedHashSet<>();
  private final Map<String, Long> lastSeqByRoom = new HashMap<>();
  private final Map<String, Long> unwritten = new LinkedHashMap<>();
  private boolean announcedRead;

  SeqCounters(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A room the group will post to, so that its counter is read with the others. */
  void announce(String room) {
    announcedRooms.add(room);
  }

  /** The room's next seq, counted from the stored counter and this group's earlier entries. */
  long next(String room) {
    if (!lastSeqByRoom.containsKey(room)) {
      if (announcedRooms.contains(room) && !announcedRead) {
        readAnnounced();
      }
      lastSeqByRoom.computeIfAbsent(room, this::stored);
    }
    long next = lastSeqByRoom.get(room) + 1;
    lastSeqByRoom.put(room, next);
    unwritten.put(room, next);
    return next;
  }

  /** Stores every counter this group moved, in one statement. */
  void write() {
    if (unwritten.isEmpty()) {
      return;
    }
    InsertValuesStep2<RoomSeqsRecord, String, Long> insert =
        dsl.insertInto(ROOM_SEQS, ROOM_SEQS.ROOM_ID, ROOM_SEQS.LAST_SEQ);
    for (Map.Entry<String, Long> counter : unwritten.entrySet()) {
      insert = insert.values(counter.getKey(), counter.getValue());
    }
    insert
        .onConflict(ROOM_SEQS.ROOM_ID)
        .doUpdate()
        .set(ROOM_SEQS.LAST_SEQ, DSL.excluded(ROOM_SEQS.LAST_SEQ))
        .execute();
    unwritten.clear();
  }

  private void readAnnounced() {
    announcedRead = true;
    Map<String, Long> stored = new HashMap<>();
    dsl.select(ROOM_SEQS.ROOM_ID, ROOM_SEQS.LAST_SEQ)
        .from(ROOM_SEQS)
        .where(ROOM_SEQS.ROOM_ID.in(announcedRooms))
        .forEach(row -> stored.put(row.value1(), row.value2()));
    for (String room : announcedRooms) {
      // A counter this group already moved is newer than the stored one.
      lastSeqByRoom.putIfAbsent(room, stored.getOrDefault(room, 0L));
    }
  }

  private long stored(String room) {
    return dsl.select(ROOM_SEQS.LAST_SEQ)
        .from(ROOM_SEQS)
        .where(ROOM_SEQS.ROOM_ID.eq(room))
        .fetchOptional(ROOM_SEQS.LAST_SEQ)
        .orElse(0L);
  }
}
