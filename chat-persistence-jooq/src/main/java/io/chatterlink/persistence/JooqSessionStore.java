package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.SESSIONS;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.model.Session;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.SessionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Login sessions in the {@code sessions} table, keyed by the digest of their token. {@link #find}
 * runs for every authenticated HTTP request and WebSocket handshake, so its SQL is rendered once
 * ({@link JdbcReads}).
 */
final class JooqSessionStore implements SessionStore {
  /**
   * Ids bound in one query of {@link #findAll}: well under the bind-parameter limits of SQLite
   * (32,766) and PostgreSQL (65,535), and few queries for the sockets of one node.
   */
  static final int IDS_PER_QUERY = 500;

  private final JdbcReads reads;
  private final DSLContext read;
  private final DSLContext write;

  /** Values: id. Columns: id, user_id, created_at, last_seen_at. */
  final RenderedSql findById;

  JooqSessionStore(DSLContext read, DSLContext write) {
    this.reads = new JdbcReads(read);
    this.read = read;
    this.write = write;
    this.findById =
        reads.sql(
            () ->
                read.select(
                        SESSIONS.ID, SESSIONS.USER_ID, SESSIONS.CREATED_AT, SESSIONS.LAST_SEEN_AT)
                    .from(SESSIONS)
                    .where(SESSIONS.ID.eq((String) null)));
  }

  @Override
  public void insert(Session session) {
    int inserted =
        Storage.guard(
            "storing the session",
            () ->
                write
                    .insertInto(SESSIONS)
                    .set(SESSIONS.ID, session.id().value())
                    .set(SESSIONS.USER_ID, session.userId().value())
                    .set(SESSIONS.CREATED_AT, Instants.toNanos(session.createdAt()))
                    .set(SESSIONS.LAST_SEEN_AT, Instants.toNanos(session.lastSeenAt()))
                    .onConflictDoNothing()
                    .execute());
    if (inserted == 0) {
      throw new ConflictException("session id is taken");
    }
  }

  @Override
  public Optional<Session> find(SessionId id) {
    return Storage.guard(
        "reading the session", () -> reads.one(findById, JooqSessionStore::toSession, id.value()));
  }

  @Override
  public List<Session> findAll(Set<SessionId> ids) {
    List<String> values = ids.stream().map(SessionId::value).sorted().toList();
    List<Session> found = new ArrayList<>(values.size());
    for (int from = 0; from < values.size(); from += IDS_PER_QUERY) {
      List<String> chunk = values.subList(from, Math.min(values.size(), from + IDS_PER_QUERY));
      found.addAll(
          Storage.guard(
              "reading sessions",
              () ->
                  read.select(
                          SESSIONS.ID, SESSIONS.USER_ID, SESSIONS.CREATED_AT, SESSIONS.LAST_SEEN_AT)
                      .from(SESSIONS)
                      .where(SESSIONS.ID.in(chunk))
                      .fetch(
                          row ->
                              new Session(
                                  new SessionId(row.value1()),
                                  new UserId(row.value2()),
                                  Instants.fromNanos(row.value3()),
                                  Instants.fromNanos(row.value4())))));
    }
    return List.copyOf(found);
  }

  @Override
  public void touch(SessionId id, Instant lastSeenAt) {
    Storage.guardRun(
        "recording session use",
        () ->
            write
                .update(SESSIONS)
                .set(SESSIONS.LAST_SEEN_AT, Instants.toNanos(lastSeenAt))
                .where(SESSIONS.ID.eq(id.value()))
                .execute());
  }

  @Override
  public boolean delete(SessionId id) {
    return Storage.guard(
        "deleting the session",
        () -> write.deleteFrom(SESSIONS).where(SESSIONS.ID.eq(id.value())).execute() > 0);
  }

  @Override
  public List<SessionId> deleteAllOf(UserId user) {
    return Storage.guard(
        "deleting the user's sessions",
        () ->
            write.transactionResult(
                tx -> {
                  List<SessionId> ids =
                      tx.dsl()
                          .select(SESSIONS.ID)
                          .from(SESSIONS)
                          .where(SESSIONS.USER_ID.eq(user.value()))
                          .orderBy(SESSIONS.ID)
                          .fetch(row -> new SessionId(row.value1()));
                  tx.dsl().deleteFrom(SESSIONS).where(SESSIONS.USER_ID.eq(user.value())).execute();
                  return ids;
                }));
  }

  private static Session toSession(ResultSet row) throws SQLException {
    return new Session(
        new SessionId(row.getString(1)),
        new UserId(row.getString(2)),
        Instants.fromNanos(row.getLong(3)),
        Instants.fromNanos(row.getLong(4)));
  }
}
