package io.chatterlink.core.model;

/** A member's role in a room. */
public enum Role {
  /** May rename the room, invite and remove members. */
  OWNER,
  /** May read and post; in a private room may not invite. */
  MEMBER
}
