package io.chatterlink.testkit.contract;

import io.chatterlink.core.port.out.Storage;
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
  protected Storage storage;

  /** Creates users, rooms and messages through {@link #storage}, as a real caller would. */
  protected StorageFixtures fixtures;

  /** Creates the contract; a subclass says how to open its storage in {@link #newStorage()}. */
  protected StorageContract() {}

  /**
   * The stores of the adapter under test, over one new, empty database. Called once before each
   * test. The storage contracts use its users, rooms, messages, attachments and sessions; login
   * attempts, rate windows and single-use tokens have contracts of their own, which open the same
   * database twice.
   *
   * @return a fresh storage, empty
   */
  protected abstract Storage newStorage();

  @BeforeEach
  final void openFreshStorage() {
    storage = newStorage();
    fixtures = new StorageFixtures(storage);
  }
}
