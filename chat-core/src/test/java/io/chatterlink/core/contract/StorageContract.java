package io.chatterlink.core.contract;

import org.junit.jupiter.api.BeforeEach;

/**
 * What every storage contract shares: a fresh database per test and the fixtures that fill it.
 *
 * <p>To run a contract against an adapter, extend it and implement {@link #newStorage()}. If the
 * storage holds resources (connections, files), remember them in {@code newStorage()} and release
 * them in an {@code @AfterEach} method of the subclass; JUnit runs it after each test.
 */
public abstract class StorageContract {
  /** The stores under test, fresh for each test. */
  protected StoragePorts storage;

  /** Creates users, rooms and messages through {@link #storage}, as a real caller would. */
  protected StorageFixtures fixtures;

  /**
   * The five stores of the adapter under test, over one new, empty database. Called once before
   * each test.
   */
  protected abstract StoragePorts newStorage();

  @BeforeEach
  final void openFreshStorage() {
    storage = newStorage();
    fixtures = new StorageFixtures(storage);
  }
}
