package io.chatterlink.app;

import java.util.List;
import java.util.regex.Pattern;

/** Checks the form of {@code DATABASE_URL} and makes it safe to log. */
final class DatabaseUrls {
  /** The URL forms the storage adapter accepts (see {@code StorageSettings}). */
  static final List<String> ACCEPTED_PREFIXES =
      List.of("jdbc:sqlite:", "jdbc:postgresql://", "sqlite:///", "postgresql://", "postgres://");

  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

  private DatabaseUrls() {}

  /**
   * Returns {@code url} if it has an accepted prefix.
   *
   * @throws ConfigException naming DATABASE_URL otherwise; the URL itself is not repeated, as it
   *     may hold a password
   */
  static String requireSupported(String url) {
    if (ACCEPTED_PREFIXES.stream().noneMatch(url::startsWith)) {
      throw new ConfigException(
          Settings.DATABASE_URL, "must start with one of " + String.join(", ", ACCEPTED_PREFIXES));
    }
    return url;
  }

  /** Whether the URL names a PostgreSQL database (which several processes may share). */
  static boolean isPostgres(String url) {
    return url.startsWith("jdbc:postgresql:")
        || url.startsWith("postgresql://")
        || url.startsWith("postgres://");
  }

  /** The URL with any user:password part and password parameter replaced by {@code ***}. */
  static String withoutPassword(String url) {
    String noUserInfo = USER_INFO.matcher(url).replaceFirst("//***@");
    return PASSWORD_PARAM.matcher(noUserInfo).replaceAll("$1***");
  }
}
