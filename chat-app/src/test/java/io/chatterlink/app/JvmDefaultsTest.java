package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When the launcher chooses the JVM's flags, and when it leaves the JVM as it was started. */
class JvmDefaultsTest {
  private static final Optional<List<String>> README_COMMAND =
      Optional.of(List.of("-jar", "chat-app/target/chatterlink.jar"));
  private static final String[] NO_ARGS = {};

  @Test
  void theReadmesCommandWithOrWithoutServeGetsTheDefaults() {
    assertThat(JvmDefaults.apply(README_COMMAND, NO_ARGS, Map.of())).isTrue();
    assertThat(
            JvmDefaults.apply(
                Optional.of(List.of("-jar", "chatterlink.jar", "serve")),
                new String[] {"serve"},
                Map.of()))
        .isTrue();
  }

  @Test
  void anyJvmOptionOnTheCommandLineIsRespected() {
    for (List<String> started :
        List.of(
            List.of("-Xmx2g", "-jar", "chatterlink.jar"),
            List.of("-XX:+UseG1GC", "-jar", "chatterlink.jar"),
            List.of("-Dsome.property=1", "-jar", "chatterlink.jar"),
            List.of("-cp", "chatterlink.jar", "io.chatterlink.app.Main"))) {
      assertThat(JvmDefaults.apply(Optional.of(started), NO_ARGS, Map.of()))
          .as("%s", started)
          .isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"})
  void jvmOptionsFromTheEnvironmentAreRespectedAndABlankOneCountsAsNone(String variable) {
    assertThat(JvmDefaults.apply(README_COMMAND, NO_ARGS, Map.of(variable, "-Xmx1g"))).isFalse();
    assertThat(JvmDefaults.apply(README_COMMAND, NO_ARGS, Map.of(variable, " "))).isTrue();
  }

  @Test
  void jvmDefaultsOffLeavesTheJvmAsStartedAndOnIsTheDefault() {
    assertThat(JvmDefaults.apply(README_COMMAND, NO_ARGS, Map.of("JVM_DEFAULTS", "off"))).isFalse();
    assertThat(JvmDefaults.apply(README_COMMAND, NO_ARGS, Map.of("JVM_DEFAULTS", "OFF"))).isFalse();
    assertThat(JvmDefaults.apply(README_COMMAND, NO_ARGS, Map.of("JVM_DEFAULTS", "on"))).isTrue();
  }

  @Test
  void aJvmDefaultsValueOtherThanOnOrOffIsRefusedNamingTheSetting() {
    assertThatThrownBy(
            () -> JvmDefaults.apply(README_COMMAND, NO_ARGS, Map.of("JVM_DEFAULTS", "false")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("JVM_DEFAULTS: must be one of on, off");
    // Checked even when flags were given and the setting would change nothing.
    assertThatThrownBy(
            () ->
                JvmDefaults.apply(
                    Optional.of(List.of("-Xmx1g", "-jar", "x.jar")),
                    NO_ARGS,
                    Map.of("JVM_DEFAULTS", "maybe")))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void otherCommandsAndUnknownCommandLinesRunInTheStartedJvm() {
    assertThat(JvmDefaults.apply(README_COMMAND, new String[] {"create-user", "bob"}, Map.of()))
        .isFalse();
    assertThat(JvmDefaults.apply(README_COMMAND, new String[] {"serve", "--help"}, Map.of()))
        .isFalse();
    assertThat(JvmDefaults.apply(Optional.empty(), NO_ARGS, Map.of())).isFalse();
    assertThat(JvmDefaults.apply(Optional.of(List.of("-jar")), NO_ARGS, Map.of())).isFalse();
  }

  @Test
  void theChildRunsTheSameJarAndArgumentsWithTheFlagsTheArchiveAndTheLaunchersPid() {
    List<String> command =
        JvmDefaults.childCommand(
            "/jdk/bin/java",
            List.of("-XX:SharedArchiveFile=/app/a.jsa"),
            4242,
            "/app/chatterlink.jar",
            new String[] {"serve"});

    assertThat(command)
        .containsExactly(
            "/jdk/bin/java",
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-Xmn16m",
            "-XX:SharedArchiveFile=/app/a.jsa",
            "-Dchatterlink.launcher.pid=4242",
            "-cp",
            "/app/chatterlink.jar",
            "io.chatterlink.app.Main",
            "serve");
    // The child has JVM options, so it serves itself instead of launching again.
    assertThat(JvmDefaults.isPlainJarLaunch(command.subList(1, command.size()))).isFalse();
  }
}
