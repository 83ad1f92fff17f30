package io.chatterlink.bench.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the load generator, run against the deliberately broken fixture in {@code
 * io.chatterlink.benchfixture}, reports the class that breaks it: the guard is not vacuous.
 */
class BenchArchitectureRulesCanFailTest {
  private static final String FIXTURE = "io.chatterlink.benchfixture";
  private static final BenchArchitectureRules RULES = new BenchArchitectureRules(FIXTURE);
  private static final JavaClasses FIXTURE_CLASSES =
      new ClassFileImporter().importPackages(FIXTURE);

  @Test
  void usingAServerClassBreaksTheClientOnlyRule() {
    assertThat(report(RULES.usesOnlyWhatAnyClientCould()))
        .contains("BenchThatReachesIntoTheServer")
        .contains("io.chatterlink.app.ChatServer");
  }

  @Test
  void aPublicHelperBreaksThePublicTypesRule() {
    assertThat(report(RULES.onlyTheEntryPointAndTheCommandArePublic()))
        .contains("BenchThatReachesIntoTheServer")
        .doesNotContain("fixture.BenchCommand");
  }

  @Test
  void printingBreaksTheStreamRule() {
    assertThat(report(RULES.printsOnlyThroughTheCommandLine())).contains("System.out");
  }

  @Test
  void throwingABareRuntimeExceptionBreaksTheGenericExceptionRule() {
    assertThat(report(RULES.noGenericExceptions())).contains("RuntimeException");
  }

  @Test
  void usingJavaUtilLoggingBreaksTheLoggingRule() {
    assertThat(report(RULES.noJavaUtilLogging())).contains("BenchThatReachesIntoTheServer.JUL");
  }

  private static String report(ArchRule rule) {
    EvaluationResult result = rule.evaluate(FIXTURE_CLASSES);
    assertThat(result.hasViolation())
        .as("rule must report the fixture: %s", rule.getDescription())
        .isTrue();
    return String.join("\n", result.getFailureReport().getDetails());
  }
}
