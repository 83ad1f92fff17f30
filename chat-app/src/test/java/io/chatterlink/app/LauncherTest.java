package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher reads JVM_DEFAULTS as the server reads every setting. */
class LauncherTest {
  @TempDir Path workDir;

  @Test
  void theEnvironmentWinsOverTheDotEnvFileAndAnEmptyValueCountsAsUnset() throws IOException {
    Files.writeString(workDir.resolve(".env"), "JVM_DEFAULTS=off\nPORT=9000\n");

    assertThat(Launcher.settings(Map.of(), workDir)).containsEntry("JVM_DEFAULTS", "off");
    assertThat(Launcher.settings(Map.of("JVM_DEFAULTS", "on"), workDir))
        .containsEntry("JVM_DEFAULTS", "on");
    assertThat(Launcher.settings(Map.of("JVM_DEFAULTS", ""), workDir))
        .containsEntry("JVM_DEFAULTS", "off");
  }

  @Test
  void classesLoadedFromAFolderHaveNoJarToRelaunch() {
    // Under the test runner this class comes from target/test-classes, not from a jar.
    assertThat(Launcher.jarOf(LauncherTest.class)).isEmpty();
    assertThat(Launcher.jarOf(Test.class)).isPresent();
  }
}
