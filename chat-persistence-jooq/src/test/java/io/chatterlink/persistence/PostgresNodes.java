package io.chatterlink.persistence;

import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Several independent {@link JooqStorage} instances on one fresh database of the embedded
 * PostgreSQL server: what N server processes (nodes) of a cluster share. Each instance has its own
 * pools, group-commit writer and caches, exactly as a separate process would; only the database is
 * common. Closing closes them all.
 */
final class PostgresNodes implements AutoCloseable {
  private final String url;
  private final List<JooqStorage> nodes = new ArrayList<>();

  private PostgresNodes(String url) {
    this.url = url;
  }

  /** Opens {@code count} instances on a new database, one after the other (the first migrates). */
  static PostgresNodes open(int count) {
    PostgresNodes opened = new PostgresNodes(EmbeddedPostgresServer.freshDatabaseUrl());
    for (int i = 0; i < count; i++) {
      opened.nodes.add(JooqStorage.open(StorageSettings.of(opened.url)));
    }
    return opened;
  }

  JooqStorage node(int index) {
    return nodes.get(index);
  }

  int count() {
    return nodes.size();
  }

  /** Test data written through node {@code index}. */
  StorageFixtures fixtures(int index) {
    return new StorageFixtures(node(index));
  }

  /** A plain JDBC connection to the nodes' database, for what no port shows. */
  Connection jdbc() {
    DatabaseTarget target = DatabaseTarget.parse(StorageSettings.of(url));
    return ConnectionPool.open(target.writeUrl(), target.credentials());
  }

  /** Every entry of the room's log as node {@code index} reads it, resync batch by batch. */
  List<LogEntry> wholeLog(int index, RoomId room) {
    List<LogEntry> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<LogEntry> batch = node(index).messages().entriesAfter(room, after, 500);
      if (batch.isEmpty()) {
        return all;
      }
      all.addAll(batch);
      after = batch.get(batch.size() - 1).seq();
    }
  }

  @Override
  public void close() {
    for (JooqStorage node : nodes) {
      node.close();
    }
  }
}
