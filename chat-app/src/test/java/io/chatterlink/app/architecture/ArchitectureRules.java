package io.chatterlink.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * ChatterLink's architecture as ArchUnit rules, for any base package: {@code io.chatterlink} for
 * the product ({@link ArchitectureTest}) and a deliberately broken fixture package to show that
 * each rule can fail ({@link ArchitectureRulesCanFailTest}).
 */
final class ArchitectureRules {
  /**
   * The adapter modules' packages below the base; none may use another. Each cluster bus adapter
   * ({@code cluster.nats}, {@code cluster.postgres}) is an adapter of its own.
   */
  static final List<String> ADAPTERS =
      List.of("crypto", "persistence", "transport", "web", "cluster.nats", "cluster.postgres");

  /** The transport's public API package ({@code BASE} stands for the base package). */
  private static final String TRANSPORT_API = "BASE.transport.websocket";

  /** Its internal packages, no API. */
  private static final String TRANSPORT_INTERNAL = "BASE.transport.websocket.internal..";

  private final String base;

  ArchitectureRules(String base) {
    this.base = base;
  }

  ArchRule coreDependsOnTheJdkOnly() {
    return classes()
        .that()
        .resideInAPackage(base + ".core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", base + ".core..")
        .because("the domain must stay embeddable anywhere: java.* only, no libraries");
  }

  ArchRule adaptersDoNotDependOnEachOther() {
    return slices()
        .assignedFrom(new AdapterModules())
        .should()
        .notDependOnEachOther()
        .because("adapters meet only in the composition root (chat-app)");
  }

  ArchRule nothingDependsOnTheApp() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(base + ".app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(base + ".app..")
        .because("the composition root sits on top; nothing below may reach up into it");
  }

  /**
   * The test kit (in-memory adapters, test doubles, the ports' contract tests) builds on the core's
   * ports, JUnit and AssertJ only: embedders add it in test scope, and everything it needs comes
   * with it.
   */
  ArchRule testKitDependsOnTheCoreJUnitAndAssertJOnly() {
    return classes()
        .that()
        .resideInAPackage(base + ".testkit..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", base + ".core..", base + ".testkit..", "org.junit..", "org.assertj..")
        .because("the test kit's only declared dependencies are chat-core, JUnit and AssertJ");
  }

  /** Main code never uses the test kit: a test-only cipher must not reach a production jar. */
  ArchRule productionCodeDoesNotDependOnTheTestKit() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(base + ".testkit..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(base + ".testkit..")
        .because("the test kit is for test scope only (no secrecy, nothing shared between nodes)");
  }

  /**
   * {@code persistence.internal} (jOOQ's generated schema classes, and what Flyway instantiates by
   * name) is public only because generated code and Flyway need it: nothing outside the persistence
   * module may use it, so that it can change with any migration.
   */
  ArchRule persistenceInternalsStayInside() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(base + ".persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(base + ".persistence.internal..")
        .because("the generated schema and the Flyway hook are not API");
  }

  /**
   * No cycles between packages. Two exceptions: inside jOOQ's generated schema classes ({@code
   * persistence.internal.schema}: tables, records and keys refer to each other by design, and are
   * regenerated from the migrations at every build, never arranged by hand), and the transport's
   * public API package wiring its own internal packages (its facade builds them, they use its value
   * types). A cycle between those and any other package, or among the internal packages, still
   * fails.
   */
  ArchRule packagesAreFreeOfCycles() {
    DescribedPredicate<JavaClass> generated =
        JavaClass.Predicates.resideInAPackage(base + ".persistence.internal.schema..");
    return slices()
        .matching(base + ".(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(generated, generated)
        .ignoreDependency(
            JavaClass.Predicates.resideInAPackage(TRANSPORT_API.replace("BASE", base)),
            JavaClass.Predicates.resideInAPackage(TRANSPORT_INTERNAL.replace("BASE", base)));
  }

  /** Other modules reach the transport through its API package only. */
  ArchRule otherModulesUseOnlyTheTransportsApi() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(base + ".transport..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(TRANSPORT_INTERNAL.replace("BASE", base))
        .because("the transport's internal packages are no API and change in any release");
  }

  /**
   * No public constructor, method or field of the transport's API names an internal type in its
   * signature (parameters, result, thrown exceptions, field type).
   */
  ArchRule theTransportsApiExposesNoInternalType() {
    String api = TRANSPORT_API.replace("BASE", base);
    String internal = base + ".transport.websocket.internal";
    ArchRule codeUnits =
        ArchRuleDefinition.codeUnits()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage(api)
            .and()
            .areDeclaredInClassesThat()
            .arePublic()
            .and()
            .arePublic()
            .should(exposeNoTypeFrom(internal));
    ArchRule fields =
        ArchRuleDefinition.fields()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage(api)
            .and()
            .areDeclaredInClassesThat()
            .arePublic()
            .and()
            .arePublic()
            .should(haveNoTypeFrom(internal));
    return CompositeArchRule.of(codeUnits)
        .and(fields)
        .because("an embedder must never need an internal type to use the transport");
  }

  private static ArchCondition<JavaCodeUnit> exposeNoTypeFrom(String internal) {
    return new ArchCondition<>("expose no type of " + internal) {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        List<JavaClass> exposed = new java.util.ArrayList<>(unit.getRawParameterTypes());
        exposed.add(unit.getRawReturnType());
        exposed.addAll(unit.getExceptionTypes());
        for (JavaClass type : exposed) {
          if (type.getPackageName().startsWith(internal)) {
            events.add(
                SimpleConditionEvent.violated(
                    unit, unit.getFullName() + " exposes " + type.getName()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaField> haveNoTypeFrom(String internal) {
    return new ArchCondition<>("have no type of " + internal) {
      @Override
      public void check(JavaField field, ConditionEvents events) {
        if (field.getRawType().getPackageName().startsWith(internal)) {
          events.add(
              SimpleConditionEvent.violated(
                  field, field.getFullName() + " exposes " + field.getRawType().getName()));
        }
      }
    };
  }

  /**
   * Every top-level type of the outbound port package is an interface, save the exceptions the
   * ports declare (such as {@code UndecryptableBodyException}); records nested in a port (its value
   * types) are part of that interface and not top-level.
   */
  ArchRule outboundPortsAreInterfaces() {
    return classes()
        .that()
        .resideInAPackage(base + ".core.port.out")
        .and()
        .areTopLevelClasses()
        .and()
        .areNotAssignableTo(Throwable.class)
        .should()
        .beInterfaces()
        .because("the core states what it needs; adapters decide how");
  }

  /** Only the CLI's output class may touch System.out, System.err and System.in. */
  ArchRule onlyTheCliOutputUsesStandardStreams() {
    return noClasses()
        .that()
        .doNotHaveFullyQualifiedName(base + ".app.Terminal")
        .should(ACCESS_STANDARD_STREAMS)
        .because("servers log through SLF4J; only the command line prints");
  }

  ArchRule noGenericExceptions() {
    return NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
  }

  ArchRule noJavaUtilLogging() {
    return NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
  }

  /** One slice per adapter module; the core and the app are not adapters and belong to none. */
  private final class AdapterModules implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      for (String adapter : ADAPTERS) {
        String root = base + "." + adapter;
        if (javaClass.getPackageName().equals(root)
            || javaClass.getPackageName().startsWith(root + ".")) {
          return SliceIdentifier.of(adapter);
        }
      }
      return SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "adapter modules " + ADAPTERS + " below " + base;
    }
  }
}
