package io.chatterlink.core.model;

/** What kind of conversation a {@link Room} is; all kinds share messages, history and resync. */
public enum RoomKind {
  /** Listed to everyone; anyone may join. */
  PUBLIC,
  /** Visible to members only; joined by invitation. */
  PRIVATE,
  /** A direct conversation between two to {@value Limits#MAX_DIRECT_MEMBERS} people. */
  DIRECT
}
