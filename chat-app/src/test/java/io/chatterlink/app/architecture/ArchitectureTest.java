package io.chatterlink.app.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture guard over every module's main code. chat-app depends on every library module,
 * the cluster bus adapters included, and on the test kit (test scope), so its test classpath holds
 * them all; the load generator (chat-bench) is no dependency of the server and has its own rules
 * ({@code BenchArchitectureTest}). {@code failOnEmptyShould} stays on (archunit.properties): a rule
 * that matches no class fails rather than passing vacuously.
 */
@AnalyzeClasses(packages = "io.chatterlink", importOptions = ProductionClassesOnly.class)
class ArchitectureTest {
  private static final ArchitectureRules RULES = new ArchitectureRules("io.chatterlink");

  @ArchTest static final ArchRule core_depends_on_the_jdk_only = RULES.coreDependsOnTheJdkOnly();

  @ArchTest
  static final ArchRule adapter_modules_do_not_depend_on_each_other =
      RULES.adaptersDoNotDependOnEachOther();

  @ArchTest static final ArchRule nothing_depends_on_the_app = RULES.nothingDependsOnTheApp();

  @ArchTest
  static final ArchRule the_test_kit_depends_on_the_core_junit_and_assertj_only =
      RULES.testKitDependsOnTheCoreJUnitAndAssertJOnly();

  @ArchTest
  static final ArchRule production_code_does_not_depend_on_the_test_kit =
      RULES.productionCodeDoesNotDependOnTheTestKit();

  @ArchTest static final ArchRule packages_are_free_of_cycles = RULES.packagesAreFreeOfCycles();

  @ArchTest
  static final ArchRule other_modules_use_only_the_transports_api =
      RULES.otherModulesUseOnlyTheTransportsApi();

  @ArchTest
  static final ArchRule the_transports_api_exposes_no_internal_type =
      RULES.theTransportsApiExposesNoInternalType();

  @ArchTest
  static final ArchRule persistence_internals_stay_inside_the_module =
      RULES.persistenceInternalsStayInside();

  @ArchTest
  static final ArchRule outbound_ports_are_interfaces_apart_from_their_exceptions =
      RULES.outboundPortsAreInterfaces();

  @ArchTest
  static final ArchRule only_the_cli_output_uses_standard_streams =
      RULES.onlyTheCliOutputUsesStandardStreams();

  @ArchTest static final ArchRule no_generic_exceptions_are_thrown = RULES.noGenericExceptions();

  @ArchTest static final ArchRule java_util_logging_is_not_used = RULES.noJavaUtilLogging();
}
