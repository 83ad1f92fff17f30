package io.chatterlink.core.model;

/** What a room log entry records. */
public enum EntryKind {
  POSTED,
  EDITED,
  DELETED
}
