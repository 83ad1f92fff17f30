package io.chatterlink.app;

import java.util.function.BooleanSupplier;

/**
 * What {@code /healthz} asks about this node: whether it is shutting down, whether the database
 * answers a query, and whether its message commits are failing ({@code
 * JooqStorage.commitsFailing()}). Each answer is this node's own.
 *
 * @param stopping true from the moment a shutdown starts
 * @param databaseAnswers true when the database answers a query (it may also throw: then no)
 * @param commitsFailing true while this node's message commits fail
 */
record HealthChecks(
    BooleanSupplier stopping, BooleanSupplier databaseAnswers, BooleanSupplier commitsFailing) {

  /** The JSON body and whether it means healthy. */
  record Verdict(boolean healthy, String json) {}

  /**
   * Asks in order: a stopping node is unavailable without asking the database; otherwise the
   * database must answer and commits must not be failing.
   */
  Verdict verdict() {
    if (stopping.getAsBoolean()) {
      return new Verdict(false, "{\"status\":\"unavailable\",\"server\":\"stopping\"}");
    }
    boolean up = databaseAnswers.getAsBoolean();
    boolean failing = commitsFailing.getAsBoolean();
    boolean healthy = up && !failing;
    return new Verdict(
        healthy,
        "{\"status\":\""
            + (healthy ? "ok" : "unavailable")
            + "\",\"database\":\""
            + (up ? "up" : "down")
            + "\",\"commits\":\""
            + (failing ? "failing" : "ok")
            + "\"}");
  }
}
