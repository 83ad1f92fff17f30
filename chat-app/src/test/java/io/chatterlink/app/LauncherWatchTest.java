package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A child JVM watches the launcher that started it, and only that one. */
class LauncherWatchTest {
  private final ProcessHandle self = ProcessHandle.current();

  @Test
  void aJvmNotStartedByTheLauncherWatchesNothing() {
    assertThat(LauncherWatch.launcherExit(null, self)).isEmpty();
    assertThat(LauncherWatch.launcherExit("not a pid", self)).isEmpty();
  }

  @Test
  void theLaunchersExitIsAwaitedWhileItIsThisProcesssParent() {
    long parent = self.parent().orElseThrow().pid();

    assertThat(LauncherWatch.launcherExit(Long.toString(parent), self).orElseThrow()).isNotDone();
  }

  @Test
  void aLauncherThatIsNoLongerTheParentHasAlreadyGone() {
    long notTheParent = self.pid();

    assertThat(LauncherWatch.launcherExit(Long.toString(notTheParent), self).orElseThrow())
        .isDone();
  }
}
