package io.chatterlink.bench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The load generator's architecture as ArchUnit rules, for any base package: {@code
 * io.chatterlink.bench} for the product ({@link BenchArchitectureTest}) and a deliberately broken
 * fixture to show that each rule can fail ({@link BenchArchitectureRulesCanFailTest}).
 */
final class BenchArchitectureRules {
  private final String base;

  BenchArchitectureRules(String base) {
    this.base = base;
  }

  ArchRule usesOnlyWhatAnyClientCould() {
    return classes()
        .that()
        .resideInAPackage(base + "..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            base + "..",
            "com.fasterxml.jackson..",
            "org.HdrHistogram..",
            "picocli..",
            "org.slf4j..")
        .because(
            "the generator measures servers from outside, over HTTP and WebSocket: none of"
                + " ChatterLink's classes, so that it can drive any version of the server");
  }

  /** Top-level types only: the records nested in a package-private interface are public anyway. */
  ArchRule onlyTheEntryPointAndTheCommandArePublic() {
    return classes()
        .that()
        .resideInAPackage(base + "..")
        .and()
        .areTopLevelClasses()
        .and()
        .arePublic()
        .should()
        .haveSimpleName("BenchMain")
        .orShould()
        .haveSimpleName("BenchCommand")
        .because("the jar is a tool, not a library: everything else is package-private");
  }

  ArchRule printsOnlyThroughTheCommandLine() {
    return noClasses()
        .that()
        .resideInAPackage(base + "..")
        .should(ACCESS_STANDARD_STREAMS)
        .because("results go through picocli's writers, progress through SLF4J");
  }

  ArchRule noGenericExceptions() {
    return NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
  }

  ArchRule noJavaUtilLogging() {
    return NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
  }
}
