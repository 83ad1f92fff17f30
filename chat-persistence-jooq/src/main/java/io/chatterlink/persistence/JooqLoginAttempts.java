package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.LOGIN_FAILURES;
import static io.chatterlink.persistence.internal.schema.Tables.TRUSTED_DEVICES;

import io.chatterlink.core.port.out.LoginAttempts;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep2;
import org.jooq.impl.DSL;

/**
 * The login throttle's memory in the {@code login_failures} and {@code trusted_devices} tables
 * (migration V4), so that every server process on the database counts the same failures. Logins are
 * rare next to messages, so plain statements on the shared pools suffice.
 */
final class JooqLoginAttempts implements LoginAttempts {
  private final DSLContext read;
  private final DSLContext write;

  JooqLoginAttempts(DSLContext read, DSLContext write) {
    this.read = read;
    this.write = write;
  }

  @Override
  public void recordFailure(Set<String> keys, Instant at) {
    keys.forEach(JooqLoginAttempts::requireKey);
    if (keys.isEmpty()) {
      return;
    }
    long nanos = Instants.toNanos(at);
    Storage.guardRun(
        "recording a failed login",
        () -> {
          InsertValuesStep2<?, String, Long> insert =
              write.insertInto(
                  LOGIN_FAILURES, LOGIN_FAILURES.THROTTLE_KEY, LOGIN_FAILURES.FAILED_AT);
          for (String key : keys) {
            insert = insert.values(key, nanos);
          }
          insert.execute();
        });
  }

  @Override
  public List<Instant> recentFailures(String key, Instant since, int limit) {
    requireKey(key);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    return Storage.guard(
        "reading failed logins",
        () ->
            read.select(LOGIN_FAILURES.FAILED_AT)
                .from(LOGIN_FAILURES)
                .where(LOGIN_FAILURES.THROTTLE_KEY.eq(key))
                .and(LOGIN_FAILURES.FAILED_AT.ge(Instants.toNanos(since)))
                .orderBy(LOGIN_FAILURES.FAILED_AT.desc())
                .limit(limit)
                .fetch(row -> Instants.fromNanos(row.value1())));
  }

  @Override
  public void clearFailures(String key) {
    requireKey(key);
    Storage.guardRun(
        "clearing failed logins",
        () ->
            write.deleteFrom(LOGIN_FAILURES).where(LOGIN_FAILURES.THROTTLE_KEY.eq(key)).execute());
  }

  @Override
  public void trustDevice(String account, String device, Instant expiresAt) {
    requireKey(account);
    requireKey(device);
    long expires = Instants.toNanos(expiresAt);
    Storage.guardRun(
        "trusting a device",
        () ->
            write
                .insertInto(TRUSTED_DEVICES)
                .set(TRUSTED_DEVICES.DEVICE, device)
                .set(TRUSTED_DEVICES.ACCOUNT, account)
                .set(TRUSTED_DEVICES.EXPIRES_AT, expires)
                .onConflict(TRUSTED_DEVICES.DEVICE, TRUSTED_DEVICES.ACCOUNT)
                .doUpdate()
                .set(TRUSTED_DEVICES.EXPIRES_AT, expires)
                .execute());
  }

  @Override
  public boolean isTrusted(String account, String device, Instant now) {
    requireKey(account);
    requireKey(device);
    return Storage.guard(
        "reading trusted devices",
        () ->
            read.fetchExists(
                DSL.selectOne()
                    .from(TRUSTED_DEVICES)
                    .where(TRUSTED_DEVICES.DEVICE.eq(device))
                    .and(TRUSTED_DEVICES.ACCOUNT.eq(account))
                    .and(TRUSTED_DEVICES.EXPIRES_AT.gt(Instants.toNanos(now)))));
  }

  @Override
  public int prune(Instant failedBefore, Instant now) {
    return Storage.guard(
        "pruning the login throttle",
        () ->
            write
                    .deleteFrom(LOGIN_FAILURES)
                    .where(LOGIN_FAILURES.FAILED_AT.lt(Instants.toNanos(failedBefore)))
                    .execute()
                + write
                    .deleteFrom(TRUSTED_DEVICES)
                    .where(TRUSTED_DEVICES.EXPIRES_AT.le(Instants.toNanos(now)))
                    .execute());
  }

  private static void requireKey(String key) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "a login throttle key is 1 to " + MAX_KEY_LENGTH + " characters, not blank");
    }
  }
}
