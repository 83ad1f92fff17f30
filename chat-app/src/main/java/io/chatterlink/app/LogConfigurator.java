package io.chatterlink.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * The server's logging, set up in code: logback finds this class through {@code META-INF/services}
 * before it looks for XML. Reading an XML configuration costs a cold start about a tenth of a
 * second (an XML parser and some 300 classes of logback's configuration machinery).
 *
 * <p>One line per event on standard error, key=value: ts, level, logger, thread, then the event's
 * own keys (event=... and its details). Standard output belongs to the commands' results (export,
 * gen-key). Our code never logs message bodies, passwords, cookies, tokens or keys; the libraries
 * in {@link #QUIET_LIBRARIES} are kept at WARN so that they do not log requests either.
 *
 * <p>An operator's own file still wins: with {@code -Dlogback.configurationFile=...} (or a {@code
 * logback-test.xml} on the class path, as in tests) this class steps aside and logback reads that
 * file as usual.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  /** The layout of every line. */
  static final String PATTERN =
      "ts=%d{ISO8601,UTC} level=%level logger=%logger{36} thread=%thread %msg%n%ex";

  /** Libraries logged at WARN and above only. */
  static final List<String> QUIET_LIBRARIES =
      List.of(
          "org.jooq",
          "org.flywaydb",
          "io.undertow",
          "org.xnio",
          "org.jboss",
          "org.glassfish",
          "com.zaxxer");

  /** The system property through which logback takes a configuration file. */
  static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";

  /** The file logback prefers on a test class path. */
  static final String TEST_CONFIGURATION = "logback-test.xml";

  /** Instantiated by logback's service lookup. */
  public LogConfigurator() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (operatorFileGiven(
        System.getProperty(CONFIGURATION_FILE_PROPERTY), LogConfigurator.class.getClassLoader())) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** True when logback should read a file instead: one named by the property, or a test's. */
  static boolean operatorFileGiven(String configurationFileProperty, ClassLoader loader) {
    return configurationFileProperty != null || loader.getResource(TEST_CONFIGURATION) != null;
  }

  /** Sets up {@code context} as described above. */
  static void apply(LoggerContext context) {
    propagateLevelsToJul(context);
    ConsoleAppender<ILoggingEvent> console = standardErrorAppender(context);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    context.getLogger("io.chatterlink").setLevel(Level.INFO);
    for (String library : QUIET_LIBRARIES) {
      context.getLogger(library).setLevel(Level.WARN);
    }
  }

  /**
   * Keeps java.util.logging levels in step (Tyrus logs through it, bridged by {@link Main}), so
   * that bridged calls below our level cost nothing.
   */
  private static void propagateLevelsToJul(LoggerContext context) {
    LevelChangePropagator propagator = new LevelChangePropagator();
    propagator.setContext(context);
    propagator.setResetJUL(true);
    context.addListener(propagator);
    propagator.start();
  }

  private static ConsoleAppender<ILoggingEvent> standardErrorAppender(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    return console;
  }
}
