package io.chatterlink.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real JDBC connection that counts its commits and can be told to refuse the next one, to test
 * what the group-commit writer does when a commit fails (a JDBC stand-in, not a fake of our ports).
 */
final class FaultyConnection {
  /** Commits that succeeded. */
  final AtomicInteger commits = new AtomicInteger();

  /** Commits attempted so far, refused or not. */
  final AtomicInteger attempts = new AtomicInteger();

  /** The attempt number (1-based) to refuse; 0 for none. */
  volatile int refuseAttempt;

  private final Supplier<Connection> opener;

  FaultyConnection(Supplier<Connection> opener) {
    this.opener = opener;
  }

  /** A new real connection behind the counting proxy, as the writer asks for one. */
  Connection connection() {
    Connection real = opener.get();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("commit")) {
                // Decided before the real commit: a refused commit leaves the transaction open.
                if (attempts.incrementAndGet() == refuseAttempt) {
                  throw new SQLException("disk full (simulated)");
                }
                Object result = invoke(real, method, args);
                commits.incrementAndGet();
                return result;
              }
              return invoke(real, method, args);
            });
  }

  private static Object invoke(Connection real, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(real, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
