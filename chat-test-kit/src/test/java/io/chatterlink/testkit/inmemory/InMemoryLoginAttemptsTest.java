package io.chatterlink.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.port.out.LoginAttempts;
import io.chatterlink.testkit.contract.LoginAttemptsContract;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryLoginAttemptsTest extends LoginAttemptsContract {
  private LoginAttempts last;

  @Override
  protected LoginAttempts newLoginAttempts() {
    last = InMemoryAdapters.create().loginAttempts();
    return last;
  }

  /** In memory, "the same database" is the same instance. */
  @Override
  protected LoginAttempts sameDatabaseAgain() {
    return last;
  }

  @Test
  void memoryStaysBoundedUnderAFloodOfKeysAndTheNewestAreKept() {
    for (int i = 0; i <= InMemoryLoginAttempts.MAX_KEYS; i++) {
      attempts.recordFailure(Set.of("address:" + i), T0);
    }

    assertThat(attempts.recentFailures("address:0", T0, 1)).isEmpty();
    assertThat(attempts.recentFailures("address:" + InMemoryLoginAttempts.MAX_KEYS, T0, 1))
        .containsExactly(T0);
  }
}
