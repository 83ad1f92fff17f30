/**
 * In-memory adapters for every outbound port, behind {@link
 * io.chatterlink.testkit.inmemory.InMemoryAdapters} (a {@link
 * io.chatterlink.core.port.out.Storage}): thread-safe stores that pass the same contract tests as
 * the real adapters, a delivery that records instead of sending, a cluster bus for several nodes in
 * one JVM, and a cipher and a password hasher that are fast and <strong>insecure, for tests
 * only</strong>. Nothing here is shared with another process or survives the JVM.
 */
package io.chatterlink.testkit.inmemory;
