/**
 * Rules that every adapter facing clients must apply the same way (which origins may act for a
 * user), kept here once so that the HTTP and WebSocket adapters cannot drift apart.
 */
package io.chatterlink.core.policy;
