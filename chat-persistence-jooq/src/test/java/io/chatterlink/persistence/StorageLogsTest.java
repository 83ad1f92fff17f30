package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.User;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With every logger at DEBUG (jOOQ would print SQL with its bind values there) and Flyway's at
 * TRACE (its DEBUG lines, with its URL, arrive one level lower: see {@code FlywayLogs}), opening
 * storage and writing through it logs neither the database password nor a message body.
 */
class StorageLogsTest {
  private static final String PASSWORD = "hunter2-database-password";
  private static final String BODY = "body-token-that-must-not-be-logged";

  @TempDir Path folder;
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Level levelBefore;

  @BeforeEach
  void recordEverything() {
    levelBefore = root.getLevel();
    root.setLevel(Level.DEBUG);
    ((Logger) LoggerFactory.getLogger("org.jooq")).setLevel(Level.DEBUG);
    ((Logger) LoggerFactory.getLogger("org.flywaydb")).setLevel(Level.TRACE);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void restoreLogging() {
    root.detachAppender(logs);
    root.setLevel(levelBefore);
    ((Logger) LoggerFactory.getLogger("org.jooq")).setLevel(Level.ERROR);
    ((Logger) LoggerFactory.getLogger("org.flywaydb")).setLevel(null);
  }

  @Test
  void sqliteWritesLogNoMessageBody() {
    writeThrough("jdbc:sqlite:" + folder.resolve("chat.db"));

    assertThat(everythingLogged()).isNotEmpty().doesNotContain(BODY);
  }

  @Test
  void postgresUrlsOfEitherFormLogNoPasswordAndWritesNoBody() {
    URI fresh = URI.create(EmbeddedPostgresServer.freshDatabaseUrl());
    writeThrough(
        "postgresql://postgres:" + PASSWORD + "@localhost:" + fresh.getPort() + fresh.getPath());
    URI other = URI.create(EmbeddedPostgresServer.freshDatabaseUrl());
    writeThrough(
        "jdbc:postgresql://localhost:"
            + other.getPort()
            + other.getPath()
            + "?user=postgres&password="
            + PASSWORD);

    assertThat(everythingLogged()).isNotEmpty().doesNotContain(PASSWORD).doesNotContain(BODY);
  }

  private void writeThrough(String url) {
    try (JooqStorage storage = JooqStorage.open(StorageSettings.of(url))) {
      StorageFixtures fixtures = new StorageFixtures(storage);
      User alice = fixtures.user("alice");
      RoomId room = fixtures.room();
      NewMessage message =
          new NewMessage(
              fixtures.newMessageId(),
              room,
              alice.id(),
              new ClientMessageId("c-1"),
              new EncryptedBody(BODY),
              List.of(),
              Optional.empty(),
              StorageFixtures.T0);
      storage.messages().append(message);
      storage
          .messages()
          .edit(message.id(), new EncryptedBody(BODY + "-edited"), StorageFixtures.T0);
      storage.messages().page(room, PageRequest.latest(10));
    }
  }

  private String everythingLogged() {
    return logs.list.stream()
        .map(
            e ->
                e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .collect(Collectors.joining("\n"));
  }
}
