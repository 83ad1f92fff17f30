package io.chatterlink.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.port.out.RateWindows;
import io.chatterlink.core.port.out.RateWindows.Admitted;
import io.chatterlink.testkit.contract.RateWindowsContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRateWindowsTest extends RateWindowsContract {
  private RateWindows last;

  @Override
  protected RateWindows newRateWindows() {
    last = InMemoryAdapters.create().rateWindows();
    return last;
  }

  /** In memory, "the same database" is the same instance. */
  @Override
  protected RateWindows sameDatabaseAgain() {
    return last;
  }

  @Test
  void memoryStaysBoundedUnderAFloodOfKeysAndTheNewestAreKept() {
    Duration hour = Duration.ofHours(1);
    for (int i = 0; i <= InMemoryRateWindows.MAX_KEYS; i++) {
      windows.acquire("address:" + i, 1, hour, T0);
    }

    assertThat(windows.acquire("address:0", 1, hour, T0)).isEqualTo(new Admitted(1));
    assertThat(windows.acquire("address:" + InMemoryRateWindows.MAX_KEYS, 1, hour, T0))
        .isInstanceOf(RateWindows.Refused.class);
  }
}
