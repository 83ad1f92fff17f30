package io.chatterlink.app;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What {@code /healthz} asks about this node: whether it is shutting down, whether the database
 * answers a query, and whether its message commits are failing ({@code
 * JooqStorage.commitsFailing()}). Each answer is this node's own.
 *
 * @param stopping true from the moment a shutdown starts
 * @param databaseAnswers true when the database answers a query (it may also throw: then no)
 * @param commitsFailing true while this node's message commits fail
 * @param busConnected on a node of a cluster, whether its cluster bus is connected; empty on a
 *     single node
 */
record HealthChecks(
    BooleanSupplier stopping,
    BooleanSupplier databaseAnswers,
    BooleanSupplier commitsFailing,
    Supplier<Optional<Boolean>> busConnected) {

  /** The checks of a single node, which has no cluster bus. */
  HealthChecks(
      BooleanSupplier stopping, BooleanSupplier databaseAnswers, BooleanSupplier commitsFailing) {
    this(stopping, databaseAnswers, commitsFailing, Optional::empty);
  }

  /** The JSON body and whether it means healthy. */
  record Verdict(boolean healthy, String json) {}

  /**
   * Asks in order: a stopping node is unavailable without asking the database; otherwise the
   * database must answer, commits must not be failing and, on a node of a cluster, the cluster bus
   * must be connected.
   */
  Verdict verdict() {
    if (stopping.getAsBoolean()) {
      return new Verdict(false, "{\"status\":\"unavailable\",\"server\":\"stopping\"}");
    }
    boolean up = databaseAnswers.getAsBoolean();
    boolean failing = commitsFailing.getAsBoolean();
    Optional<Boolean> bus = busConnected.get();
    // A node that cannot hear the others would serve stale rooms: the balancer must skip it.
    boolean healthy = up && !failing && bus.orElse(true);
    return new Verdict(
        healthy,
        "{\"status\":\""
            + (healthy ? "ok" : "unavailable")
            + "\",\"database\":\""
            + (up ? "up" : "down")
            + "\",\"commits\":\""
            + (failing ? "failing" : "ok")
            + bus.map(connected -> "\",\"cluster_bus\":\"" + (connected ? "up" : "down")).orElse("")
            + "\"}");
  }
}
