package io.chatterlink.persistence;

import static io.chatterlink.persistence.schema.Tables.SESSIONS;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.model.Session;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.SessionStore;
import io.chatterlink.persistence.schema.tables.records.SessionsRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Login sessions in the {@code sessions} table, keyed by the digest of their token. */
final class JooqSessionStore implements SessionStore {
  private final DSLContext read;
  private final DSLContext write;

  JooqSessionStore(DSLContext read, DSLContext write) {
    this.read = read;
    this.write = write;
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
        "reading the session",
        () ->
            read.selectFrom(SESSIONS)
                .where(SESSIONS.ID.eq(id.value()))
                .fetchOptional()
                .map(JooqSessionStore::toSession));
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

  private static Session toSession(SessionsRecord row) {
    return new Session(
        new SessionId(row.getId()),
        new UserId(row.getUserId()),
        Instants.fromNanos(row.getCreatedAt()),
        Instants.fromNanos(row.getLastSeenAt()));
  }
}
