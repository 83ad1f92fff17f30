package io.chatterlink.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The most common passwords of published breach corpora (ASVS 6.2.4), read once from {@code
 * common-passwords.txt} beside this class the first time a password is checked. The list and its
 * source and licence are described in {@code COMMON-PASSWORDS-NOTICE.md} beside it.
 */
final class CommonPasswords {
  /** The resource, one password a line, most common first. */
  static final String RESOURCE = "common-passwords.txt";

  private CommonPasswords() {}

  /** Whether {@code password} is on the list, ignoring case. */
  static boolean contains(String password) {
    return Holder.LOWER_CASED.contains(password.toLowerCase(Locale.ROOT));
  }

  /** How many distinct passwords (ignoring case) the list holds. */
  static int size() {
    return Holder.LOWER_CASED.size();
  }

  /** Loaded on first use by the JVM's class initialisation: once, lazily and thread-safely. */
  private static final class Holder {
    static final Set<String> LOWER_CASED = load();

    private static Set<String> load() {
      InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE);
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the chat-core jar");
      }
      Set<String> passwords = new HashSet<>(16_384);
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (!line.isEmpty()) {
            passwords.add(line.toLowerCase(Locale.ROOT));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
      return Set.copyOf(passwords);
    }
  }
}
