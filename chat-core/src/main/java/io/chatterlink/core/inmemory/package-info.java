/**
 * In-memory adapters for every outbound port, behind {@link
 * io.chatterlink.core.inmemory.InMemoryAdapters}: thread-safe stores that pass the same contract
 * tests as the real adapters, a delivery that records instead of sending, and a cipher and a
 * password hasher that are fast and <strong>insecure, for tests only</strong>.
 */
package io.chatterlink.core.inmemory;
