package io.chatterlink.core.model;

/** Whether a user is reachable. Ephemeral: never stored. */
public enum PresenceStatus {
  /** At least one connection open and active. */
  ONLINE,
  /** Connected, but the user's clients said they are idle. */
  AWAY,
  /** No connection open. */
  OFFLINE
}
