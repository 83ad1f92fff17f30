package io.chatterlink.persistence;

import io.chatterlink.persistence.internal.FlywayLogs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * Brings the schema to the newest version with Flyway, or leaves it alone when it is there already.
 *
 * <p>The migrations are the files named in {@value #INDEX}, not whatever a class-path scan finds:
 * scanning the server's shaded jar (tens of thousands of entries) is a large part of a cold start.
 * Flyway is given exactly those files, and no callbacks or Java migrations.
 *
 * <p>When the schema history already records exactly these migrations, in order, all successful and
 * with unchanged checksums, Flyway would neither apply nor reject anything, so it is not loaded at
 * all (it is some 400 classes). Any other history (a table missing, a failed or unknown migration,
 * an edited file) goes to Flyway, which migrates or refuses as it always did.
 */
final class SchemaMigration {
  /** Lists the migrations in {@value #LOCATION}, oldest first, one file name a line. */
  static final String INDEX = "db/migrations.txt";

  /** Where the migration files are, on the class path. */
  static final String LOCATION = "db/migration";

  private static final String HISTORY_QUERY =
      "SELECT script, checksum, success FROM flyway_schema_history ORDER BY installed_rank";

  private final List<LoadableResource> migrations;

  private SchemaMigration(List<LoadableResource> migrations) {
    this.migrations = List.copyOf(migrations);
  }

  /**
   * The migrations this module ships.
   *
   * @throws IllegalStateException if the index or a file it names is missing from the class path
   */
  static SchemaMigration shipped() {
    ClassLoader loader = SchemaMigration.class.getClassLoader();
    Location location = new Location("classpath:" + LOCATION);
    List<LoadableResource> resources = new ArrayList<>();
    for (String name : indexedNames(loader)) {
      ClassPathResource resource =
          new ClassPathResource(location, LOCATION + "/" + name, loader, StandardCharsets.UTF_8);
      if (!resource.exists()) {
        throw new IllegalStateException(INDEX + " names " + name + ", which is not shipped");
      }
      resources.add(resource);
    }
    return new SchemaMigration(resources);
  }

  private static List<String> indexedNames(ClassLoader loader) {
    InputStream in = loader.getResourceAsStream(INDEX);
    if (in == null) {
      throw new IllegalStateException(INDEX + " is missing from the class path");
    }
    List<String> names = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(INDEX + " cannot be read", e);
    }
    return names;
  }

  /** The file names, oldest first. */
  List<String> fileNames() {
    return migrations.stream().map(LoadableResource::getFilename).toList();
  }

  /**
   * True when the schema history on {@code connection} records exactly the shipped migrations: same
   * files, same order, same checksums, all successful. Any failure to read the history (no such
   * table yet, say) is a no.
   */
  boolean isApplied(Connection connection) {
    List<AppliedMigration> applied = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(HISTORY_QUERY)) {
      while (rows.next()) {
        int checksum = rows.getInt(2);
        Integer known = rows.wasNull() ? null : checksum;
        applied.add(new AppliedMigration(rows.getString(1), known, rows.getBoolean(3)));
      }
    } catch (SQLException e) {
      return false;
    }
    if (applied.size() != migrations.size()) {
      return false;
    }
    for (int i = 0; i < migrations.size(); i++) {
      LoadableResource shipped = migrations.get(i);
      AppliedMigration row = applied.get(i);
      boolean same =
          row.success()
              && shipped.getFilename().equals(row.script())
              && Integer.valueOf(ChecksumCalculator.calculate(shipped)).equals(row.checksum());
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /**
   * Applies the pending migrations with Flyway, after it validates those applied before.
   *
   * @throws org.flywaydb.core.api.FlywayException if the database refuses or the history does not
   *     match the shipped migrations
   */
  void migrate(String url, String user, String password) {
    Flyway.configure()
        // Quiet by default: Flyway's INFO lines become DEBUG (see FlywayLogs).
        .loggers(FlywayLogs.class.getName())
        .dataSource(url, user, password)
        .resourceProvider(new Shipped())
        .javaMigrationClassProvider(List::of)
        .skipDefaultCallbacks(true)
        .load()
        .migrate();
  }

  /** Hands Flyway the indexed files instead of letting it scan for them. */
  private final class Shipped implements ResourceProvider {
    @Override
    public LoadableResource getResource(String name) {
      return migrations.stream()
          .filter(m -> m.getRelativePath().equals(name) || m.getAbsolutePath().equals(name))
          .findFirst()
          .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      return migrations.stream()
          .filter(m -> m.getFilename().startsWith(prefix) && endsWithAny(m.getFilename(), suffixes))
          .toList();
    }

    private boolean endsWithAny(String name, String[] suffixes) {
      for (String suffix : suffixes) {
        if (name.endsWith(suffix)) {
          return true;
        }
      }
      return false;
    }
  }

  private record AppliedMigration(String script, Integer checksum, boolean success) {}
}
