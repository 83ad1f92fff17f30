package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding example is the one {@link EmbeddingExampleTest} compiles and runs; this
 * test keeps the two from drifting apart.
 */
class ReadmeMatchesEmbeddingExampleTest {
  private static final Path TEST =
      Path.of("src/test/java/io/chatterlink/core/EmbeddingExampleTest.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void theReadmeShowsExactlyTheCodeThatTheEmbeddingTestRuns() throws IOException {
    String test = Files.readString(TEST);
    String snippet =
        test.substring(
            test.indexOf("// README-BEGIN") + "// README-BEGIN".length(),
            test.indexOf("// README-END"));

    assertThat(normalized(Files.readString(README))).contains(normalized(snippet));
  }

  /** Compares line by line, ignoring indentation, which differs between the test and Markdown. */
  private static String normalized(String text) {
    return Arrays.stream(text.split("\n"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
