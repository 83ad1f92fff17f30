/**
 * What the networked cluster bus adapters share: the wire format of {@link
 * io.chatterlink.core.port.out.ClusterSignal}s ({@link io.chatterlink.core.cluster.SignalCodec}).
 */
package io.chatterlink.core.cluster;
