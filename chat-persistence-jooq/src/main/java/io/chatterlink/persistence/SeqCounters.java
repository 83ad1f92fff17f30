package io.chatterlink.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rooms' seq counters during one group's transaction: each room's stored counter read once per
 * group (a primary-key lookup with one prepared statement), counted in memory, and every moved
 * counter written back as one JDBC batch of one prepared upsert. The unique (room, seq) keys of the
 * log are what make a wrong count impossible to store.
 */
final class SeqCounters {
  private final MessageWriteStatements statements;
  private final Map<String, Long> lastSeqByRoom = new HashMap<>();
  private final Map<String, Long> unwritten = new LinkedHashMap<>();

  SeqCounters(MessageWriteStatements statements) {
    this.statements = statements;
  }

  /** The room's next seq, counted from the stored counter and this group's earlier entries. */
  long next(String room) throws SQLException {
    Long last = lastSeqByRoom.get(room);
    long next = (last != null ? last : stored(room)) + 1;
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

  private long stored(String room) throws SQLException {
    PreparedStatement select = statements.prepared(statements.sql().lastSeq);
    select.setString(1, room);
    try (ResultSet row = select.executeQuery()) {
      return row.next() ? row.getLong(1) : 0L;
    }
  }
}
