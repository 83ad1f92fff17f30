package io.chatterlink.persistence.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * Where Flyway logs while it migrates ChatterLink's schema: to the JDK's {@link System.Logger} of
 * the same name as Flyway's own, one level lower, so that an embedder's first start is quiet.
 * Flyway's INFO lines (the database, each migration applied) become DEBUG, its DEBUG lines TRACE;
 * warnings and errors stay what they are.
 *
 * <p>Without a binding of its own Flyway would print those INFO lines on standard error through
 * java.util.logging (it does not log through SLF4J unless SLF4J has a provider). Flyway
 * instantiates this class by name ({@code Flyway.configure().loggers(...)}), hence public. Flyway
 * keeps its log setting process-wide ({@link LogFactory}): a Flyway configured afterwards by the
 * embedder logs as that one is configured.
 *
 * <p>Not API.
 */
public final class FlywayLogs implements LogCreator {
  /** Called by Flyway. */
  public FlywayLogs() {}

  @Override
  public Log createLogger(Class<?> type) {
    return new LowerLevel(System.getLogger(type.getName()));
  }

  /** Flyway's levels, one lower. */
  private record LowerLevel(Logger logger) implements Log {
    @Override
    public boolean isDebugEnabled() {
      return logger.isLoggable(Level.TRACE);
    }

    @Override
    public void debug(String message) {
      logger.log(Level.TRACE, message);
    }

    @Override
    public void info(String message) {
      logger.log(Level.DEBUG, message);
    }

    @Override
    public void notice(String message) {
      logger.log(Level.DEBUG, message);
    }

    @Override
    public void warn(String message) {
      logger.log(Level.WARNING, message);
    }

    @Override
    public void error(String message) {
      logger.log(Level.ERROR, message);
    }

    @Override
    public void error(String message, Exception cause) {
      logger.log(Level.ERROR, message, cause);
    }
  }
}
