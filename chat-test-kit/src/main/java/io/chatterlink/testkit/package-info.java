/**
 * ChatterLink's test kit: what an embedder needs to test code built on ChatterLink, in test scope
 * ({@code io.chatterlink:chat-test-kit}). {@link io.chatterlink.testkit.inmemory} holds an
 * in-memory adapter for every outbound port (with a test-only cipher and hasher and a delivery that
 * records), {@link io.chatterlink.testkit.contract} the abstract contract tests that every adapter
 * of a port must pass, and this package a {@link io.chatterlink.testkit.MutableClock} for expiry
 * rules. Never on a production class path: nothing here is secure.
 */
package io.chatterlink.testkit;
