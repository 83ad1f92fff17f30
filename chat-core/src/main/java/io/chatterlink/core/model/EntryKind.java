package io.chatterlink.core.model;

/** What a room log entry records. */
public enum EntryKind {
  /** A message was posted; the entry carries its body. */
  POSTED,
  /** A message's body was replaced; the entry carries the current body. */
  EDITED,
  /** A message was deleted; the entry carries no body. */
  DELETED
}
