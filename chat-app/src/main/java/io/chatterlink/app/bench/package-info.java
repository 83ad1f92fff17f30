/**
 * The {@code bench} command: a load generator that drives a running ChatterLink server over its
 * real protocol (HTTP registration and login, then {@code chatterlink.v1} over {@code /ws}) and
 * reports throughput, fan-out, delivery ratio, latency percentiles over every delivery, connect and
 * join times, errors, and the server's CPU and memory read from {@code /proc}.
 *
 * <p>{@link io.chatterlink.app.bench.BenchCommand} is the only public type; it depends on nothing
 * else in the app, so the CLI can register it without a package cycle.
 */
package io.chatterlink.app.bench;
