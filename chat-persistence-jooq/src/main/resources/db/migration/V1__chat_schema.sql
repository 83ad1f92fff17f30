-- ChatterLink's schema. Portable DDL: the same file runs on SQLite and on PostgreSQL.
-- Instants are BIGINT nanoseconds since the epoch (exact for Java's Instant between 1677 and 2262).
-- Ids are TEXT (1 to 64 characters of [A-Za-z0-9._-], validated by the core).
-- Foreign keys hold everywhere a row names another: a message's room and sender exist, a log
-- entry's message exists, and so on (SQLite enforces them with foreign_keys=true on every
-- connection, which this module sets).

CREATE TABLE users (
  id TEXT NOT NULL PRIMARY KEY,
  username TEXT NOT NULL,
  canonical_username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT users_canonical_username_unique UNIQUE (canonical_username)
);

CREATE TABLE rooms (
  id TEXT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  direct_key TEXT,
  created_at BIGINT NOT NULL,
  CONSTRAINT rooms_direct_key_unique UNIQUE (direct_key)
);

CREATE INDEX rooms_by_kind_and_name ON rooms (kind, name);

-- join_order keeps "joining order" exact when two members join at the same instant.
CREATE TABLE memberships (
  room_id TEXT NOT NULL REFERENCES rooms (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL,
  joined_at BIGINT NOT NULL,
  join_order BIGINT NOT NULL,
  last_read_seq BIGINT NOT NULL,
  PRIMARY KEY (room_id, user_id)
);

CREATE INDEX memberships_by_user ON memberships (user_id, join_order);
CREATE INDEX memberships_by_room ON memberships (room_id, join_order);

-- One counter row per room that has a log: the seq of its newest entry. Written in the same
-- transaction as the entry; (room_id, seq) uniqueness below is what guarantees no duplicates.
CREATE TABLE room_seqs (
  room_id TEXT NOT NULL PRIMARY KEY REFERENCES rooms (id),
  last_seq BIGINT NOT NULL
);

-- A message in its current state. body is NULL once deleted (the delete erases it).
CREATE TABLE messages (
  id TEXT NOT NULL PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms (id),
  seq BIGINT NOT NULL,
  sender TEXT NOT NULL REFERENCES users (id),
  client_message_id TEXT NOT NULL,
  body TEXT,
  reply_to TEXT,
  sent_at BIGINT NOT NULL,
  edited_at BIGINT,
  deleted BOOLEAN NOT NULL,
  CONSTRAINT messages_room_seq_unique UNIQUE (room_id, seq),
  CONSTRAINT messages_sender_client_id_unique UNIQUE (sender, client_message_id)
);

-- Every post, edit and delete of a room, by seq: history is read from messages, resync from here.
CREATE TABLE message_log (
  room_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  kind TEXT NOT NULL,
  message_id TEXT NOT NULL REFERENCES messages (id),
  body TEXT,
  at BIGINT NOT NULL,
  PRIMARY KEY (room_id, seq)
);

CREATE INDEX message_log_by_message ON message_log (message_id);

CREATE TABLE attachments (
  id TEXT NOT NULL PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms (id),
  uploader TEXT NOT NULL REFERENCES users (id),
  media_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  original_name TEXT NOT NULL,
  storage_key TEXT NOT NULL,
  thumbnail_key TEXT,
  uploaded_at BIGINT NOT NULL
);

CREATE TABLE message_attachments (
  message_id TEXT NOT NULL REFERENCES messages (id),
  position BIGINT NOT NULL,
  attachment_id TEXT NOT NULL REFERENCES attachments (id),
  PRIMARY KEY (message_id, position)
);

CREATE TABLE sessions (
  id TEXT NOT NULL PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (user_id);
