/**
 * The cluster bus over PostgreSQL {@code LISTEN/NOTIFY}, behind {@link
 * io.chatterlink.cluster.postgres.PostgresCluster}. Not yet used by the server (see {@code
 * docs/scaling.md}).
 */
package io.chatterlink.cluster.postgres;
