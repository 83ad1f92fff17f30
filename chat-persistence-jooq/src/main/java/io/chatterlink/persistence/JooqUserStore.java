package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.USERS;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.model.User;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.Username;
import io.chatterlink.core.port.out.UserStore;
import io.chatterlink.persistence.internal.schema.tables.records.UsersRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Accounts in the {@code users} table; the canonical username is unique by constraint. {@link
 * #findById} runs for every authenticated request, so its SQL is rendered once ({@link JdbcReads}).
 */
final class JooqUserStore implements UserStore {
  /** Ids per query of {@link #lastSeen}. */
  private static final int LAST_SEEN_BATCH = 500;

  private final DSLContext read;
  private final DSLContext write;
  private final JdbcReads reads;

  /** Values: id. Columns: id, username, display_name, password_hash, created_at. */
  final RenderedSql findById;

  JooqUserStore(DSLContext read, DSLContext write) {
    this.read = read;
    this.write = write;
    this.reads = new JdbcReads(read);
    this.findById =
        reads.sql(
            () ->
                read.select(
                        USERS.ID,
                        USERS.USERNAME,
                        USERS.DISPLAY_NAME,
                        USERS.PASSWORD_HASH,
                        USERS.CREATED_AT)
                    .from(USERS)
                    .where(USERS.ID.eq((String) null)));
  }

  @Override
  public void insert(User user) {
    int inserted =
        Storage.guard(
            "storing the user",
            () ->
                write
                    .insertInto(USERS)
                    .set(USERS.ID, user.id().value())
                    .set(USERS.USERNAME, user.username().display())
                    .set(USERS.CANONICAL_USERNAME, user.username().canonical())
                    .set(USERS.DISPLAY_NAME, user.displayName())
                    .set(USERS.PASSWORD_HASH, user.passwordHash().encoded())
                    .set(USERS.CREATED_AT, Instants.toNanos(user.createdAt()))
                    .onConflictDoNothing()
                    .execute());
    if (inserted == 0) {
      throw new ConflictException("that username is taken");
    }
  }

  @Override
  public Optional<User> findById(UserId id) {
    return Storage.guard(
        "reading the user", () -> reads.one(findById, JooqUserStore::toUser, id.value()));
  }

  @Override
  public Optional<User> findByUsername(Username username) {
    return Storage.guard(
        "reading the user",
        () ->
            read.selectFrom(USERS)
                .where(USERS.CANONICAL_USERNAME.eq(username.canonical()))
                .fetchOptional()
                .map(JooqUserStore::toUser));
  }

  @Override
  public void updatePasswordHash(UserId id, PasswordHash hash) {
    int updated =
        Storage.guard(
            "updating the password",
            () ->
                write
                    .update(USERS)
                    .set(USERS.PASSWORD_HASH, hash.encoded())
                    .where(USERS.ID.eq(id.value()))
                    .execute());
    if (updated == 0) {
      throw new NotFoundException("no such user");
    }
  }

  /** Compares the first code points, not LIKE: {@code _} is a legal username character. */
  @Override
  public List<User> searchByPrefix(String canonicalPrefix, int limit) {
    Limit.requirePositive(limit);
    int length = canonicalPrefix.codePointCount(0, canonicalPrefix.length());
    return Storage.guard(
        "searching users",
        () ->
            read.selectFrom(USERS)
                .where(USERS.CANONICAL_USERNAME.ge(canonicalPrefix))
                .and(DSL.substring(USERS.CANONICAL_USERNAME, 1, length).eq(canonicalPrefix))
                .orderBy(Collations.binary(USERS.CANONICAL_USERNAME, read.dialect()))
                .limit(limit)
                .fetch(JooqUserStore::toUser));
  }

  @Override
  public void recordLastSeen(UserId id, Instant at) {
    Storage.guard(
        "recording when the user was last seen",
        () ->
            write
                .update(USERS)
                .set(USERS.LAST_SEEN_AT, Instants.toNanos(at))
                .where(USERS.ID.eq(id.value()))
                .execute());
  }

  /** Asks in batches, to stay below the databases' limits on bound parameters. */
  @Override
  public Map<UserId, Instant> lastSeen(Collection<UserId> ids) {
    List<String> wanted = ids.stream().map(UserId::value).distinct().toList();
    Map<UserId, Instant> found = new HashMap<>();
    for (int from = 0; from < wanted.size(); from += LAST_SEEN_BATCH) {
      List<String> batch = wanted.subList(from, Math.min(wanted.size(), from + LAST_SEEN_BATCH));
      Storage.guard(
              "reading when users were last seen",
              () ->
                  read.select(USERS.ID, USERS.LAST_SEEN_AT)
                      .from(USERS)
                      .where(USERS.ID.in(batch))
                      .and(USERS.LAST_SEEN_AT.isNotNull())
                      .fetch())
          .forEach(row -> found.put(new UserId(row.value1()), Instants.fromNanos(row.value2())));
    }
    return Map.copyOf(found);
  }

  private static User toUser(ResultSet row) throws SQLException {
    return new User(
        new UserId(row.getString(1)),
        Username.of(row.getString(2)),
        row.getString(3),
        new PasswordHash(row.getString(4)),
        Instants.fromNanos(row.getLong(5)));
  }

  private static User toUser(UsersRecord row) {
    return new User(
        new UserId(row.getId()),
        Username.of(row.getUsername()),
        row.getDisplayName(),
        new PasswordHash(row.getPasswordHash()),
        Instants.fromNanos(row.getCreatedAt()));
  }
}
