package io.chatterlink.persistence;

/**
 * How much a committed write survives on SQLite. Every mode survives a crash of the process (the
 * JVM killed, even with SIGKILL): a message acknowledged is a message stored. The modes differ only
 * when the whole machine loses power or the kernel crashes. On PostgreSQL the server's own settings
 * decide (its default, {@code synchronous_commit=on}, is power-loss durable) and this setting is
 * ignored.
 */
public enum Durability {
  /**
   * SQLite {@code synchronous=NORMAL} in WAL mode, the default: survives a process crash; after a
   * power loss the database is intact but the last transactions committed before it may be gone.
   */
  NORMAL,
  /**
   * SQLite {@code synchronous=FULL}: every commit is synced to disk before it is acknowledged, so
   * it also survives a power loss, at the cost of one fsync per commit (group commit amortises it).
   */
  FULL
}
