package io.chatterlink.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file: {@code NAME=value} lines, optionally prefixed by {@code export}, with
 * {@code #} comments and blank lines. A value may be in single quotes (taken literally) or double
 * quotes (where {@code \n}, {@code \"} and {@code \\} are unescaped); an unquoted value ends at
 * {@code " #"}. The same rules as the Python original's python-dotenv for everything a
 * configuration needs; no variable expansion, so a {@code $} in a secret is kept as it is.
 */
final class DotEnvFile {
  /**
   * Largest .env file read; a configuration is a few hundred bytes, anything larger is a mistake.
   */
  static final long MAX_BYTES = 64 * 1024;

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private DotEnvFile() {}

  /**
   * The variables of {@code file}; empty if it does not exist.
   *
   * @throws ConfigException naming the file and line of a malformed line (never its content, which
   *     may hold a secret), or if the file is over {@link #MAX_BYTES}
   */
  static Map<String, String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(file.toString(), "larger than " + MAX_BYTES + " bytes");
      }
      return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Parses lines; {@code source} names them in errors. Later lines win over earlier ones. */
  static Map<String, String> parse(String source, List<String> lines) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      String name = eq < 0 ? "" : line.substring(0, eq).strip();
      if (!NAME.matcher(name).matches()) {
        throw new ConfigException(source, "line " + (i + 1) + " is not NAME=value");
      }
      values.put(name, value(source, i + 1, line.substring(eq + 1).strip()));
    }
    return Map.copyOf(values);
  }

  private static String value(String source, int lineNumber, String raw) {
    if (raw.startsWith("'")) {
      int end = raw.indexOf('\'', 1);
      requireClosed(source, lineNumber, end, raw);
      return raw.substring(1, end);
    }
    if (raw.startsWith("\"")) {
      return doubleQuoted(source, lineNumber, raw);
    }
    int comment = raw.indexOf(" #");
    return (comment < 0 ? raw : raw.substring(0, comment)).strip();
  }

  private static String doubleQuoted(String source, int lineNumber, String raw) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '"') {
        requireClosed(source, lineNumber, i, raw);
        return out.toString();
      }
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    throw new ConfigException(source, "line " + lineNumber + " has an unclosed quote");
  }

  private static void requireClosed(String source, int lineNumber, int end, String raw) {
    if (end < 0) {
      throw new ConfigException(source, "line " + lineNumber + " has an unclosed quote");
    }
    String rest = raw.substring(end + 1).strip();
    if (!rest.isEmpty() && !rest.startsWith("#")) {
      throw new ConfigException(source, "line " + lineNumber + " has text after the closing quote");
    }
  }
}
