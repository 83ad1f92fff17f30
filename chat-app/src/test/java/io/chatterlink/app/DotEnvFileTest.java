package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvFileTest {
  @TempDir Path dir;

  @Test
  void namesAndValuesAreReadSkippingCommentsBlankLinesAndExport() {
    var values =
        DotEnvFile.parse(
            "test",
            List.of(
                "# a comment",
                "",
                "PORT=9090",
                "export HOST = 0.0.0.0 ",
                "DATA_DIR=/srv/chat # where"));

    assertThat(values)
        .containsOnly(
            entry("PORT", "9090"), entry("HOST", "0.0.0.0"), entry("DATA_DIR", "/srv/chat"));
  }

  @Test
  void singleQuotesKeepTheValueLiterallyAndDoubleQuotesUnescape() {
    var values =
        DotEnvFile.parse(
            "test",
            List.of("A='x # not a comment $HOME \\n'", "B=\"line\\nnext \\\"q\\\"\" # comment"));

    assertThat(values.get("A")).isEqualTo("x # not a comment $HOME \\n");
    assertThat(values.get("B")).isEqualTo("line\nnext \"q\"");
  }

  @Test
  void aLaterLineWinsOverAnEarlierOne() {
    assertThat(DotEnvFile.parse("test", List.of("PORT=1", "PORT=2"))).containsEntry("PORT", "2");
  }

  @Test
  void aMalformedLineIsReportedByNumberWithoutItsContent() {
    assertThatThrownBy(() -> DotEnvFile.parse(".env", List.of("PORT=1", "s3cr3t-without-a-name")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 2")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void anUnclosedQuoteIsRefused() {
    assertThatThrownBy(() -> DotEnvFile.parse(".env", List.of("FERNET_KEY='abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unclosed quote")
        .hasMessageNotContaining("abc");
  }

  @Test
  void aMissingFileHasNoVariables() {
    assertThat(DotEnvFile.read(dir.resolve(".env"))).isEmpty();
  }

  @Test
  void aFileOverTheSizeLimitIsRefused() throws IOException {
    Path file = dir.resolve(".env");
    Files.writeString(file, "A=" + "x".repeat((int) DotEnvFile.MAX_BYTES));

    assertThatThrownBy(() -> DotEnvFile.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("larger than " + DotEnvFile.MAX_BYTES);
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }
}
