package io.chatterlink.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Every architecture rule, run against the deliberately broken fixture in {@code
 * io.chatterlink.archfixture}, reports the class that breaks it: the guard is not vacuous.
 */
class ArchitectureRulesCanFailTest {
  private static final String FIXTURE = "io.chatterlink.archfixture";
  private static final ArchitectureRules RULES = new ArchitectureRules(FIXTURE);
  private static final JavaClasses FIXTURE_CLASSES =
      new ClassFileImporter().importPackages(FIXTURE);

  @Test
  void aCoreClassUsingALibraryBreaksTheJdkOnlyRule() {
    assertThat(report(RULES.coreDependsOnTheJdkOnly()))
        .contains("CoreThatLogs")
        .contains("org.slf4j");
  }

  @Test
  void anAdapterUsingAnotherAdapterBreaksTheAdapterRule() {
    assertThat(report(RULES.adaptersDoNotDependOnEachOther()))
        .contains("WebThatReadsStorage")
        .contains("StorageEngine");
  }

  @Test
  void anAdapterReachingIntoTheAppBreaksTheAppRule() {
    assertThat(report(RULES.nothingDependsOnTheApp())).contains("CryptoThatReadsTheApp");
  }

  @Test
  void aTestKitClassUsingALibraryBreaksTheTestKitRule() {
    assertThat(report(RULES.testKitDependsOnTheCoreJUnitAndAssertJOnly()))
        .contains("KitThatLogs")
        .contains("org.slf4j");
  }

  @Test
  void anAdapterUsingTheTestKitBreaksTheTestScopeRule() {
    assertThat(report(RULES.productionCodeDoesNotDependOnTheTestKit()))
        .contains("WebWithATestDouble")
        .contains("KitThatLogs");
  }

  @Test
  void theAppUsingAGeneratedSchemaClassBreaksTheInternalsRule() {
    assertThat(report(RULES.persistenceInternalsStayInside()))
        .contains("AppThatQueriesTheSchema")
        .contains("RoomsTable");
  }

  @Test
  void twoPackagesUsingEachOtherBreakTheCycleRule() {
    assertThat(report(RULES.packagesAreFreeOfCycles())).contains("cycle.a").contains("cycle.b");
  }

  @Test
  void anotherModuleUsingATransportInternalBreaksTheTransportApiRule() {
    assertThat(report(RULES.otherModulesUseOnlyTheTransportsApi()))
        .contains("WiringIntoTransportInternals")
        .contains("FrameCodec");
  }

  @Test
  void anApiMethodReturningAnInternalTypeBreaksTheExposureRuleButAPlainOneDoesNot() {
    assertThat(report(RULES.theTransportsApiExposesNoInternalType()))
        .contains("LeakyTransport.codec()")
        .contains("LeakyTransport.LEAKED_CODEC")
        .doesNotContain("LeakyTransport.name()");
  }

  @Test
  void theTransportApiWiringItsInternalsIsNoCycleButInternalsUsingEachOtherBothWaysIs() {
    assertThat(report(RULES.packagesAreFreeOfCycles()))
        .contains("transport.websocket.internal.protocol")
        .contains("transport.websocket.internal.connection")
        .doesNotContain("Slice transport.websocket ->");
  }

  @Test
  void aConcreteClassAmongTheOutboundPortsBreaksThePortRuleButTheirExceptionDoesNot() {
    String report = report(RULES.outboundPortsAreInterfaces());
    assertThat(report)
        .contains("ConcreteStore")
        .doesNotContain("StoreFailure")
        .doesNotContain("FineStore");
  }

  @Test
  void printingOutsideTheCliOutputClassBreaksTheStreamRule() {
    assertThat(report(RULES.onlyTheCliOutputUsesStandardStreams()))
        .contains("WebThatPrints")
        .contains("System.out");
  }

  @Test
  void throwingABareRuntimeExceptionBreaksTheGenericExceptionRule() {
    assertThat(report(RULES.noGenericExceptions()))
        .contains("WebThatPrints")
        .contains("RuntimeException");
  }

  @Test
  void usingJavaUtilLoggingBreaksTheLoggingRule() {
    assertThat(report(RULES.noJavaUtilLogging())).contains("WebThatPrints.JUL");
  }

  private static String report(ArchRule rule) {
    EvaluationResult result = rule.evaluate(FIXTURE_CLASSES);
    assertThat(result.hasViolation())
        .as("rule must report the fixture: %s", rule.getDescription())
        .isTrue();
    return String.join("\n", result.getFailureReport().getDetails());
  }
}
