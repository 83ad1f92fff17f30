/**
 * The cluster bus over NATS core, behind {@link io.chatterlink.cluster.nats.NatsCluster}: small
 * signals between the nodes of a cluster, at most once, encoded by chat-core's {@code SignalCodec}.
 * Not yet used by the server (see {@code docs/scaling.md}).
 */
package io.chatterlink.cluster.nats;
