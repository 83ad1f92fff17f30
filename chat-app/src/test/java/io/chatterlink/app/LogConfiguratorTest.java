package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The server's logging, as set up in code instead of logback.xml. */
class LogConfiguratorTest {
  private final LoggerContext context = new LoggerContext();

  @Test
  void logbackFindsTheConfiguratorAsAService() {
    assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class))
        .anyMatch(LogConfigurator.class::isInstance);
  }

  @Test
  void ourLoggersAreAtInfoAndTheLibrariesAtWarn() {
    LogConfigurator.apply(context);

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("io.chatterlink.app.ChatServer").getEffectiveLevel())
        .isEqualTo(Level.INFO);
    for (String library : LogConfigurator.QUIET_LIBRARIES) {
      assertThat(context.getLogger(library + ".Anything").getEffectiveLevel())
          .as(library)
          .isEqualTo(Level.WARN);
    }
    assertThat(context.getLogger("org.jooq.Constants").isInfoEnabled()).isFalse();
  }

  @Test
  void eachEventIsOneKeyValueLineOnStandardError() {
    LogConfigurator.apply(context);
    Logger logger = context.getLogger("io.chatterlink.app.ChatServer");
    ConsoleAppender<?> console =
        (ConsoleAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console");
    PatternLayoutEncoder encoder = (PatternLayoutEncoder) console.getEncoder();
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.INFO,
            "event=server_started port={}",
            null,
            new Object[] {8080});
    event.setThreadName("main");
    event.setTimeStamp(0);

    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertThat(console.isStarted()).isTrue();
    assertThat(console.getTarget()).isEqualTo("System.err");
    assertThat(line)
        .isEqualTo(
            "ts=1970-01-01 00:00:00,000 level=INFO logger=io.chatterlink.app.ChatServer"
                + " thread=main event=server_started port=8080"
                + System.lineSeparator());
  }

  @Test
  void javaUtilLoggingLevelsFollowLogbacks() {
    LogConfigurator.apply(context);

    assertThat(context.getCopyOfListenerList())
        .singleElement()
        .isInstanceOfSatisfying(
            LevelChangePropagator.class, propagator -> assertThat(propagator.isStarted()).isTrue());
  }

  @Test
  void aConfigurationFileGivenByPropertyOrOnATestClassPathTakesPrecedence() throws Exception {
    try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
      assertThat(LogConfigurator.operatorFileGiven(null, bare)).isFalse();
      assertThat(LogConfigurator.operatorFileGiven("/etc/chatterlink/logback.xml", bare)).isTrue();
    }
    // This module's test resources hold a logback-test.xml.
    assertThat(LogConfigurator.operatorFileGiven(null, getClass().getClassLoader())).isTrue();
  }
}
