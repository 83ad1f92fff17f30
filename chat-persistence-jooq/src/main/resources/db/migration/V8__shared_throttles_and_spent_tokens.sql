-- State that every server process on the database must share (issue #12): the registration and
-- user-search throttles and spent invite codes, which each process kept in its memory before (so a
-- limit multiplied by the number of nodes, and a restart forgot spent codes). Instants are BIGINT
-- nanoseconds since the epoch, like everywhere else.

-- One row per throttle key ("registration:<address>", "search:<user>"): the row a check-and-record
-- locks (an upsert) so that concurrent attempts on one key, from any process, take turns. Pruned
-- once its expiry (the latest window end it was touched for) has passed.
CREATE TABLE rate_window_keys (
  window_key TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);

CREATE INDEX rate_window_keys_by_expiry ON rate_window_keys (expires_at);

-- One row per counted event: when it leaves its window. A key holds at most its limit of rows
-- that have not expired; expired ones are deleted at the key's next attempt or by pruning.
CREATE TABLE rate_window_events (
  window_key TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE INDEX rate_window_events_by_key ON rate_window_events (window_key, expires_at);

CREATE INDEX rate_window_events_by_expiry ON rate_window_events (expires_at);

-- Spent single-use tokens (invite codes) by a digest of the code, never the code itself, until the
-- code expires: the primary key makes spending an atomic insert-if-absent across processes.
CREATE TABLE spent_tokens (
  digest TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);

CREATE INDEX spent_tokens_by_expiry ON spent_tokens (expires_at);
