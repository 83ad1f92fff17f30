package io.chatterlink.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Main code of every module: not this module's test classes, and not the test-jars of other modules
 * (the cluster buses' test fixtures), which Maven puts on the test classpath as {@code
 * *-tests.jar}. The test kit ({@code chat-test-kit}) is a normal jar and is included: its own rules
 * say what it may use, and that nothing else uses it.
 */
final class ProductionClassesOnly implements ImportOption {
  private final ImportOption notTestClasses = new ImportOption.DoNotIncludeTests();

  @Override
  public boolean includes(Location location) {
    return notTestClasses.includes(location) && !location.contains("-tests.jar");
  }
}
