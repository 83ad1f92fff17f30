package io.chatterlink.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;

/**
 * The rooms' seq counters during one group's transaction. Each room's counter row is read once per
 * group and <em>locked</em> until the transaction ends ({@link MessageWriteSql#lockLastSeq}), then
 * counted in memory, and every moved counter is written back as one JDBC batch of one prepared
 * upsert.
 *
 * <p>The lock is what makes seqs right when several processes (nodes) write to one database: a
 * second writer to the room waits at the lock until the first commits, then reads the counter it
 * committed. So two writers never assign the same seq, and each room's seqs are committed in seq
 * order. The writer locks the rooms of a group's appends first, in sorted order ({@link
 * #lockInOrder}), so that two nodes' groups wait for each other in one direction only and never
 * deadlock; an edit or delete locks its room when it comes (a deadlock there is possible but rare,
 * and the writer retries it). On SQLite the transaction's database write lock does all this (the
 * writer begins IMMEDIATE). The unique (room, seq) keys of the log stay the last guard.
 */
final class SeqCounters {
  private final MessageWriteStatements statements;
  private final Map<String, Long> lastSeqByRoom = new HashMap<>();
  private final Map<String, Long> unwritten = new LinkedHashMap<>();

  SeqCounters(MessageWriteStatements statements) {
    this.statements = statements;
  }

  /** Locks the counters of {@code rooms}, in their order, for the rest of the transaction. */
  void lockInOrder(SortedSet<String> rooms) throws SQLException {
    for (String room : rooms) {
      lock(room);
    }
  }

  /**
   * Locks the room's counter for the rest of the transaction, if this group has not yet; waits
   * while another transaction holds it.
   */
  void lock(String room) throws SQLException {
    if (!lastSeqByRoom.containsKey(room)) {
      lastSeqByRoom.put(room, lockedCounter(room));
    }
  }

  /** The room's next seq, counted from the locked counter and this group's earlier entries. */
  long next(String room) throws SQLException {
    lock(room);
    long next = lastSeqByRoom.get(room) + 1;
    lastSeqByRoom.put(room, next);
    unwritten.put(room, next);
    return next;
  }

  /** Stores every counter this group moved since the last write, in one batch. */
  void write() throws SQLException {
    if (unwritten.isEmpty()) {
      return;
    }
    PreparedStatement upsert = statements.prepared(statements.sql().storeLastSeq);
    upsert.clearBatch();
    for (Map.Entry<String, Long> counter : unwritten.entrySet()) {
      upsert.setString(1, counter.getKey());
      upsert.setLong(2, counter.getValue());
      upsert.addBatch();
    }
    upsert.executeBatch();
    unwritten.clear();
  }

  private long lockedCounter(String room) throws SQLException {
    PreparedStatement lock = statements.prepared(statements.sql().lockLastSeq);
    lock.setString(1, room);
    try (ResultSet row = lock.executeQuery()) {
      return row.next() ? row.getLong(1) : 0L;
    }
  }
}
