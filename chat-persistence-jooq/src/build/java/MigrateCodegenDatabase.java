import org.flywaydb.core.Flyway;

/**
 * Build-time helper, run by exec-maven-plugin at generate-sources: applies the module's Flyway
 * migrations to a fresh SQLite file that jOOQ's code generator then reads, so the generated classes
 * always match the migrations. Arguments: the database file, the migration folder.
 */
public final class MigrateCodegenDatabase {
  private MigrateCodegenDatabase() {}

  public static void main(String[] args) throws Exception {
    // Flyway reports each step at INFO through java.util.logging; the build only needs problems.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    java.nio.file.Path db = java.nio.file.Path.of(args[0]);
    java.nio.file.Files.createDirectories(db.toAbsolutePath().getParent());
    java.nio.file.Files.deleteIfExists(db);
    Flyway.configure()
        .dataSource("jdbc:sqlite:" + db.toAbsolutePath(), "", "")
        .locations("filesystem:" + args[1])
        .load()
        .migrate();
  }
}
