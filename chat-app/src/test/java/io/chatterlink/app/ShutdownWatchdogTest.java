package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The serve command's last resort against a shutdown that hangs. */
class ShutdownWatchdogTest {
  @Test
  void theProcessIsHaltedFifteenSecondsAfterTheGraceAtTheLatest() {
    assertThat(ShutdownWatchdog.limit(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(18));
    assertThat(ShutdownWatchdog.limit(Duration.ZERO))
        .isEqualTo(ChatServer.SHUTDOWN_OVERRUN.plus(ShutdownWatchdog.MARGIN));
  }

  @Test
  void anArmedWatchdogHaltsOnceItsLimitHasPassed() throws InterruptedException {
    CountDownLatch halted = new CountDownLatch(1);

    ShutdownWatchdog.arm(Duration.ofMillis(50), halted::countDown);

    assertThat(halted.await(30, TimeUnit.SECONDS)).isTrue();
  }
}
