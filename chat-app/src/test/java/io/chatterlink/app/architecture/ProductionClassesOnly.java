package io.chatterlink.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Main code of every module: not this module's test classes, and not chat-core's test-jar (contract
 * tests and fixtures), which Maven puts on the test classpath as {@code *-tests.jar}.
 */
final class ProductionClassesOnly implements ImportOption {
  private final ImportOption notTestClasses = new ImportOption.DoNotIncludeTests();

  @Override
  public boolean includes(Location location) {
    return notTestClasses.includes(location) && !location.contains("-tests.jar");
  }
}
