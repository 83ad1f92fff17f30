package io.chatterlink.bench.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture guard over the load generator's main code. {@code failOnEmptyShould} stays on
 * (archunit.properties): a rule that matches no class fails rather than passing vacuously.
 */
@AnalyzeClasses(
    packages = "io.chatterlink.bench",
    importOptions = ImportOption.DoNotIncludeTests.class)
class BenchArchitectureTest {
  private static final BenchArchitectureRules RULES =
      new BenchArchitectureRules("io.chatterlink.bench");

  @ArchTest
  static final ArchRule the_bench_uses_only_what_any_client_could =
      RULES.usesOnlyWhatAnyClientCould();

  @ArchTest
  static final ArchRule only_the_entry_point_and_the_command_are_public =
      RULES.onlyTheEntryPointAndTheCommandArePublic();

  @ArchTest
  static final ArchRule it_prints_only_through_the_command_line =
      RULES.printsOnlyThroughTheCommandLine();

  @ArchTest static final ArchRule no_generic_exceptions_are_thrown = RULES.noGenericExceptions();

  @ArchTest static final ArchRule java_util_logging_is_not_used = RULES.noJavaUtilLogging();
}
