/**
 * The load generator ({@code chatterlink-bench.jar}): drives one or several running ChatterLink
 * servers over their real protocol (HTTP registration and login, then {@code chatterlink.v1} over
 * {@code /ws}) and reports throughput, fan-out, delivery ratio, latency percentiles over every
 * delivery (also split into deliveries on the sender's server and on another one), connect and join
 * times, errors, and a server's CPU and memory read from {@code /proc}.
 *
 * <p>{@link io.chatterlink.bench.BenchMain} starts {@link io.chatterlink.bench.BenchCommand}; the
 * rest is package-private. It uses none of ChatterLink's classes: only what any client could.
 */
package io.chatterlink.bench;
