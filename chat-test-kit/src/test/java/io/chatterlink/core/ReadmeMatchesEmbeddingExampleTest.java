package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding examples are code that tests compile and run ({@link EmbeddingExampleTest}
 * and {@code io.chatterlink.testkit.ReadmeAdapterExampleTest}); this test keeps the copies from
 * drifting apart.
 */
class ReadmeMatchesEmbeddingExampleTest {
  private static final Path EMBEDDING =
      Path.of("src/test/java/io/chatterlink/core/EmbeddingExampleTest.java");
  private static final Path ADAPTER =
      Path.of("src/test/java/io/chatterlink/testkit/ReadmeAdapterExampleTest.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void theReadmeShowsExactlyTheCodeThatTheEmbeddingTestRuns() throws IOException {
    String snippet = between(Files.readString(EMBEDDING), "// README-BEGIN", "// README-END");

    assertThat(normalized(Files.readString(README))).contains(normalized(snippet));
  }

  @Test
  void theReadmeShowsExactlyTheContractTestOfItsAdapterExample() throws IOException {
    String snippet =
        between(Files.readString(ADAPTER), "// README-ADAPTER-BEGIN", "// README-ADAPTER-END");

    assertThat(snippet).contains("extends UserStoreContract");
    assertThat(normalized(Files.readString(README))).contains(normalized(snippet));
  }

  private static String between(String text, String begin, String end) {
    return text.substring(text.indexOf(begin) + begin.length(), text.indexOf(end));
  }

  /** Compares line by line, ignoring indentation, which differs between the test and Markdown. */
  private static String normalized(String text) {
    return Arrays.stream(text.split("\n"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
